#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace confer {

// The title and one-line purpose at the top of each workspace section.
class PageHeader final : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& description, QWidget* parent = nullptr);

    // Lays out a section page: the sections' common margins, and this header at the top.
    static QVBoxLayout* layOut(QWidget* page, const QString& title, const QString& description);

private:
    QLabel* m_title;
    QLabel* m_description;
};

} // namespace confer
