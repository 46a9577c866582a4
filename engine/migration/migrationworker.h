#pragma once

#include <model/migrationcontext.h>
#include <model/migrationspec.h>
#include <model/progress.h>

#include <preflight/preflightreport.h>

#include <QObject>

#include <memory>

namespace engine::migration {

// Runs one migration on the thread it lives in (the controller moves it to its own QThread).
// Exceptions stop here: every outcome leaves as exactly one of finished() or failed().
class MigrationWorker : public QObject {
    Q_OBJECT
public:
    explicit MigrationWorker(std::shared_ptr<MigrationContext> context);

public Q_SLOTS:
    void run(const engine::migration::MigrationSpec &spec);

Q_SIGNALS:
    // The engine's preflight gate let the migration go ahead, with this report (before anything is created).
    void preflightPassed(const engine::preflight::PreflightReport &report);
    void finished(const engine::migration::MigrationSummary &summary);
    void failed(const engine::migration::MigrationFailure &failure);

private:
    std::shared_ptr<MigrationContext> m_context;
};

} // namespace engine::migration
