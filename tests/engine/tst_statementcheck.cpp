// One statement per user-supplied SQL fragment: the ';' outside quotes and comments that would start a second one.
#include <mysql/statementcheck.h>

#include <QTest>

using namespace Qt::StringLiterals;
using engine::mysql::multipleStatementsProblem;

class TestStatementCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneStatement_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("plain") << u"ADD COLUMN x INT"_s;
        QTest::newRow("trailing semicolon") << u"ADD COLUMN x INT ; "_s;
        QTest::newRow("in a string") << u"ADD COLUMN x VARCHAR(9) DEFAULT 'a;b'"_s;
        QTest::newRow("escaped quote") << u"COMMENT 'it\\'s; fine'"_s;
        QTest::newRow("doubled quote") << u"COMMENT 'it''s; fine'"_s;
        QTest::newRow("double quotes") << u"COMMENT \"a;b\""_s;
        QTest::newRow("identifier") << u"ADD COLUMN `a;b` INT"_s;
        QTest::newRow("line comment") << u"ADD COLUMN x INT -- ; no\n, ADD COLUMN y INT"_s;
        QTest::newRow("hash comment") << u"ADD COLUMN x INT # ;"_s;
        QTest::newRow("block comment") << u"ADD COLUMN x INT /* ; */"_s;
        QTest::newRow("throttle query") << u"SELECT COUNT(*) > 100 FROM information_schema.PROCESSLIST"_s;
    }
    void oneStatement()
    {
        QFETCH(QString, sql);
        QVERIFY2(multipleStatementsProblem(sql).isEmpty(), qPrintable(multipleStatementsProblem(sql)));
    }

    void severalStatements_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("pasted") << u"ADD COLUMN x INT; CREATE TABLE injected (i INT)"_s;
        QTest::newRow("two semicolons") << u"ADD COLUMN x INT;;"_s;
        QTest::newRow("after a string") << u"COMMENT 'a'; DROP TABLE t"_s;
        QTest::newRow("executable comment") << u"ADD COLUMN x INT /*!50000 ; DROP TABLE t */"_s;
        QTest::newRow("MariaDB executable comment") << u"ADD COLUMN x INT /*M! ; DROP TABLE t */"_s;
        QTest::newRow("unbalanced quote ends nothing") << u"ADD COLUMN x INT; SELECT 'x"_s;
        QTest::newRow("throttle query") << u"SELECT 1; KILL 5"_s;
    }
    void severalStatements()
    {
        QFETCH(QString, sql);
        const QString problem = multipleStatementsProblem(sql);
        QVERIFY(problem.contains(u"more than one statement"_s));
    }
};

QTEST_APPLESS_MAIN(TestStatementCheck)
#include "tst_statementcheck.moc"
