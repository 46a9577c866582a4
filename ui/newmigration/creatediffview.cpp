#include "creatediffview.h"

#include "linediff.h"
#include "sqlhighlighter.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
QPlainTextEdit *makeEditor(QWidget *parent, const QString &name)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(edit->document());
    return edit;
}

void highlight(QPlainTextEdit *edit, const QList<bool> &changed, const QColor &colour)
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = edit->document()->firstBlock();
    for (qsizetype i = 0; block.isValid() && i < changed.size(); ++i, block = block.next()) {
        if (!changed[i])
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.format.setBackground(colour);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << s;
    }
    edit->setExtraSelections(selections);
}
// What is not a difference the ALTER makes: the new table's own name (it is created as _T_gho and renamed at the
// swap) and the AUTO_INCREMENT counter (the empty ghost has none yet).
QStringList comparableLines(const QString &createStatement)
{
    static const QRegularExpression name(u"^(\\s*CREATE\\s+TABLE\\s+)(`(?:[^`]|``)*`|\\S+)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression counter(u"\\s+AUTO_INCREMENT=\\d+"_s, QRegularExpression::CaseInsensitiveOption);
    QStringList lines = createStatement.split(u'\n');
    if (!lines.isEmpty())
        lines.first().replace(name, u"\\1<table>"_s);
    for (QString &line : lines)
        if (line.startsWith(u')'))
            line.remove(counter);
    return lines;
}
} // namespace

CreateDiffView::CreateDiffView(QWidget *parent)
    : QWidget(parent)
    , m_left(makeEditor(this, u"currentCreate"_s))
    , m_right(makeEditor(this, u"proposedCreate"_s))
    , m_summary(new QLabel(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Current table"), this), 0, 0);
    grid->addWidget(new QLabel(tr("After the ALTER (dry run)"), this), 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    grid->addWidget(m_summary, 2, 0, 1, 2);
    m_right->setPlaceholderText(tr("Press \"Dry run\" to build the new table empty and see its definition here."));
}

void CreateDiffView::setCurrent(const QString &createStatement)
{
    m_left->setPlainText(createStatement);
    rediff();
}

void CreateDiffView::setProposed(const QString &createStatement)
{
    m_right->setPlainText(createStatement);
    rediff();
}

void CreateDiffView::setProposedMessage(const QString &message)
{
    m_right->setPlainText(message);
    m_right->setExtraSelections({});
    m_left->setExtraSelections({});
    m_summary->clear();
    m_changes = 0;
}

void CreateDiffView::rediff()
{
    const QString left = m_left->toPlainText(), right = m_right->toPlainText();
    if (left.isEmpty() || right.isEmpty() || !right.startsWith(u"CREATE"_s, Qt::CaseInsensitive)) {
        m_left->setExtraSelections({});
        m_right->setExtraSelections({});
        m_summary->clear();
        m_changes = 0;
        return;
    }
    const LineDiff diff = diffLines(comparableLines(left), comparableLines(right));
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    highlight(m_left, diff.changedLeft, dark ? QColor(0x6b, 0x24, 0x24) : QColor(0xff, 0xd7, 0xd5));
    highlight(m_right, diff.changedRight, dark ? QColor(0x1f, 0x4d, 0x2b) : QColor(0xd2, 0xf4, 0xd3));
    m_changes = diff.changes();
    m_summary->setText(m_changes == 0 ? tr("No difference: the ALTER does not change the table definition.")
                                      : tr("%n line(s) removed or changed, ", nullptr,
                                           int(diff.changedLeft.count(true)))
                               + tr("%n line(s) added or changed.", nullptr, int(diff.changedRight.count(true))));
}

} // namespace ui
