#pragma once

#include <QWidget>

namespace ui {

// A titled page with a one-line description; stands in for a screen until that screen is built.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace ui
