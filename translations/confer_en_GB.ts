<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>confer::AgendaList</name>
    <message numerus="yes">
        <location filename="../ui/meetings/AgendaList.cpp" line="+44"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confer::ChronologyTab</name>
    <message numerus="yes">
        <location filename="../ui/casefile/ChronologyTab.cpp" line="+90"/>
        <source>%n entry(s), newest first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entry(s), oldest first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confer::DemoFill</name>
    <message numerus="yes">
        <location filename="../ui/shell/DemoFill.cpp" line="+33"/>
        <source>Add %n invented case(s), with partner agencies, panels and the people who sit on them?</source>
        <translation>
            <numerusform>Add %n invented case, with partner agencies, panels and the people who sit on them?</numerusform>
            <numerusform>Add %n invented cases, with partner agencies, panels and the people who sit on them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confer::NotesTab</name>
    <message numerus="yes">
        <location filename="../ui/casefile/NotesTab.cpp" line="+110"/>
        <source>%n note(s), newest first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confer::RecoveryKeyPage</name>
    <message numerus="yes">
        <location filename="../ui/setup/RecoveryKeyPage.cpp" line="+204"/>
        <source>Too many attempts. Try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>confer::UnlockScreen</name>
    <message numerus="yes">
        <location filename="../ui/unlock/UnlockScreen.cpp" line="+225"/>
        <source>Too many attempts. Try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
