<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>confer::UnlockScreen</name>
    <message numerus="yes">
        <location filename="../ui/unlock/UnlockScreen.cpp" line="+238"/>
        <source>Too many attempts. Try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
