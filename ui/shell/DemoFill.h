#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace confer {

class LongWork;
class PanelKindRegistry;
class Session;

// The account menu's "Fill with demonstration data…": asks the administrator first (the store becomes a
// demonstration store for good), then runs DemoPartnership::fill as a LongWork, on a connection of its
// own behind a progress dialog with Cancel, and says what came of it. One run per object.
class DemoFill final : public QObject {
    Q_OBJECT
public:
    DemoFill(Session& session, const PanelKindRegistry& kinds, QWidget* window);
    ~DemoFill() override;

    void ask();

signals:
    // The demonstration data is in the store: the workspace shows it.
    void filled();

private:
    struct Outcome;
    void start();
    void finish();

    Session& m_session;
    const PanelKindRegistry& m_kinds;
    QPointer<QWidget> m_window;
    LongWork* m_work = nullptr;
    std::shared_ptr<Outcome> m_outcome; // written on the worker thread, read after finished()
};

} // namespace confer
