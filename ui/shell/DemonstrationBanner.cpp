#include "shell/DemonstrationBanner.h"

#include "demo/DemonstrationStore.h"
#include "session/Session.h"

namespace confer {

DemonstrationBanner::DemonstrationBanner(Session& session, Place place, QWidget* parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("demonstrationBanner"));
    setAccessibleName(tr("Demonstration store"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setText(place == Place::NewCase
                ? tr("Demonstration store: this case will be a demonstration case. Use invented people "
                     "only; do not enter real information.")
                : tr("Demonstration store: invented people and cases only. Do not enter real "
                     "information."));
    refresh();
}

void DemonstrationBanner::refresh()
{
    // A store whose flag cannot be read is not called a demonstration store: the banner never vouches
    // for a store it has not checked.
    const auto isDemonstration = DemonstrationStore::isDemonstration(m_session.database());
    setVisible(isDemonstration.ok() && *isDemonstration);
}

} // namespace confer
