#include "newmigrationpage.h"

#include "backgroundtask.h"
#include "creatediffview.h"
#include "session.h"
#include "sqlhighlighter.h"

#include <mysql/connection.h>
#include <mysql/dberror.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::migration::MigrationSpec;

namespace ui {

namespace {
struct TableRow {
    QString name;
    quint64 rows = 0;
    quint64 bytes = 0;
};
struct Listing {
    QStringList items;
    std::vector<TableRow> tables;
    QString error;
};

// Runs on a worker thread with its own connection.
Listing queryListing(const engine::mysql::ConnectionSettings &settings, const QString &schema)
{
    Listing listing;
    try {
        auto c = engine::mysql::Connection::open(settings, u"gui-browse"_s);
        if (schema.isEmpty()) {
            auto r = c.query(u"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
                             "('mysql','information_schema','performance_schema','sys') ORDER BY SCHEMA_NAME"_s);
            while (r.next())
                listing.items << r.text(0);
        } else {
            auto r = c.query(u"SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES "
                             "WHERE TABLE_SCHEMA = "_s
                             + c.quote(schema) + u" AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"_s);
            while (r.next())
                listing.tables.push_back({r.text(0), r.toUInt(1), r.toUInt(2)});
        }
    } catch (const engine::mysql::DbException &e) {
        listing.error = e.error().toString();
    } catch (const std::exception &e) {
        listing.error = QString::fromUtf8(e.what());
    }
    return listing;
}
} // namespace

NewMigrationPage::NewMigrationPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_schema(new QComboBox(this))
    , m_tables(new QTreeWidget(this))
    , m_alterPrefix(new QLabel(this))
    , m_alter(new QPlainTextEdit(this))
    , m_chunkSize(new QSpinBox(this))
    , m_maxLag(new QSpinBox(this))
    , m_postpone(new QCheckBox(tr("Postpone the cut-over until I allow it"), this))
    , m_keepOld(new QCheckBox(tr("Keep the old table after the swap"), this))
    , m_revertWindow(new QSpinBox(this))
    , m_serverId(new QSpinBox(this))
    , m_controlReplicas(new QLineEdit(this))
    , m_dryRunButton(new QPushButton(tr("&Dry run"), this))
    , m_preflightButton(new QPushButton(tr("&Preflight…"), this))
    , m_startButton(new QPushButton(tr("&Start migration"), this))
    , m_status(new QLabel(this))
    , m_diff(new CreateDiffView(this))
{
    setObjectName(u"newMigrationPage"_s);
    m_schema->setObjectName(u"schemaCombo"_s);
    m_tables->setObjectName(u"tableTree"_s);
    m_alter->setObjectName(u"alterEdit"_s);
    m_chunkSize->setObjectName(u"chunkSizeSpin"_s);
    m_maxLag->setObjectName(u"maxLagSpin"_s);
    m_postpone->setObjectName(u"postponeCheck"_s);
    m_keepOld->setObjectName(u"keepOldCheck"_s);
    m_revertWindow->setObjectName(u"revertWindowSpin"_s);
    m_serverId->setObjectName(u"serverIdSpin"_s);
    m_controlReplicas->setObjectName(u"controlReplicasEdit"_s);
    m_dryRunButton->setObjectName(u"dryRunButton"_s);
    m_startButton->setObjectName(u"startButton"_s);
    m_status->setObjectName(u"newMigrationStatus"_s);

    m_tables->setHeaderLabels({tr("Table"), tr("Rows (estimate)"), tr("Size")});
    m_tables->setRootIsDecorated(false);
    m_tables->setUniformRowHeights(true);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tables->header()->setStretchLastSection(false);

    m_alter->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_alter->setPlaceholderText(tr("ADD COLUMN priority TINYINT NOT NULL DEFAULT 0, ADD INDEX idx_priority (priority)"));
    m_alter->setTabChangesFocus(true);
    new SqlHighlighter(m_alter->document());

    m_chunkSize->setRange(10, 1000000);
    m_chunkSize->setSingleStep(500);
    m_chunkSize->setValue(1000);
    m_chunkSize->setSuffix(tr(" rows"));
    m_chunkSize->setToolTip(tr("Rows copied per chunk at the start. Later chunks adapt so that each takes about half a "
                               "second; smaller chunks hold row locks for less time."));
    m_maxLag->setRange(100, 3600000);
    m_maxLag->setSingleStep(500);
    m_maxLag->setValue(1500);
    m_maxLag->setSuffix(tr(" ms"));
    m_maxLag->setToolTip(tr("When replication lag (or the lag of the binlog stream) exceeds this, copying pauses until "
                            "it recovers. Changes keep being applied meanwhile."));
    m_postpone->setToolTip(tr("Copy and keep the new table in sync, then wait in \"postponed\" until you press "
                              "\"Allow cut-over\" in the monitor. Use it to swap tables in a quiet moment."));
    m_keepOld->setChecked(true);
    m_keepOld->setToolTip(tr("After the swap the original table stays as _<table>_del, so you can go back. Untick to "
                             "drop it at the end (on a large table the DROP itself can be slow)."));
    m_revertWindow->setRange(0, 24 * 60);
    m_revertWindow->setSpecialValueText(tr("none"));
    m_revertWindow->setSuffix(tr(" min"));
    m_revertWindow->setToolTip(tr("After the swap, keep the old table in sync for this long, so that \"Revert\" "
                                  "in the monitor can swap it back with every write (--revert-window). Changes "
                                  "that can't be inverted (a changed column type, renamed columns) are refused at "
                                  "start."));
    m_serverId->setRange(1, 2147483647);
    m_serverId->setValue(99999);
    m_serverId->setToolTip(tr("The server id Shadowswap uses to read the binlog as a replica would. It must differ from "
                              "every real server and every other running migration."));
    m_controlReplicas->setPlaceholderText(tr("host:port, host:port (optional)"));
    m_controlReplicas->setToolTip(tr("More replicas whose lag pauses the copy when it exceeds the max lag (gh-ost's "
                                     "--throttle-control-replicas). The server you connected to is always watched "
                                     "when it is a replica."));
    m_dryRunButton->setToolTip(tr("Create the new table empty, apply the ALTER, show the result, and drop it. Changes no "
                                  "data."));
    m_startButton->setToolTip(tr("Start copying; you watch and steer the migration in the Monitor."));
    m_status->setWordWrap(true);

    auto *pickers = new QWidget(this);
    auto *pickerLayout = new QVBoxLayout(pickers);
    pickerLayout->setContentsMargins(0, 0, 0, 0);
    auto *schemaRow = new QHBoxLayout;
    auto *schemaLabel = new QLabel(tr("&Schema:"), pickers);
    schemaLabel->setBuddy(m_schema);
    auto *refresh = new QPushButton(tr("&Refresh"), pickers);
    schemaRow->addWidget(schemaLabel);
    schemaRow->addWidget(m_schema, 1);
    schemaRow->addWidget(refresh);
    pickerLayout->addLayout(schemaRow);
    pickerLayout->addWidget(m_tables, 1);

    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_alterPrefix);
    editorLayout->addWidget(m_alter, 1);
    auto *options = new QGroupBox(tr("Options"), editor);
    auto *form = new QFormLayout(options);
    form->addRow(tr("Chunk size:"), m_chunkSize);
    form->addRow(tr("Max lag:"), m_maxLag);
    form->addRow(tr("Replicas to watch:"), m_controlReplicas);
    form->addRow(tr("Binlog client server id:"), m_serverId);
    form->addRow(tr("Revert window:"), m_revertWindow);
    form->addRow(QString(), m_postpone);
    form->addRow(QString(), m_keepOld);
    editorLayout->addWidget(options);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_dryRunButton);
    buttons->addWidget(m_preflightButton);
    buttons->addStretch(1);
    buttons->addWidget(m_startButton);
    editorLayout->addLayout(buttons);
    editorLayout->addWidget(m_status);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(pickers);
    top->addWidget(editor);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(m_diff);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(vertical);

    connect(refresh, &QPushButton::clicked, this, &NewMigrationPage::loadSchemas);
    connect(m_schema, &QComboBox::currentTextChanged, this, &NewMigrationPage::loadTables);
    connect(m_tables, &QTreeWidget::currentItemChanged, this, [this] {
        updateTarget();
        loadCurrentDefinition();
    });
    connect(m_alter, &QPlainTextEdit::textChanged, this, &NewMigrationPage::updateTarget);
    connect(m_dryRunButton, &QPushButton::clicked, this, &NewMigrationPage::dryRun);
    connect(m_preflightButton, &QPushButton::clicked, this, &NewMigrationPage::preflightRequested);
    connect(m_startButton, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(spec(), postponeCutOver()); });
    connect(m_session, &Session::connectionChanged, this, &NewMigrationPage::loadSchemas);
    connect(m_session, &Session::preflightReportChanged, this, &NewMigrationPage::updateButtons);
    connect(m_session, &Session::overriddenFindingsChanged, this, &NewMigrationPage::updateButtons);
    connect(m_session->controller(), &engine::migration::MigrationController::finished, this,
            &NewMigrationPage::updateButtons);
    connect(m_session->controller(), &engine::migration::MigrationController::failed, this,
            &NewMigrationPage::updateButtons);
    connect(m_session->controller(), &engine::migration::MigrationController::stateChanged, this,
            &NewMigrationPage::updateButtons);
    connect(&m_dryRun, &engine::migration::MigrationController::finished, this,
            [this](const engine::migration::MigrationSummary &summary) {
                m_diff->setProposed(summary.newCreateStatement);
                m_status->setText(tr("Dry run passed: the new table was built empty, checked and dropped again."));
                updateButtons();
                Q_EMIT dryRunFinished(true);
            });
    connect(&m_dryRun, &engine::migration::MigrationController::failed, this,
            [this](const engine::migration::MigrationFailure &failure) {
                m_diff->setProposedMessage(tr("The dry run failed (%1):\n\n%2").arg(failure.code, failure.message));
                m_status->setText(tr("Dry run failed: %1").arg(failure.message));
                updateButtons();
                Q_EMIT dryRunFinished(false);
            });
    updateTarget();
}

