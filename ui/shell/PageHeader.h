#pragma once

#include <QWidget>

class QLabel;

namespace confer {

// The title and one-line purpose at the top of each workspace section.
class PageHeader final : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& description, QWidget* parent = nullptr);

private:
    QLabel* m_title;
    QLabel* m_description;
};

} // namespace confer
