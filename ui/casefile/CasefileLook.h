#pragma once

#include <QList>
#include <QString>

class QFormLayout;
class QFrame;
class QScrollArea;
class QLabel;
class QVBoxLayout;
class QWidget;

namespace confer {

// The few shared pieces every part of a case file is built from, so its tabs and dialogs look alike:
// a section title, a muted note, a white card and a form whose labels line up.
class CasefileLook final {
public:
    static QLabel* sectionTitle(const QString& text, QWidget* parent);
    static QLabel* mutedLabel(const QString& text, QWidget* parent);
    // A card (the overview's white panel) with a layout for the caller.
    static QFrame* card(QWidget* parent, QVBoxLayout*& layout);
    struct Row {
        QString label;
        QWidget* field;
    };
    // A card with its title and a form of these rows; `layout` is the card's, for anything more.
    static QFrame* formCard(const QString& title, const QList<Row>& rows, QWidget* parent,
                            QVBoxLayout** layout = nullptr);
    // Two columns of cards from the top, scrolled together when the window is short.
    static QScrollArea* twoColumns(const QList<QWidget*>& left, const QList<QWidget*>& right,
                                   QWidget* parent);
    // A borderless scroll area over the page's own background (cards sit on it, not on grey).
    static QScrollArea* scrollArea(QWidget* content, QWidget* parent);
    // A form row whose label lines up with the field: centred on one-line fields, at the top of tall ones.
    static QLabel* addFormRow(QFormLayout* form, const QString& text, QWidget* field, QWidget* parent);
    static QFormLayout* form();
    // Room for a tab's content: the same margins on every tab.
    static void setTabMargins(QVBoxLayout* layout);
    // Sets Tab to visit these widgets in this order; a container stands for the controls inside it,
    // in the order they were made (QWidget::setTabOrder ignores widgets that take no focus).
    static void chainTabOrder(const QList<QWidget*>& widgets);
};

} // namespace confer
