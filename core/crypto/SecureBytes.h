#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace confer {

// Key material in libsodium guarded memory (sodium_malloc: guard pages, mlock'd, never swapped,
// wiped on free). Move-only; wipe() zeroes and releases it early, e.g. on lock.
class SecureBytes final {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    SecureBytes(const unsigned char* data, std::size_t size);
    ~SecureBytes();
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    static SecureBytes random(std::size_t size);
    // The UTF-8 bytes of a passphrase (NFC-normalised, so the same words typed on another
    // keyboard layout give the same key).
    static SecureBytes fromPassphrase(const QString& passphrase);

    SecureBytes clone() const;
    void wipe();

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;

    // How many guarded buffers are alive in the process: after lock, none that held a store key
    // may remain (tests check this the way an attacker would look for leftovers).
    static int liveCount();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace confer
