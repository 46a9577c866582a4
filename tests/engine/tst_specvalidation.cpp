// MigrationSpec::validate(): combinations refused before anything connects.
#include <model/migrationspec.h>

#include <QTest>

using namespace Qt::StringLiterals;
using engine::migration::CutOverType;
using engine::migration::MigrationSpec;

namespace {
MigrationSpec valid()
{
    MigrationSpec spec;
    spec.inspector.host = u"db1"_s;
    spec.inspector.user = u"dba"_s;
    spec.database = u"shop"_s;
    spec.table = u"orders"_s;
    spec.alter = u"ADD COLUMN x INT"_s;
    spec.execute = true;
    return spec;
}
} // namespace

class TestSpecValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aValidSpecPasses() { QVERIFY2(valid().validate().isEmpty(), qPrintable(valid().validate())); }

    // Issue 12.3: the revert window waits for the atomic swap's rename; after a two-step cut-over it would miss
    // every write made in the window, and a revert would lose them.
    void twoStepWithARevertWindowIsRefused()
    {
        MigrationSpec spec = valid();
        spec.cutOver = CutOverType::TwoStep;
        QVERIFY(spec.validate().isEmpty());
        spec.revertWindowSeconds = 60;
        QVERIFY2(spec.validate().contains(u"--revert-window"_s), qPrintable(spec.validate()));
    }

    void aSecondStatementIsRefused()
    {
        MigrationSpec spec = valid();
        spec.alter = u"ADD COLUMN x INT; DROP TABLE orders"_s;
        QVERIFY(spec.validate().startsWith(u"--alter is refused"_s));
        spec = valid();
        spec.throttle.throttleQuery = u"SELECT 1; SELECT SLEEP(100)"_s;
        QVERIFY(spec.validate().startsWith(u"--throttle-query is refused"_s));
    }

    void limitsAreChecked()
    {
        MigrationSpec spec = valid();
        spec.stallLimitSeconds = 5;
        QVERIFY(spec.validate().contains(u"--stall-limit-seconds"_s));
        spec = valid();
        spec.reconnectLimitSeconds = 0;
        QVERIFY(spec.validate().contains(u"--reconnect-limit-seconds"_s));
    }
};

QTEST_APPLESS_MAIN(TestSpecValidation)
#include "tst_specvalidation.moc"
