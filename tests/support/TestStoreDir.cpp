#include "TestStoreDir.h"

#include "StrayFileCheck.h"

#include <QDir>

namespace confer::test {

namespace {
QString storeTemplate()
{
    QDir().mkpath(StrayFileCheck::allowedStoreRoot());
    return StrayFileCheck::allowedStoreRoot() + QStringLiteral("/store-XXXXXX");
}
} // namespace

TestStoreDir::TestStoreDir()
    : m_dir(storeTemplate())
{}

} // namespace confer::test
