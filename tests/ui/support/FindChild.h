#pragma once

#include "shell/ErrorLine.h"

#include <QAbstractItemView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QObject>
#include <QPushButton>
#include <QString>

#include <stdexcept>
#include <string>

namespace confer::test {

// Thrown when a widget a test looks for is not there. GoogleTest reports it as that test's failure
// ("C++ exception ... thrown in the test body"), where a null pointer would crash the whole run.
class MissingChild final : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The child of `parent` of type T with this object name (the first of that type when the name is
// empty), found the way KeePassXC's GUI tests find theirs. A missing one fails the test.
template <typename T>
T* child(const QObject* parent, const QString& name = QString())
{
    if (!parent)
        throw MissingChild("looked for '" + name.toStdString() + "' under no parent");
    T* found = parent->findChild<T*>(name);
    if (!found)
        throw MissingChild(std::string("no ") + T::staticMetaObject.className() + " named '" +
                           name.toStdString() + "' under " + parent->metaObject()->className() + " '" +
                           parent->objectName().toStdString() + "'");
    return found;
}

// The model the view `viewName` under `parent` shows, as the type its page gave it: tests reach a page's
// model through its view, as a person reaches the rows. Another type, or none, fails the test.
template <typename Model>
Model* modelOf(const QObject* parent, const QString& viewName)
{
    const QAbstractItemView* view = child<QAbstractItemView>(parent, viewName);
    auto* model = qobject_cast<Model*>(view->model());
    if (!model)
        throw MissingChild("the view '" + viewName.toStdString() + "' shows no " +
                           Model::staticMetaObject.className());
    return model;
}

// What the label `name` under `parent` says, or empty while it is hidden.
inline QString shownText(const QObject* parent, const QString& name)
{
    const auto* label = child<QLabel>(parent, name);
    return label->isVisibleTo(label->window()) ? label->text() : QString();
}

// The sentence a form's error line shows (the line named `name`, for a page or tab with its own), or
// empty while it is hidden.
inline QString shownError(const QObject* parent, const QString& name = QString())
{
    if (!name.isEmpty())
        return shownText(parent, name);
    const ErrorLine* line = child<ErrorLine>(parent);
    return line->isVisibleTo(line->window()) ? line->text() : QString();
}

// A form dialog's OK button, whatever its text says ("Add user", "Save").
inline QPushButton* okButton(const QObject* dialog)
{
    QPushButton* ok = child<QDialogButtonBox>(dialog)->button(QDialogButtonBox::Ok);
    if (!ok)
        throw MissingChild("the dialog's buttons have no OK");
    return ok;
}

} // namespace confer::test
