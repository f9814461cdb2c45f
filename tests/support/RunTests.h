#pragma once

#include "StrayFileCheck.h"

#include <gtest/gtest.h>

#include <ctime>
#include <memory>

namespace confer::test {

// Fails the run when any test wrote a file outside its store directory.
class StrayFileEnvironment final : public ::testing::Environment {
public:
    void SetUp() override { m_check = std::make_unique<StrayFileCheck>(); }
    void TearDown() override
    {
        const QStringList stray = m_check->strayFiles();
        EXPECT_TRUE(stray.isEmpty()) << "files written outside the store directory:\n"
                                     << stray.join(QLatin1Char('\n')).toStdString();
    }

private:
    std::unique_ptr<StrayFileCheck> m_check;
};

// main() of every test binary, with the Qt application class the tests need.
template <typename Application>
int runAllTests(int argc, char** argv)
{
    // One time zone for every run, wherever it runs: "today", "overdue" and due dates are local dates,
    // and the timer tests must not depend on the machine's zone.
    qputenv("TZ", "Europe/London");
    tzset();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Application app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new StrayFileEnvironment);
    return RUN_ALL_TESTS();
}

} // namespace confer::test
