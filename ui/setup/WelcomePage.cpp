#include "setup/WelcomePage.h"

#include "shell/Tone.h"

#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

namespace confer {

WelcomePage::WelcomePage(const QString& storeDirectory, QWidget* parent)
    : QWizardPage(parent)
{
    setTitle(tr("Welcome to Confer"));
    setSubTitle(tr("Confer keeps the records of multi-agency case conferences \u2014 MAPS, IOM, MEAM and "
                   "Channel panels \u2014 in an encrypted store on this computer."));

    auto* intro = new QLabel(
        tr("Setup creates that store and its first administrator account, which can then add the "
           "chairs, coordinators and members who use it. It takes a minute or two.\n\n"
           "Everything Confer holds is OFFICIAL-SENSITIVE. It stays inside the encrypted store, locks "
           "itself when this computer is left alone, and records every change in an audit trail."),
        this);
    intro->setWordWrap(true);

    auto* needs = new QLabel(tr("<p><b>You will need:</b></p>"
                                "<ul style=\"margin-left: -20px\">"
                                "<li>a login and a passphrase for yourself, the first administrator;</li>"
                                "<li>pen and paper for the recovery key Confer shows once, and somewhere "
                                "safe to keep it, such as a locked safe.</li></ul>"),
                             this);
    needs->setWordWrap(true);
    needs->setTextFormat(Qt::RichText);

    auto* whereLabel = new QLabel(tr("The store will be created in this folder:"), this);
    auto* where = new QLabel(QDir::toNativeSeparators(storeDirectory), this);
    where->setObjectName(QStringLiteral("storeDirectory"));
    where->setAccessibleName(tr("Store folder"));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    where->setWordWrap(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    where->setFont(mono);

    auto* next = new QLabel(tr("Choose Next to set up the administrator account."), this);
    applyTone(next, Tone::Muted);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(needs);
    layout->addWidget(whereLabel);
    layout->addWidget(where);
    layout->addStretch(1);
    layout->addWidget(next);
}

} // namespace confer
