#pragma once

#include <migration/migrationcontroller.h>
#include <model/migrationspec.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ui {

class CreateDiffView;
class Session;

// Pick the schema and table from the server, type the ALTER, choose options, dry-run it, start it.
class NewMigrationPage : public QWidget {
    Q_OBJECT
public:
    explicit NewMigrationPage(Session *session, QWidget *parent = nullptr);

    // Selects database.table once the lists are loaded (for --demo and tests) and sets the ALTER text.
    void preselect(const QString &database, const QString &table, const QString &alter);
    [[nodiscard]] engine::migration::MigrationSpec spec() const;
    [[nodiscard]] bool postponeCutOver() const;
    void dryRun();

Q_SIGNALS:
    void preflightRequested();
    void startRequested(const engine::migration::MigrationSpec &spec, bool postponeCutOver);
    void tablesLoaded();
    void dryRunFinished(bool ok);

private:
    void loadSchemas();
    void loadTables();
    void loadCurrentDefinition();
    void updateTarget();
    void updateButtons();

    Session *m_session;
    QComboBox *m_schema;
    QTreeWidget *m_tables;
    QLabel *m_alterPrefix;
    QPlainTextEdit *m_alter;
    QSpinBox *m_chunkSize;
    QSpinBox *m_maxLag;
    QCheckBox *m_postpone;
    QCheckBox *m_keepOld;
    QSpinBox *m_revertWindow; // minutes, 0: none
    QSpinBox *m_serverId;
    QLineEdit *m_controlReplicas;
    QPushButton *m_dryRunButton;
    QPushButton *m_preflightButton;
    QPushButton *m_startButton;
    QLabel *m_status;
    CreateDiffView *m_diff;
    engine::migration::MigrationController m_dryRun;
    QString m_wantedSchema, m_wantedTable;
    int m_schemaGeneration = 0; // listings that lost a race are dropped
    int m_generation = 0;
};

} // namespace ui
