#include "shell/LongWorkProgress.h"

#include "session/LongWork.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

LongWorkProgress::LongWorkProgress(LongWork& work, const QString& what, QWidget* parent)
    : QDialog(parent)
    , m_work(&work)
    , m_label(new QLabel(what, this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("longWorkProgress"));
    setWindowTitle(tr("Confer"));
    setAccessibleName(what);
    setMinimumWidth(420);
    m_label->setObjectName(QStringLiteral("longWorkLabel"));
    m_label->setWordWrap(true);
    m_bar->setObjectName(QStringLiteral("longWorkBar"));
    m_bar->setAccessibleName(what);
    m_bar->setRange(0, 0); // busy until the first report says how much there is
    m_cancel->setObjectName(QStringLiteral("longWorkCancel"));
    m_cancel->setAccessibleName(tr("Cancel: stop and keep nothing of it"));

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_cancel, &QPushButton::clicked, this, &LongWorkProgress::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(buttons);

    connect(&work, &LongWork::progressed, this, [this](int done, int total) {
        m_bar->setRange(0, total);
        m_bar->setValue(done);
    });
    // The base class's done(), not reject(): that only asks the work to stop.
    connect(&work, &LongWork::finished, this, [this] { QDialog::done(QDialog::Accepted); });
}

void LongWorkProgress::reject()
{
    if (!m_work || !m_work->isRunning()) {
        QDialog::reject();
        return;
    }
    m_work->cancel();
    m_cancel->setEnabled(false);
    m_label->setText(tr("Stopping. Nothing of this will be kept\u2026"));
}

} // namespace confer
