#include "shell/DemoFill.h"

#include "demo/DemoPartnership.h"
#include "session/LongWork.h"
#include "shell/DialogPresenter.h"
#include "shell/LongWorkProgress.h"

#include <QMessageBox>
#include <QPushButton>

namespace confer {

struct DemoFill::Outcome {
    DemoPartnership::Outcome filled;
};

DemoFill::DemoFill(Session& session, const PanelKindRegistry& kinds, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_kinds(kinds)
    , m_window(window)
    , m_outcome(std::make_shared<Outcome>())
{
    setObjectName(QStringLiteral("demoFill"));
}

DemoFill::~DemoFill() = default;

void DemoFill::ask()
{
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Fill with demonstration data"),
        tr("Add %n invented case(s), with partner agencies, panels and the people who sit on them?", nullptr,
           DemoPartnership::Options{}.cases),
        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("demoFillQuestion"));
    box->setAccessibleName(tr("Fill with demonstration data"));
    box->setInformativeText(tr("This store becomes a demonstration store for good: every screen will say "
                               "so, and no real information may go into it. A store that holds real cases "
                               "is refused. You can cancel while it runs; nothing is kept then."));
    QPushButton* fill = box->addButton(tr("&Fill"), QMessageBox::AcceptRole);
    fill->setObjectName(QStringLiteral("demoFillButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, fill](QAbstractButton* clicked) {
        if (clicked == fill)
            start();
        else
            deleteLater();
    });
    DialogPresenter::open(box);
}

void DemoFill::start()
{
    // On the worker thread, over the worker's own connection: the GUI thread only shows the progress.
    const PanelKindRegistry& kinds = m_kinds;
    std::shared_ptr<Outcome> outcome = m_outcome;
    m_work = new LongWork(
        m_session,
        [&kinds, outcome](Session& worker, LongWork::Progress& progress) -> Status {
            DemoPartnership::Options options;
            options.progress = [&progress](int done, int total) { return progress.report(done, total); };
            auto filled = DemoPartnership::fill(worker, kinds, options);
            if (!filled.ok())
                return filled.error();
            outcome->filled = *filled;
            return {};
        },
        this);
    m_work->setObjectName(QStringLiteral("demoFillWork"));
    connect(m_work, &LongWork::finished, this, &DemoFill::finish);
    auto* progress =
        new LongWorkProgress(*m_work, tr("Filling the store with demonstration data\u2026"), m_window);
    DialogPresenter::open(progress);
    m_work->start();
}

void DemoFill::finish()
{
    const Status& status = m_work->status();
    QString text;
    if (status.ok()) {
        const DemoPartnership::Outcome& filled = m_outcome->filled;
        text = tr("Demonstration data added: %1 cases, %2 new panels, %3 new agencies and %4 new accounts "
                  "(records only: nobody can sign in as them). This is a demonstration store now, for good.")
                   .arg(filled.cases)
                   .arg(filled.panels)
                   .arg(filled.agencies)
                   .arg(filled.users);
    } else {
        text = status.error().message; // the chair's sentence; a cancelled fill says nothing was kept
    }
    auto* box = new QMessageBox(status.ok() ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Fill with demonstration data"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("demoFillOutcome"));
    box->setAccessibleName(tr("Fill with demonstration data"));
    DialogPresenter::open(box);
    if (status.ok())
        emit filled();
    deleteLater();
}

} // namespace confer
