#include "migrationharness.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace testsupport {

MigrationSpec sandboxSpec(const ScratchDatabase &db, const QString &table, const QString &alter)
{
    MigrationSpec spec;
    spec.inspector = db.replica();
    spec.inspector.database.clear();
    spec.database = db.name();
    spec.table = table;
    spec.alter = alter;
    spec.execute = true;
    spec.chunkSize = 500;
    spec.chunkTargetMillis = 100;
    spec.defaultRetries = 10;
    spec.replicaServerId = 50000 + static_cast<quint32>(QCoreApplication::applicationPid() % 10000);
    return spec;
}

MigrationOutcome runMigration(const MigrationSpec &spec, int timeoutMillis,
                              std::function<void(MigrationController &, const ProgressSnapshot &)> whileRunning,
                              std::shared_ptr<engine::history::HistoryJournal> journal)
{
    MigrationOutcome outcome;
    MigrationController controller;
    controller.setHistoryJournal(std::move(journal));
    QEventLoop loop;
    QObject::connect(&controller, &MigrationController::progressed, [&](const ProgressSnapshot &s) {
        outcome.lastSnapshot = s;
        if (whileRunning)
            whileRunning(controller, s);
    });
    QObject::connect(&controller, &MigrationController::stateChanged,
                     [&](MigrationState state) { outcome.states << state; });
    QObject::connect(&controller, &MigrationController::finished, [&](const MigrationSummary &summary) {
        outcome.succeeded = true;
        outcome.summary = summary;
        loop.quit();
    });
    QObject::connect(&controller, &MigrationController::failed, [&](const MigrationFailure &failure) {
        outcome.failure = failure;
        loop.quit();
    });
    QTimer::singleShot(timeoutMillis, &controller, [&] {
        outcome.failure.code = u"test-timeout"_s;
        controller.abort();
    });
    controller.setSnapshotIntervalMillis(100);
    controller.start(spec);
    loop.exec();
    return outcome;
}

} // namespace testsupport
