#pragma once

#include <QString>

namespace engine::preflight {

class PreflightContext;
struct Server;

// How the server would run the ALTER natively, as tried on the empty scratch copy.
enum class NativeAlgorithm { NotTried, Instant, InplaceNoLock, CopyOnly };

// An empty copy of the table (CREATE TABLE ... LIKE) on the primary, next to the original, that preflight alters
// to learn what the server makes of the ALTER: the one write preflight allows itself. Its DDL stays out of the
// binlog when the login may turn sql_log_bin off. Dropped on destruction, even after the time limit ran out.
class ScratchTable {
public:
    ScratchTable(PreflightContext &context, Server &server);
    ~ScratchTable();
    ScratchTable(const ScratchTable &) = delete;
    ScratchTable &operator=(const ScratchTable &) = delete;

    // Creates the copy; drops a leftover of an earlier preflight (recognised by its comment) first. Throws.
    void create();
    // Tries ALGORITHM=INSTANT, then ALGORITHM=INPLACE, LOCK=NONE, then the plain ALTER; the first that the server
    // accepts leaves the scratch altered. Returns false (with the server's message in `error`) when the ALTER is
    // refused altogether.
    bool applyAlter(const QString &alterBody, QString *error);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] bool binlogged() const { return m_binlogged; }
    [[nodiscard]] NativeAlgorithm algorithm() const { return m_algorithm; }
    [[nodiscard]] const QString &instantRefusal() const { return m_instantRefusal; }
    [[nodiscard]] const QString &inplaceRefusal() const { return m_inplaceRefusal; }
    [[nodiscard]] const QString &dropError() const { return m_dropError; }

    // Drops the copy now (the destructor does it otherwise); dropError() says when that failed.
    void drop();

    static QString nameFor(const QString &table);
    static QString marker();

private:

    PreflightContext &m_context;
    Server &m_server;
    QString m_name;
    QString m_qualified;
    bool m_created = false;
    bool m_binlogged = true;
    NativeAlgorithm m_algorithm = NativeAlgorithm::NotTried;
    QString m_instantRefusal;
    QString m_inplaceRefusal;
    QString m_dropError;
};

} // namespace engine::preflight
