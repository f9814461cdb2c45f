#pragma once

#include <QLabel>

namespace confer {

class Session;

// The warning every screen of a demonstration store carries (DemonstrationStore): the people and cases
// in it are invented, and nothing real may go in. Hidden in any other store.
class DemonstrationBanner final : public QLabel {
    Q_OBJECT
public:
    enum class Place {
        Window,  // under the top bar of the workspace, over every section and case
        NewCase, // at the top of the New case dialog
    };
    DemonstrationBanner(Session& session, Place place, QWidget* parent = nullptr);

    // Shown when the store is a demonstration store now (after a demo fill from the window).
    void refresh();

private:
    Session& m_session;
};

} // namespace confer
