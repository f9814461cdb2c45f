#pragma once

#include <QLabel>

namespace confer {

// The protective marking every screen that can show store data carries (Government Security
// Classifications: OFFICIAL-SENSITIVE).
class MarkingLabel final : public QLabel {
    Q_OBJECT
public:
    explicit MarkingLabel(QWidget* parent = nullptr);
};

} // namespace confer
