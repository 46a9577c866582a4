#pragma once

namespace engine::mysql {

class Connection;

struct SessionOptions {
    bool strict = true;          // add STRICT_ALL_TABLES: truncation and bad values are errors, never silent
    bool readCommitted = true;   // record locks only: fewer gap-lock waits between copier and appliers
    int lockWaitTimeoutSeconds = 0;       // innodb_lock_wait_timeout; 0 = server default
};

// Prepares a connection that copies or applies rows: time_zone '+00:00' (binlog TIMESTAMPs are UTC),
// NO_AUTO_VALUE_ON_ZERO (a 0 in an AUTO_INCREMENT column is data), strict mode, isolation.
void prepareDataSession(Connection &connection, const SessionOptions &options);

} // namespace engine::mysql
