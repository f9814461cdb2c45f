#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

namespace confer::test {

// What the real confer binary did for one command line: the tests drive it as a script would.
struct Outcome {
    int exitCode = -1;
    bool isNormalExit = false;
    QString out;
    QString err;
};

inline Outcome runConfer(const QStringList& arguments, const QString& input = {})
{
    QProcess process;
    process.start(QStringLiteral(CONFER_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForStarted());
    process.write(input.toUtf8());
    process.closeWriteChannel();
    EXPECT_TRUE(process.waitForFinished(120000));
    return Outcome{process.exitCode(), process.exitStatus() == QProcess::NormalExit,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
}

} // namespace confer::test
