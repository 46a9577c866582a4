// Which secondary indexes a ghost can be copied without and built with afterwards (issue 15), read from
// SHOW CREATE TABLE as MariaDB 10.11 prints it; and the checkpoint fingerprint that ignores them.
#include <inspect/deferredindexes.h>
#include <migration/checkpoint.h>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::inspect::DeferredIndex;

namespace {
const QString full = uR"(CREATE TABLE `_orders_gho` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL,
  `code` varchar(20) NOT NULL,
  `note` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_code` (`code`),
  KEY `idx_customer` (`customer_id`,`code`),
  KEY `odd``name` (`note`(10)) COMMENT 'prefix'
) ENGINE=InnoDB AUTO_INCREMENT=200001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci)"_s;
const QString deferred = uR"(CREATE TABLE `_orders_gho` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL,
  `code` varchar(20) NOT NULL,
  `note` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_code` (`code`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci)"_s;
} // namespace

class TestDeferredIndexes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ordinaryIndexesAreDeferredUniqueOnesStay() {
        QString why;
        const QList<DeferredIndex> indexes = engine::inspect::deferrableIndexes(full, &why);
        QCOMPARE(indexes.size(), 2);
        QCOMPARE(indexes[0].name, u"idx_customer"_s);
        QCOMPARE(indexes[0].clause, u"KEY `idx_customer` (`customer_id`,`code`)"_s);
        QCOMPARE(indexes[1].name, u"odd`name"_s);
        QCOMPARE(indexes[1].clause, u"KEY `odd``name` (`note`(10)) COMMENT 'prefix'"_s);
        QCOMPARE(engine::inspect::dropIndexesStatement(u"`s`.`_orders_gho`"_s, indexes),
                 u"ALTER TABLE `s`.`_orders_gho` DROP INDEX `idx_customer`, DROP INDEX `odd``name`"_s);
        QCOMPARE(engine::inspect::addIndexesStatement(u"`s`.`_orders_gho`"_s, indexes),
                 u"ALTER TABLE `s`.`_orders_gho` ADD KEY `idx_customer` (`customer_id`,`code`), ADD KEY "
                 u"`odd``name` "
                 "(`note`(10)) COMMENT 'prefix', ALGORITHM=INPLACE, LOCK=NONE"_s);
        QCOMPARE(engine::inspect::missingIndexes(full, deferred), indexes);
        QVERIFY(engine::inspect::missingIndexes(full, full).isEmpty());
    }

    void fulltextSpatialAndForeignKeysKeepEverything() {
        for (const QString &line :
             {u"  FULLTEXT KEY `ft` (`note`),"_s, u"  SPATIAL KEY `sp` (`g`),"_s,
              u"  CONSTRAINT `fk` FOREIGN KEY (`customer_id`) REFERENCES `c` (`id`),"_s}) {
            QString text = full;
            text.replace(u"  PRIMARY KEY (`id`),"_s, u"  PRIMARY KEY (`id`),\n"_s + line);
            QString why;
            QVERIFY2(engine::inspect::deferrableIndexes(text, &why).isEmpty(), qPrintable(line));
            QVERIFY2(!why.isEmpty(), qPrintable(line));
        }
        QString why;
        QVERIFY(engine::inspect::deferrableIndexes(deferred, &why).isEmpty());
        QVERIFY(why.contains(u"no secondary index"_s));
    }

    // A checkpoint written before the indexes are built still matches the ghost afterwards, and the other way
    // round; a changed column does not.
    void fingerprintIgnoresDeferredIndexes() {
        using engine::migration::checkpoint::definitionFingerprint;
        QCOMPARE(definitionFingerprint(full), definitionFingerprint(deferred));
        QString changed = deferred;
        changed.replace(u"`code` varchar(20)"_s, u"`code` varchar(30)"_s);
        QVERIFY(definitionFingerprint(changed) != definitionFingerprint(deferred));
        QVERIFY(engine::migration::checkpoint::legacyDefinitionFingerprint(full) !=
                engine::migration::checkpoint::legacyDefinitionFingerprint(deferred));
    }
};

QTEST_MAIN(TestDeferredIndexes)
#include "tst_deferredindexes.moc"
