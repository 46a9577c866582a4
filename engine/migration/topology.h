#pragma once

#include <model/migrationspec.h>

#include <mysql/serverfacts.h>

namespace engine::migration {

// Which server is read and which is written. gh-ost's default: --host is a replica whose binlog is read;
// rows are copied, changes applied and the swap made on the primary it replicates from.
struct Topology {
    mysql::ConnectionSettings inspector; // binlog source
    mysql::ConnectionSettings primary;   // where the ghost lives and the swap happens
    mysql::ServerFacts inspectorFacts;
    mysql::ServerFacts primaryFacts;
    bool onPrimaryOnly = false;          // inspector == primary (--allow-on-master)

    // Connects, resolves the primary and checks the binlog settings the migration depends on. Throws
    // MigrationError with the problem and its fix.
    static Topology resolve(const MigrationSpec &spec);
};

} // namespace engine::migration
