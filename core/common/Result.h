#pragma once

#include "common/Error.h"

#include <optional>
#include <utility>
#include <variant>

namespace confer {

// The value of a fallible call, or the reason it failed. Nothing in core throws across its API.
template <typename T>
class [[nodiscard]] Result final {
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// A fallible call with no value: success, or an Error.
class [[nodiscard]] Status final {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}
    template <typename T>
    Status(const Result<T>& result)
    {
        if (!result.ok())
            m_error = result.error();
    }

    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace confer
