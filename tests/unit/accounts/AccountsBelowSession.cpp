// Accounts sit below the session: AccountService sees the signed-in session only through the
// AccountSession interface. This program links AccountService with confer_accounts and what it depends
// on, and without confer_session, so the build fails the day accounts start to call the session.
#include "accounts/AccountService.h"

int main()
{
    // Taking a member's address pulls AccountService's whole object file, and all it calls, into the link.
    volatile const auto addUser = &confer::AccountService::addUser;
    volatile const auto firstAdministrator = &confer::AccountService::createFirstAdministrator;
    return addUser != nullptr && firstAdministrator != nullptr ? 0 : 1;
}
