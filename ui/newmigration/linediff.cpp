#include "linediff.h"

#include <vector>

namespace ui {

int LineDiff::changes() const
{
    return int(changedLeft.count(true) + changedRight.count(true));
}

LineDiff diffLines(const QStringList &left, const QStringList &right)
{
    const auto n = left.size(), m = right.size();
    // A trailing comma is ignored: appending a column changes only the punctuation of the line before it.
    const auto norm = [](const QString &line) {
        QStringView v = QStringView(line).trimmed();
        return v.endsWith(u',') ? v.chopped(1) : v;
    };
    const auto same = [&](qsizetype i, qsizetype j) { return norm(left[i]) == norm(right[j]); };
    // lcs[i][j]: length of the LCS of left[i..] and right[j..]. CREATE TABLE statements are short.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    LineDiff diff;
    diff.changedLeft.fill(true, n);
    diff.changedRight.fill(true, m);
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (same(i, j)) {
            diff.changedLeft[i++] = false;
            diff.changedRight[j++] = false;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return diff;
}

} // namespace ui
