#include "runsummaryview.h"

#include "statestrip.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::report::RunSummary;

namespace ui {

namespace {
QString cell(const QString &text) {
    return u"<td>"_s + text.toHtmlEscaped() + u"</td>"_s;
}

QString serverRows(const RunSummary &summary) {
    QString rows;
    for (const RunSummary::Server &server : summary.servers) {
        QStringList duties;
        if (server.readsBinlog)
            duties << RunSummaryView::tr("the binlog is read here");
        if (server.receivesWrites)
            duties << RunSummaryView::tr("writes go here: ghost table, copy, changes, cut-over");
        if (server.watchedForLag)
            duties << RunSummaryView::tr("its lag throttles the migration");
        const QString endpoint = server.endpoint.isEmpty()
                                     ? RunSummaryView::tr("the primary (found from the replica at start)")
                                     : server.endpoint;
        const QString version =
            server.version.isEmpty() ? RunSummaryView::tr("not checked yet") : server.version;
        rows += u"<tr>"_s + cell(endpoint) + cell(server.roles) + cell(duties.join(u"; "_s)) + cell(version) +
                u"</tr>"_s;
    }
    return rows;
}

QString preflightText(const RunSummary &s) {
    if (!s.preflightAvailable)
        return RunSummaryView::tr(
            "Not run for this table yet. The engine runs preflight itself before it changes "
            "anything, and stops if a finding blocks.");
    if (!s.preflightFailure.isEmpty())
        return RunSummaryView::tr("Preflight could not run: %1").arg(s.preflightFailure);
    QString text = s.blockers.isEmpty() ? RunSummaryView::tr("Nothing blocks the migration.")
                                        : RunSummaryView::tr("Blocked by %1.").arg(s.blockers.join(u", "_s));
    if (!s.overridden.isEmpty())
        text += u' ' + RunSummaryView::tr("Overridden by you: %1.").arg(s.overridden.join(u", "_s));
    text += u' ' + RunSummaryView::tr("%n warning(s), ", nullptr, int(s.warnings.size())) +
            RunSummaryView::tr("%n check(s) passed.", nullptr, s.okCount);
    return text;
}
} // namespace

RunSummaryView::RunSummaryView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QTextBrowser(this))
    , m_command(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy command line"), this))
    , m_commandNote(new QLabel(this)) {
    m_text->setObjectName(u"runSummaryText"_s);
    m_command->setObjectName(u"commandLineEdit"_s);
    m_copy->setObjectName(u"copyCommandLineButton"_s);
    m_command->setReadOnly(true);
    m_command->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setMaximumHeight(m_command->fontMetrics().lineSpacing() * 7);
    m_commandNote->setWordWrap(true);
    m_text->setOpenLinks(false);

    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(new QLabel(tr("The same migration with shadowswap-cli:"), this), 1);
    commandRow->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addLayout(commandRow);
    layout->addWidget(m_command);
    layout->addWidget(m_commandNote);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_command->toPlainText()); });
}

void RunSummaryView::setSummary(const RunSummary &s, bool postponeCutOver) {
    const QLocale locale;
    QString html = u"<h3>"_s + tr("Servers") + u"</h3>"_s;
    html +=
        u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>"_s
            .arg(tr("Server"), tr("Role"), tr("What happens there"), tr("Version"));
    html += serverRows(s) + u"</table>"_s;

    html += u"<h3>"_s + tr("Table") + u"</h3><p><b>"_s +
            QString(s.database + u'.' + s.table).toHtmlEscaped() + u"</b>"_s;
    if (s.sizeKnown)
        html += u" — "_s + tr("about %1 rows, %2")
                               .arg(locale.toString(static_cast<qulonglong>(s.rowEstimate)),
                                    locale.formattedDataSize(qint64(s.tableBytes)));
    html += u"</p><p>"_s;
    html += s.sizeKnown && s.estimatedCopySeconds >= 0
                ? tr("Copy time estimate: %1 (measured on a scratch table; write load slows the copy).")
                      .arg(s.estimatedCopySeconds < 1.0
                               ? tr("under a second")
                               : StateStrip::duration(qint64(s.estimatedCopySeconds * 1000.0)))
                : tr("No estimate yet: run preflight to measure the copy rate and the table's size.");
    html += u"</p>"_s;

    html += u"<h3>"_s + tr("ALTER") + u"</h3><pre style=\"white-space: pre-wrap\">"_s +
            QString(u"ALTER TABLE "_s + s.table + u' ' + s.alter).toHtmlEscaped() + u"</pre>"_s;
    html += u"<p>"_s +
            (s.execute ? tr("Executed: the table is changed for real.")
                       : tr("Dry run: the ghost table is built and dropped again.")) +
            u"</p>"_s;

    html += u"<h3>"_s + tr("Options changed from the defaults") + u"</h3>"_s;
    if (s.changedOptions.isEmpty() && !postponeCutOver) {
        html += u"<p>"_s + tr("None: every option has shadowswap-cli's default.") + u"</p>"_s;
    } else {
        html +=
            u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th></tr>"_s
                .arg(tr("Option"), tr("Value"), tr("Default"));
        for (const auto &option : s.changedOptions)
            html += u"<tr>"_s + cell(u"--"_s + option.flag) + cell(option.value) +
                    cell(option.defaultValue.isEmpty() ? tr("(empty)") : option.defaultValue) + u"</tr>"_s;
        if (postponeCutOver)
            html += u"<tr>"_s + cell(tr("postpone the cut-over")) +
                    cell(tr("until you allow it in the Monitor")) + cell(tr("off")) + u"</tr>"_s;
        html += u"</table>"_s;
    }

    html += u"<h3>"_s + tr("Preflight") + u"</h3><p>"_s + preflightText(s).toHtmlEscaped() + u"</p>"_s;
    if (!s.warnings.isEmpty()) {
        html += u"<ul>"_s;
        for (const QString &warning : s.warnings)
            html += u"<li>"_s + warning.toHtmlEscaped() + u"</li>"_s;
        html += u"</ul>"_s;
    }
    m_text->setHtml(html);
    m_command->setPlainText(s.commandLineMultiLine);
    QString note = tr("No password is included: --ask-pass asks for it (for scripts, drop it and set "
                      "SHADOWSWAP_PASSWORD).");
    if (!s.omittedSecrets.isEmpty())
        note += u' ' + tr("Also left out: --%1.").arg(s.omittedSecrets.join(u", --"_s));
    if (postponeCutOver)
        note += u' ' +
                tr("To postpone the cut-over from the command line, add --postpone-cut-over-flag-file=FILE "
                   "and delete FILE when the swap may go ahead.");
    m_commandNote->setText(note);
}

QString RunSummaryView::plainText() const {
    return m_text->toPlainText() + u'\n' + m_command->toPlainText() + u'\n' + m_commandNote->text();
}

QString RunSummaryView::commandLine() const {
    return m_command->toPlainText();
}

} // namespace ui