void NewMigrationPage::preselect(const QString &database, const QString &table, const QString &alter)
{
    m_wantedSchema = database;
    m_wantedTable = table;
    m_alter->setPlainText(alter);
    if (m_schema->findText(database) < 0)
        loadSchemas(); // maybe created since the last listing
    else if (m_schema->currentText() != database)
        m_schema->setCurrentText(database);
    else
        loadTables();
}

void NewMigrationPage::loadSchemas()
{
    if (!m_session->isConnected())
        return;
    const int generation = ++m_schemaGeneration;
    m_status->setText(tr("Loading schemas…"));
    runInBackground<Listing>(
        this, [settings = m_session->settings()] { return queryListing(settings, {}); },
        [this, generation](const Listing &listing) {
            if (generation != m_schemaGeneration)
                return;
            m_status->setText(listing.error);
            const QString keep = m_wantedSchema.isEmpty() ? m_schema->currentText() : m_wantedSchema;
            const QSignalBlocker blocker(m_schema);
            m_schema->clear();
            m_schema->addItems(listing.items);
            m_schema->setCurrentIndex(std::max(0, int(m_schema->findText(keep))));
            loadTables();
        });
}

void NewMigrationPage::loadTables()
{
    const QString schema = m_schema->currentText();
    if (schema.isEmpty() || !m_session->isConnected())
        return;
    const int generation = ++m_generation;
    runInBackground<Listing>(
        this, [settings = m_session->settings(), schema] { return queryListing(settings, schema); },
        [this, generation](const Listing &listing) {
            if (generation != m_generation)
                return;
            m_status->setText(listing.error);
            const QString keep = m_wantedTable.isEmpty() ? (m_tables->currentItem() ? m_tables->currentItem()->text(0)
                                                                                   : QString())
                                                         : m_wantedTable;
            m_tables->clear();
            const QLocale locale;
            QTreeWidgetItem *select = nullptr;
            for (const TableRow &t : listing.tables) {
                auto *item = new QTreeWidgetItem(m_tables, {t.name, locale.toString(t.rows),
                                                            locale.formattedDataSize(qint64(t.bytes))});
                item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
                item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
                if (t.name == keep)
                    select = item;
            }
            if (select)
                m_tables->setCurrentItem(select);
            m_wantedSchema.clear();
            m_wantedTable.clear();
            Q_EMIT tablesLoaded();
        });
}

