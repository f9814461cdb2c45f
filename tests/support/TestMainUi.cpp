// Widget tests run under a QApplication (offscreen, or Xvfb) and drive it with real QTest events.
#include "RunTests.h"

#include <QApplication>

int main(int argc, char** argv)
{
    return confer::test::runAllTests<QApplication>(argc, argv);
}
