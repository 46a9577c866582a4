// Discovery of migrations in progress from their helper tables alone (issue 14): gh-ost 1.1.6's changelog
// exactly as the transcript shows it (../shared/reference/gh-ost-transcript.md), a Shadowswap run's, and
// helper tables left behind by a run that stopped. Real sandbox; read from the replica, as a DBA's
// workstation often is.
#include <inspect/migrationdiscovery.h>
#include <migrationharness.h>
#include <mysql/connection.h>
#include <QTest>
#include <sandbox.h>

using namespace Qt::StringLiterals;
using engine::inspect::DiscoveredMigration;
using engine::mysql::Connection;

namespace {

// gh-ost's CREATE TABLE and rows from the transcript; the heartbeat is made fresh (gh-ost rewrites it every
// 100 ms).
void createGhostChangelog(Connection &primary, const QString &table, bool freshHeartbeat) {
    primary.execute(uR"(CREATE TABLE `_%1_ghc` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `last_update` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `hint` varchar(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  `value` varchar(4096) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `hint_uidx` (`hint`)
) ENGINE=InnoDB AUTO_INCREMENT=281 DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci COMMENT='gh-ost changelog')"_s
                        .arg(table));
    primary.execute(
        u"INSERT INTO `_%1_ghc` (id, last_update, hint, value) VALUES "
        "(1, %2, 'heartbeat', '2026-12-03T12:10:40.495832696Z'), "
        "(2, NOW() - INTERVAL 12 SECOND, 'state', 'ReadMigrationRangeValues'), "
        "(3, NOW() - INTERVAL 4 SECOND, 'throttle', 'done throttling'), "
        "(256, NOW() - INTERVAL 12 SECOND, 'state at 1796299828094194248', 'GhostTableMigrated'), "
        "(264, NOW() - INTERVAL 7 SECOND, 'copy iteration 1201 at 1796299833', 'postponing cut-over'), "
        "(268, NOW() - INTERVAL 6 SECOND, 'throttle at 1796299834109411110', 'commanded by user'), "
        "(280, NOW() - INTERVAL 1 SECOND, 'copy iteration 1201 at 1796299840', 'postponing cut-over')"_s.arg(
            table, freshHeartbeat ? u"NOW()"_s : u"NOW() - INTERVAL 2 HOUR"_s));
}

const DiscoveredMigration *named(const QList<DiscoveredMigration> &found, const QString &database,
                                 const QString &table) {
    for (const auto &m : found)
        if (m.database == database && m.table == table)
            return &m;
    return nullptr;
}

} // namespace

class TestDiscovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ghostAndLeftoverChangelogs() {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"discovery"_s);
        auto primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE orders (id BIGINT PRIMARY KEY, n INT) ENGINE=InnoDB"_s);
        primary.execute(u"INSERT INTO orders SELECT seq, seq FROM seq_1_to_5000"_s);
        primary.execute(u"ANALYZE TABLE orders"_s);
        primary.execute(u"CREATE TABLE _orders_gho LIKE orders"_s);
        primary.execute(u"INSERT INTO _orders_gho SELECT * FROM orders WHERE id <= 2500"_s);
        primary.execute(u"ANALYZE TABLE _orders_gho"_s);
        createGhostChangelog(primary, u"orders"_s, true);
        primary.execute(u"CREATE TABLE old (id BIGINT PRIMARY KEY) ENGINE=InnoDB"_s);
        createGhostChangelog(primary, u"old"_s, false);
        auto replica = Connection::open(db.replica());
        testsupport::waitForReplica(primary, replica);

        const QList<DiscoveredMigration> found = engine::inspect::discoverMigrations(replica);
        const DiscoveredMigration *ghost = named(found, db.name(), u"orders"_s);
        QVERIFY(ghost);
        QCOMPARE(ghost->engine, u"gh-ost"_s);
        QCOMPARE(ghost->changelogTable, u"_orders_ghc"_s);
        QCOMPARE(ghost->state, u"postponing cut-over"_s); // the newest copy-iteration row
        QCOMPARE(ghost->throttle, u"commanded by user"_s);
        QVERIFY(ghost->isThrottled());
        QVERIFY2(ghost->isFresh(60000), qPrintable(QString::number(ghost->heartbeatAgeMillis)));
        QVERIFY(ghost->ghostExists);
        QVERIFY2(ghost->copyPercent() > 20 && ghost->copyPercent() < 80,
                 qPrintable(QString::number(ghost->copyPercent())));
        const DiscoveredMigration *left = named(found, db.name(), u"old"_s);
        QVERIFY(left);
        QVERIFY(!left->isFresh(60000));
        QVERIFY(left->heartbeatAgeMillis >= 7000 * 1000);
        QVERIFY(!left->ghostExists);
        // Newest heartbeat first.
        QVERIFY(ghost < left); // pointers into one list

        bool exists = false;
        const DiscoveredMigration again =
            engine::inspect::readDiscoveredMigration(replica, db.name(), u"_orders_ghc"_s, &exists);
        QVERIFY(exists);
        QCOMPARE(again.state, u"postponing cut-over"_s);
        primary.execute(u"DROP TABLE _orders_ghc"_s);
        testsupport::waitForReplica(primary, replica);
        engine::inspect::readDiscoveredMigration(replica, db.name(), u"_orders_ghc"_s, &exists);
        QVERIFY(!exists);
    }
};

QTEST_MAIN(TestDiscovery)
#include "tst_discovery.moc"
