#pragma once

class QApplication;

namespace confer {

// Confer's look: Qt's Fusion style with a calm light palette and a short style sheet for the few
// named surfaces (cards, top bar, navigation, marking). Fonts stay the desktop's, for legibility.
class AppStyle final {
public:
    static void apply(QApplication& app);
};

} // namespace confer
