#include "PassphraseReader.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace confer {

bool PassphraseReader::isInteractive()
{
    return isatty(STDIN_FILENO) == 1;
}

QString PassphraseReader::read(const QString& prompt)
{
    const bool isTerminal = isInteractive();
    termios saved{};
    if (isTerminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string line;
    const bool hasLine = static_cast<bool>(std::getline(std::cin, line));
    if (isTerminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const QString passphrase =
        hasLine ? QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size())) : QString();
    if (!line.empty())
        sodium_memzero(line.data(), line.size());
    return passphrase;
}

} // namespace confer
