#pragma once

class QApplication;
class QWidget;

namespace confer {

// Confer's look: Qt's Fusion style with a calm light palette and a short style sheet for the few
// named surfaces (cards, top bar, navigation, marking). Fonts stay the desktop's, for legibility.
class AppStyle final {
public:
    // A look several widgets share. Set as a property, so a widget's object name stays free to say
    // which widget it is.
    enum class Look { Card, InfoCard, WarningBanner, PrimaryButton, LinkButton };

    static void apply(QApplication& app);
    static void setLook(QWidget* widget, Look look);
};

} // namespace confer
