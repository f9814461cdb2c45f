#include "crypto/SecureBytes.h"

#include "crypto/Sodium.h"

#include <sodium.h>

#include <atomic>
#include <cstring>
#include <new>

namespace confer {

namespace {
std::atomic<int> g_liveCount{0};

unsigned char* allocate(std::size_t size)
{
    if (size == 0)
        return nullptr;
    if (!ensureSodium())
        throw std::bad_alloc();
    auto* data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!data)
        throw std::bad_alloc();
    ++g_liveCount;
    return data;
}
} // namespace

SecureBytes::SecureBytes(std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (m_data)
        sodium_memzero(m_data, m_size);
}

SecureBytes::SecureBytes(const unsigned char* data, std::size_t size)
    : m_data(allocate(size))
    , m_size(size)
{
    if (m_data)
        std::memcpy(m_data, data, size);
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(other.m_data)
    , m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (size)
        randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecureBytes SecureBytes::fromPassphrase(const QString& passphrase)
{
    QByteArray utf8 = passphrase.normalized(QString::NormalizationForm_C).toUtf8();
    SecureBytes bytes(reinterpret_cast<const unsigned char*>(utf8.constData()),
                      static_cast<std::size_t>(utf8.size()));
    // The QByteArray is ordinary heap memory: scrub it before it is released.
    sodium_memzero(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return bytes;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(m_data, m_size);
}

void SecureBytes::wipe()
{
    if (!m_data)
        return;
    sodium_memzero(m_data, m_size); // sodium_free zeroes too; this documents the intent
    sodium_free(m_data);
    --g_liveCount;
    m_data = nullptr;
    m_size = 0;
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

int SecureBytes::liveCount()
{
    return g_liveCount.load();
}

} // namespace confer
