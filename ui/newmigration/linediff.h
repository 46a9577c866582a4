#pragma once

#include <QList>
#include <QStringList>

namespace ui {

// Which lines of two texts have no counterpart in the other (longest common subsequence of whole lines,
// compared without surrounding white space and trailing comma). changedLeft[i] is true when left line i was removed or changed;
// changedRight[j] likewise for added or changed lines on the right.
struct LineDiff {
    QList<bool> changedLeft;
    QList<bool> changedRight;
    [[nodiscard]] int changes() const;
};

LineDiff diffLines(const QStringList &left, const QStringList &right);

} // namespace ui
