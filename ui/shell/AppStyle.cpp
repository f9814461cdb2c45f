#include "shell/AppStyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace confer {

namespace {

const char* const styleSheetText = R"(
#setupHost, #unlockScreen { background: #e9edf1; }
[look="card"] { background: #ffffff; border: 1px solid #cfd6dd; border-radius: 8px; }
QWizard#setupWizard { background: #ffffff; border: 1px solid #cfd6dd; }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
#markingBadge { background: #2f3b45; color: #ffffff; padding: 3px 10px; border-radius: 3px; }
#topBar { background: #ffffff; border-bottom: 1px solid #d5dbe1; }
#demonstrationBanner { background: #fde68a; color: #3d2c00; border-bottom: 1px solid #d4a017; padding: 6px 14px; }
#navigation { background: #f4f6f8; border: none; border-right: 1px solid #d5dbe1; outline: 0; }
#navigation::item { padding: 9px 14px; border-left: 3px solid transparent; color: #1f2933; }
#navigation::item:hover { background: #e8edf2; }
#navigation::item:selected { background: #dce7f2; border-left: 3px solid #24527a; color: #10283d; }
#sectionStack { background: #ffffff; }
[look="infoCard"] { background: #ffffff; border: 1px solid #d5dbe1; border-radius: 6px; }
[look="warningBanner"] { background: #fff4e0; border: 1px solid #e9b261; border-radius: 6px; }
#recoveryKeyFrame { background: #f7f9fb; border: 1px dashed #9aa7b3; border-radius: 6px; }
QPushButton[look="primary"] { background: #24527a; color: #ffffff; border: 1px solid #1b4061;
    border-radius: 4px; padding: 6px 18px; }
QPushButton[look="primary"]:hover { background: #2b6191; }
QPushButton[look="primary"]:pressed { background: #1b4061; }
QPushButton[look="primary"]:focus { border: 2px solid #0d2437; }
QPushButton[look="primary"]:disabled { background: #a9b8c6; border-color: #a9b8c6; color: #ffffff; }
QPushButton:disabled, QToolButton:disabled, QCheckBox:disabled, QRadioButton:disabled { color: #8f9ba7; }
QPushButton[look="link"] { border: none; color: #24527a; text-decoration: underline; padding: 2px; }
QPushButton[look="link"]:focus { border: 1px dotted #24527a; }
QToolButton#accountButton { padding: 4px 8px; border: 1px solid transparent; border-radius: 4px; }
QToolButton#accountButton::menu-indicator { image: none; width: 0; }
QToolButton#accountButton:hover, QToolButton#accountButton:focus { border-color: #b8c2cc; background: #f1f4f7; }
QTableView { gridline-color: #e3e7eb; }
)";

} // namespace

void AppStyle::apply(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf8));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    palette.setColor(QPalette::Highlight, QColor(0x24, 0x52, 0x7a));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Link, QColor(0x24, 0x52, 0x7a));
    app.setPalette(palette);
    app.setStyleSheet(QString::fromLatin1(styleSheetText));
}

void AppStyle::setLook(QWidget* widget, Look look)
{
    static const char* const names[] = {"card", "infoCard", "warningBanner", "primary", "link"};
    widget->setProperty("look", QLatin1String(names[int(look)]));
}

} // namespace confer
