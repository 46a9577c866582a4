// MigrationRunner: secondary indexes deferred until after the copy (MigrationSpec::deferSecondaryIndexes).
#include "migrationrunner.h"

#include <atomic>
#include <chrono>
#include <logging/logging.h>
#include <mysql/sqltext.h>
#include <QElapsedTimer>
#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;

namespace engine::migration {

namespace {
QStringList namesOf(const QList<inspect::DeferredIndex> &indexes) {
    QStringList names;
    for (const auto &index : indexes)
        names << index.name;
    return names;
}
} // namespace

void MigrationRunner::deferSecondaryIndexes(const QString &fullCreateStatement) {
    if (!m_spec.deferSecondaryIndexes)
        return;
    QString whyNone;
    const QList<inspect::DeferredIndex> indexes = inspect::deferrableIndexes(fullCreateStatement, &whyNone);
    if (indexes.isEmpty()) {
        SS_INFO("secondary indexes: all built during the copy ({})", whyNone.toStdString());
        return;
    }
    m_summary.deferredIndexes = namesOf(indexes);
    if (!m_spec.execute) {
        SS_INFO("dry run: the copy would run without the secondary indexes {} and build them after it "
                "(--defer-secondary-indexes)",
                namesOf(indexes).join(u", "_s).toStdString());
        return;
    }
    // The ghost is empty: dropping is instant, and every row the copy writes then updates one index fewer.
    m_primary.execute(inspect::dropIndexesStatement(qualifiedName(m_spec.database, m_names.ghost), indexes));
    m_deferredIndexes = indexes;
    SS_INFO("secondary indexes {} are built after the copy (--defer-secondary-indexes)",
            namesOf(indexes).join(u", "_s).toStdString());
}

void MigrationRunner::findIndexesLeftToBuild() {
    // Whatever this run's flag says: the interrupted run may have deferred indexes, and a ghost without them must
    // never be swapped in.
    // The interrupted run may have dropped indexes it did not get to build. What the ghost should have is
    // what the ALTER makes of the original: built on an empty scratch table, compared, dropped.
    QString scratch =
        m_names.ghost.endsWith(u"_gho"_s) ? m_names.ghost.chopped(4) + u"_ghi"_s : m_names.ghost + u"_i"_s;
    scratch = scratch.left(64);
    const QString qualified = qualifiedName(m_spec.database, scratch);
    m_primary.execute(u"DROP TABLE IF EXISTS %1"_s.arg(qualified));
    m_primary.execute(
        u"CREATE TABLE %1 LIKE %2"_s.arg(qualified, qualifiedName(m_spec.database, m_spec.table)));
    QString intended;
    try {
        m_primary.executeSingle(u"ALTER TABLE %1 %2"_s.arg(qualified, m_spec.alter));
        intended = inspect::TableSchema::load(m_primary, m_spec.database, scratch)->createStatement;
    } catch (...) {
        m_primary.execute(u"DROP TABLE IF EXISTS %1"_s.arg(qualified));
        throw;
    }
    m_primary.execute(u"DROP TABLE IF EXISTS %1"_s.arg(qualified));
    m_deferredIndexes = inspect::missingIndexes(intended, m_ghost.createStatement);
    m_summary.deferredIndexes = namesOf(m_deferredIndexes);
    if (!m_deferredIndexes.isEmpty())
        SS_INFO("resume: the ghost still lacks the secondary indexes {}; they are built after the copy",
                namesOf(m_deferredIndexes).join(u", "_s).toStdString());
}

void MigrationRunner::buildDeferredIndexes() {
    if (m_deferredIndexes.isEmpty())
        return;
    const QString names = namesOf(m_deferredIndexes).join(u", "_s);
    const QString statement =
        inspect::addIndexesStatement(qualifiedName(m_spec.database, m_names.ghost), m_deferredIndexes);
    m_context->setActivity(
        u"building the deferred secondary indexes %1 (the appliers keep running)"_s.arg(names));
    SS_INFO("building the deferred secondary indexes {} on the ghost", names.toStdString());
    QElapsedTimer timer;
    timer.start();
    // On a connection of its own, without a read timeout (a build takes as long as it takes), while this
    // thread keeps checking the stream, the appliers and the DBA's abort; an abort KILLs the build.
    mysql::ConnectionSettings settings = m_topology.primary;
    settings.readTimeoutSeconds = 0;
    Connection builder = Connection::open(settings, u"index-build"_s);
    // MariaDB >= 10.8: replicas with parallel replication start the build when the primary does, instead of
    // replaying it only after the primary finished. Best effort: lacking the variable or the privilege is
    // fine.
    try {
        builder.execute(u"SET SESSION binlog_alter_two_phase = ON"_s);
    } catch (const DbException &) {
    }
    builder.execute(u"SET SESSION lock_wait_timeout = 10"_s);
    const unsigned long builderId = builder.threadId();
    std::atomic<bool> done{false};
    std::exception_ptr failure;
    std::thread build([&] {
        for (int attempt = 1;; ++attempt) {
            try {
                builder.execute(statement);
                break;
            } catch (const DbException &error) {
                // The brief exclusive lock at the build's start or end waited 10 s behind an applier: again.
                if (error.code() == 1205 && attempt < m_spec.defaultRetries && !m_context->abortRequested)
                    continue;
                failure = std::current_exception();
                break;
            }
        }
        done = true;
    });
    try {
        while (!done) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            checkHelpers();
        }
    } catch (...) {
        try {
            m_primary.execute(u"KILL QUERY %1"_s.arg(QString::number(builderId)));
        } catch (const DbException &) {
        }
        build.join();
        m_context->setActivity({});
        throw;
    }
    build.join();
    m_context->setActivity({});
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const DbException &error) {
            throw MigrationError(
                u"index-build-failed"_s,
                u"building the deferred indexes %1 on the ghost failed: %2. The original is untouched "
                "and the copy is kept: --resume builds them again (if the server's online log "
                "overflowed, raise innodb_online_alter_log_max_size, or resume with "
                "--defer-secondary-indexes=false)"_s.arg(names, error.error().message),
                error.error().statement, error.code());
        }
    }
    m_indexBuildMillis = timer.elapsed();
    m_summary.indexBuildMillis = m_indexBuildMillis;
    m_deferredIndexes.clear();
    SS_INFO("deferred indexes {} built in {} ms; replicas replay the build now and may lag by about as long",
            names.toStdString(), m_indexBuildMillis);
    // The ghost's definition now has them: what verify and the summary read.
    if (auto ghost = inspect::TableSchema::load(m_primary, m_spec.database, m_names.ghost))
        m_ghost = std::move(*ghost);
}

} // namespace engine::migration
