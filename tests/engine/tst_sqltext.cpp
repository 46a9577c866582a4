#include <mysql/serverfacts.h>
#include <mysql/sqltext.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::mysql;

class TestSqlText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quotesIdentifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << u"orders"_s << u"`orders`"_s;
        QTest::newRow("backtick") << u"we`ird"_s << u"`we``ird`"_s;
        QTest::newRow("two backticks") << u"``"_s << u"``````"_s;
        QTest::newRow("unicode") << u"Bestellungen_ü_✓"_s << u"`Bestellungen_ü_✓`"_s;
        QTest::newRow("space and dot") << u"my table.x"_s << u"`my table.x`"_s;
    }
    void quotesIdentifiers()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(quoteIdentifier(name), quoted);
    }
    void qualifiesNames() { QCOMPARE(qualifiedName(u"s`1"_s, u"t"_s), u"`s``1`.`t`"_s); }
    void listsIdentifiersWithAlias()
    {
        QCOMPARE(identifierList({u"a"_s, u"b`c"_s}, u"o"_s), u"o.`a`, o.`b``c`"_s);
        QCOMPARE(identifierList({}), QString());
    }
    void hexLiteralIsExact()
    {
        QCOMPARE(hexLiteral(QByteArray("\x00\xff'", 3)), u"X'00ff27'"_s);
        QCOMPARE(hexLiteral({}), u"X''"_s);
    }
    void stringLiteralEscapes()
    {
        QCOMPARE(stringLiteral(u"it's a \\ test\n"_s), u"'it\\'s a \\\\ test\\n'"_s);
    }
    void parsesServerVersions()
    {
        const auto maria = ServerVersion::parse(u"10.11.6-MariaDB-0+deb12u1-log"_s);
        QCOMPARE(maria.flavour, Flavour::MariaDB);
        QCOMPARE(maria.major, 10);
        QCOMPARE(maria.minor, 11);
        QCOMPARE(maria.patch, 6);
        QVERIFY(maria.atLeast(10, 6));
        QVERIFY(!maria.atLeast(11, 1));
        const auto mysql = ServerVersion::parse(u"8.0.36"_s, u"MySQL Community Server - GPL"_s);
        QCOMPARE(mysql.flavour, Flavour::MySQL);
        QVERIFY(mysql.atLeast(8, 0, 13));
        QVERIFY(!mysql.atLeast(8, 0, 37));
    }
};

QTEST_GUILESS_MAIN(TestSqlText)
#include "tst_sqltext.moc"
