#pragma once

#include <mysql/connection.h>

#include <QProcessEnvironment>
#include <QString>

namespace testsupport {

// Holds a shadowswap-cli's row copy once `afterRows` rows are copied, for as long as the hold file exists (the
// engine's test hook, engine/migration/copytesthold.h): a test catches the copy midway without racing it.
// The file is created by the constructor and removed by release() or the destructor.
class CopyHold {
public:
    CopyHold(const QString &file, quint64 afterRows);
    ~CopyHold();
    CopyHold(const CopyHold &) = delete;
    CopyHold &operator=(const CopyHold &) = delete;

    // The system environment plus the hook's two variables, for QProcess::setProcessEnvironment.
    [[nodiscard]] QProcessEnvironment environment() const;
    // Sets the hook's variables in this process's environment (an engine run inside the test).
    void applyToThisProcess() const;
    // Lets the copy go on.
    bool release();

private:
    QString m_file;
    quint64 m_afterRows;
};

// The checkpoint row an executing migration keeps in _T_ghk (engine/migration/checkpoint.h), as far as tests need it.
struct CheckpointRow {
    bool present = false;
    bool keyWritten = false; // a chunk was committed
    bool copyComplete = false;
    quint64 rowsCopied = 0;
};
CheckpointRow readCheckpoint(engine::mysql::Connection &primary, const QString &checkpointTable = QStringLiteral("_t_ghk"));

} // namespace testsupport
