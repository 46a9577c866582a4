#pragma once

#include "connectionprofile.h"

#include <migration/migrationcontroller.h>
#include <model/migrationspec.h>
#include <mysql/serverfacts.h>
#include <preflight/preflightreport.h>

#include <QObject>

#include <optional>

namespace ui {

// What the console's pages share: the active connection, the chosen table, the last preflight report and the one
// running migration. Lives in the GUI thread; pages read it and react to its signals.
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    void setConnection(const ConnectionProfile &profile, const QString &password,
                       const engine::mysql::ServerFacts &facts);
    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] const ConnectionProfile &profile() const { return m_profile; }
    [[nodiscard]] const engine::mysql::ServerFacts &facts() const { return m_facts; }
    // The inspected server's settings, password included (memory only).
    [[nodiscard]] engine::mysql::ConnectionSettings settings() const { return m_profile.settings(m_password); }

    void setTarget(const QString &database, const QString &table, const QString &alter);
    [[nodiscard]] QString database() const { return m_database; }
    [[nodiscard]] QString table() const { return m_table; }
    [[nodiscard]] QString alter() const { return m_alter; }

    void setPreflightReport(const engine::preflight::PreflightReport &report);
    [[nodiscard]] const std::optional<engine::preflight::PreflightReport> &preflightReport() const { return m_report; }
    // Blocking findings the DBA confirmed one by one; a new report clears them. They reach the engine's own
    // preflight gate as MigrationSpec::forcedPreflightIds.
    void setOverriddenFindings(const QStringList &ids);
    [[nodiscard]] const QStringList &overriddenFindings() const { return m_overridden; }
    // Blocking findings of the last report for the current target that the DBA has not overridden.
    [[nodiscard]] QStringList unresolvedBlockers() const;

    // The running migration. Postponing goes through the controller's live throttle settings: the postpone flag
    // file (ours, created at start, kept until the migration ends) is named in them while the DBA holds the
    // cut-over back and cleared when they allow it. Deleting the file by hand allows it too (gh-ost's way).
    [[nodiscard]] engine::migration::MigrationController *controller() { return &m_controller; }
    // Overridden blockers of the current target become spec.forcedPreflightIds.
    void startMigration(engine::migration::MigrationSpec spec, bool postponeCutOver);
    // The spec as startMigration() runs it, but for the postpone flag file: what the DBA reviews before the start.
    [[nodiscard]] engine::migration::MigrationSpec withOverrides(engine::migration::MigrationSpec spec) const;
    [[nodiscard]] bool isMigrating() const { return m_controller.isRunning(); }
    [[nodiscard]] const engine::migration::MigrationSpec &migrationSpec() const { return m_spec; }
    void setCutOverPostponed(bool postponed);
    [[nodiscard]] bool isCutOverPostponed() const;
    // "Cut over now": swap as soon as the copy is done, whatever the postpone setting (cannot be taken back).
    void forceCutOver();
    [[nodiscard]] bool isCutOverForced() const { return m_cutOverForced; }
    [[nodiscard]] QString postponeFlagFile() const { return m_flagFile; }

Q_SIGNALS:
    void connectionChanged();
    void targetChanged();
    void preflightReportChanged();
    void overriddenFindingsChanged();
    void migrationStarted(const engine::migration::MigrationSpec &spec);
    void cutOverPostponedChanged(bool postponed);

private:
    void createFlagFile();
    void removeFlagFile();

    bool m_connected = false;
    ConnectionProfile m_profile;
    QString m_password;
    engine::mysql::ServerFacts m_facts;
    QString m_database, m_table, m_alter;
    std::optional<engine::preflight::PreflightReport> m_report;
    QStringList m_overridden;
    engine::migration::MigrationController m_controller;
    engine::migration::MigrationSpec m_spec;
    QString m_flagFile;
    bool m_cutOverForced = false;
};

} // namespace ui
