#pragma once

#include "connection.h"

#include <chrono>
#include <functional>

namespace engine::mysql {

// How hard a session that lost its connection tries to get it back: up to `retries` reconnects (gh-ost's
// --default-retries) and no longer than `limit` in all, waiting 250 ms, then twice as long each time, at most 5 s.
struct RetryPolicy {
    int retries = 60;
    std::chrono::milliseconds limit{std::chrono::minutes(5)};
};

// True for the errors after which the session is gone but the server may well be back: server gone away, lost
// connection, the session KILLed (ER_CONNECTION_KILLED), server shutting down, a read timeout, cannot connect.
bool isConnectionLost(unsigned code);

// Replaces `connection` by a new session with the same settings and purpose, then runs `restore` on it (the
// session state the caller depends on: time zone, sql_mode, isolation, named locks). Retries by `policy`
// (a failed `restore` counts as a failed attempt when its error is a lost connection, and ends the reconnect
// otherwise). `stopping` (optional) ends the wait early. Throws the last error when it gives up; the message says
// how many attempts were made over how long.
void reconnect(Connection &connection, const RetryPolicy &policy, const std::function<void(Connection &)> &restore,
               const std::function<bool()> &stopping = {});

} // namespace engine::mysql