void NewMigrationPage::loadCurrentDefinition()
{
    const QString schema = m_session->database(), table = m_session->table();
    m_diff->setCurrent({});
    m_diff->setProposedMessage({});
    if (table.isEmpty())
        return;
    runInBackground<QString>(
        this,
        [settings = m_session->settings(), schema, table]() -> QString {
            try {
                auto c = engine::mysql::Connection::open(settings, u"gui-browse"_s);
                auto r = c.query(u"SHOW CREATE TABLE `%1`.`%2`"_s.arg(QString(schema).replace(u'`', u"``"_s),
                                                                       QString(table).replace(u'`', u"``"_s)));
                return r.next() ? r.text(1) : QString();
            } catch (const std::exception &e) {
                return u"-- "_s + QString::fromUtf8(e.what());
            }
        },
        [this, schema, table](const QString &create) {
            if (m_session->database() == schema && m_session->table() == table)
                m_diff->setCurrent(create);
        });
}

void NewMigrationPage::updateTarget()
{
    const QString table = m_tables->currentItem() ? m_tables->currentItem()->text(0) : QString();
    const QString schema = table.isEmpty() ? QString() : m_schema->currentText();
    m_session->setTarget(schema, table, m_alter->toPlainText().trimmed());
    m_alterPrefix->setText(table.isEmpty() ? tr("Pick a table, then type the ALTER:")
                                           : u"<b>ALTER TABLE</b> <code>`%1`.`%2`</code>"_s.arg(
                                                 schema.toHtmlEscaped(), table.toHtmlEscaped()));
    updateButtons();
}

