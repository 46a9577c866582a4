#include "migrationspage.h"

#include "backgroundtask.h"
#include "migrationlistmodel.h"

#include <mysql/connection.h>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::inspect::DiscoveredMigration;

namespace ui {

namespace {
struct Discovery {
    QList<DiscoveredMigration> found;
    QString error;
};
} // namespace

MigrationsPage::MigrationsPage(MigrationListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_showHistory(new QCheckBox(tr("&Past migrations (history)"), this))
    , m_view(new QTableView(this))
    , m_find(new QPushButton(tr("&Find migrations on the server"), this))
    , m_status(new QLabel(this)) {
    setObjectName(u"migrationsPage"_s);
    m_view->setObjectName(u"migrationsView"_s);
    m_find->setObjectName(u"findMigrationsButton"_s);
    m_status->setObjectName(u"migrationsStatus"_s);
    m_status->setWordWrap(true);
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setWordWrap(false);
    m_find->setToolTip(tr("List the migrations in progress on the connected server from their helper tables "
                          "(_T_ghc with a fresh heartbeat): gh-ost's and Shadowswap's."));

    auto *attach = new QPushButton(tr("&Attach to a running migration…"), this);
    attach->setObjectName(u"attachButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(m_find);
    buttons->addStretch(1);
    buttons->addWidget(m_showHistory);
    m_showHistory->setObjectName(u"showHistoryCheck"_s);
    m_showHistory->setChecked(true);
    m_showHistory->setToolTip(tr("List the migrations the history journal holds (this console's and "
                                 "shadowswap-cli's on this machine) after the live ones."));

    auto *intro =
        new QLabel(tr("Every migration this console runs, watches through a control socket, or found on a "
                      "server, then the past ones. Double-click one to open its monitor, or a past one's report."),
                   this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(attach, &QPushButton::clicked, this, &MigrationsPage::attachRequested);
    connect(m_find, &QPushButton::clicked, this, &MigrationsPage::discoverRequested);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT openRequested(index.row()); });
    connect(m_showHistory, &QCheckBox::toggled, this, &MigrationsPage::applyHistoryFilter);
    // Row insertions and removals shift the view's hidden rows: set them again after each.
    connect(model, &QAbstractItemModel::rowsInserted, this, &MigrationsPage::applyHistoryFilter);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MigrationsPage::applyHistoryFilter);
    connect(model, &QAbstractItemModel::modelReset, this, &MigrationsPage::applyHistoryFilter);
    connect(model, &QAbstractItemModel::dataChanged, this, &MigrationsPage::fitColumns);
}

void MigrationsPage::applyHistoryFilter() {
    const bool show = m_showHistory->isChecked();
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_view->setRowHidden(row, !show && m_model->kindAt(row) == MigrationListModel::Kind::Recorded);
    fitColumns();
}

void MigrationsPage::fitColumns() {
    // The header's ResizeToContents mode missed rows inserted while the page was hidden ("pos…" for
    // "postponed"): fit every column but the last, which stretches, to what it shows now.
    for (int column = 0; column + 1 < m_model->columnCount(); ++column)
        m_view->resizeColumnToContents(column);
}

QString MigrationsPage::statusText() const {
    return m_status->text();
}

void MigrationsPage::discover(const engine::mysql::ConnectionSettings &server, const QString &label,
                              qint64 freshMillis) {
    m_find->setEnabled(false);
    m_status->setText(tr("Reading the helper tables on %1…").arg(label));
    runInBackground<Discovery>(
        this,
        [server] {
            Discovery result;
            try {
                auto connection = engine::mysql::Connection::open(server, u"gui-discovery"_s);
                result.found = engine::inspect::discoverMigrations(connection);
            } catch (const std::exception &e) {
                result.error = QString::fromUtf8(e.what());
            }
            return result;
        },
        [this, label, freshMillis](const Discovery &result) {
            m_find->setEnabled(true);
            if (!result.error.isEmpty()) {
                m_status->setText(tr("Could not read the helper tables on %1: %2").arg(label, result.error));
                Q_EMIT discoveryFinished();
                return;
            }
            QList<DiscoveredMigration> live;
            QStringList stale;
            for (const DiscoveredMigration &m : result.found) {
                if (m.isFresh(freshMillis))
                    live << m;
                else
                    stale << u"%1.%2"_s.arg(m.database, m.changelogTable);
            }
            m_model->setDiscovered(label, live);
            QString text = tr("%n migration(s) in progress on %1 (a heartbeat in the last %2 s).", nullptr,
                              int(live.size()))
                               .arg(label, QString::number(freshMillis / 1000));
            if (!stale.isEmpty())
                text += u' ' + tr("Helper tables without a fresh heartbeat (a run that stopped; drop them "
                                  "when you are sure): %1")
                                   .arg(stale.join(u", "_s));
            m_status->setText(text);
            Q_EMIT discoveryFinished();
        });
}

} // namespace ui
