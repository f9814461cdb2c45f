// Core tests run under a QGuiApplication (offscreen), so clipboard and event-loop code runs as
// it does in the product.
#include "RunTests.h"

#include <QGuiApplication>

int main(int argc, char** argv)
{
    return confer::test::runAllTests<QGuiApplication>(argc, argv);
}