void NewMigrationPage::updateButtons()
{
    const bool ready = !m_session->table().isEmpty() && !m_session->alter().isEmpty();
    const bool busy = m_dryRun.isRunning() || m_session->isMigrating();
    m_dryRunButton->setEnabled(ready && !busy);
    const QStringList blockers = m_session->unresolvedBlockers();
    m_startButton->setEnabled(ready && !busy && blockers.isEmpty());
    m_startButton->setToolTip(blockers.isEmpty()
                                  ? tr("Start copying; you watch and steer the migration in the Monitor.")
                                  : tr("Preflight found blocking problems (%1). Fix them and re-run preflight, or "
                                       "override them one by one on the Preflight page.")
                                        .arg(blockers.join(u", "_s)));
    m_preflightButton->setEnabled(!m_session->table().isEmpty());
}

MigrationSpec NewMigrationPage::spec() const
{
    MigrationSpec spec;
    spec.inspector = m_session->settings();
    spec.allowOnMaster = m_session->profile().readPrimaryBinlog;
    spec.database = m_session->database();
    spec.table = m_session->table();
    spec.alter = m_session->alter();
    spec.execute = true;
    spec.chunkSize = m_chunkSize->value();
    spec.maxLagMillis = m_maxLag->value();
    spec.okToDropTable = !m_keepOld->isChecked();
    spec.revertWindowSeconds = m_revertWindow->value() * 60;
    spec.replicaServerId = quint32(m_serverId->value());
    spec.throttle.throttleControlReplicas = m_controlReplicas->text().simplified().remove(u' ');
    return spec;
}

bool NewMigrationPage::postponeCutOver() const
{
    return m_postpone->isChecked();
}

void NewMigrationPage::dryRun()
{
    if (m_dryRun.isRunning())
        return;
    MigrationSpec s = spec();
    s.execute = false;
    if (const QString problem = s.validate(); !problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_diff->setProposedMessage(tr("Building the new table empty…"));
    m_status->setText(tr("Dry run running…"));
    m_dryRun.start(s);
    updateButtons();
}

} // namespace ui
