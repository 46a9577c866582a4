#pragma once

#include <QString>

#include <map>
#include <utility>
#include <vector>

namespace engine::binlog {

// The transactions a binlog reader has seen, in either flavour's notation.
// MariaDB: the last GTID per replication domain, "0-1-42,1-2-7" (domain-server-sequence), as @@gtid_binlog_pos.
// MySQL: intervals of transaction numbers per source UUID, "3e11fa47-...:1-5:7,4f...:1-3", as @@gtid_executed.
// Printed sorted by domain / UUID, so two sets compare equal as text. Plain value; not thread-safe.
class GtidSet {
public:
    // Parses either notation (whitespace and newlines ignored). Returns false, leaving the set empty, for text
    // that is neither.
    bool parse(const QString &text);
    static GtidSet fromString(const QString &text);

    [[nodiscard]] bool isEmpty() const { return m_domains.empty() && m_sources.empty(); }
    [[nodiscard]] QString toString() const;

    // MariaDB: the domain's position becomes this GTID.
    void setMariaDb(quint32 domain, quint32 server, quint64 sequence);
    // MariaDB GTID_LIST: takes a domain's GTID only if it is ahead of what the set has.
    void mergeMariaDb(quint32 domain, quint32 server, quint64 sequence);
    // MySQL: adds transaction `number` (>= 1) of source `uuid`, or the interval [first, last].
    void addMySql(const QString &uuid, quint64 number) { addMySql(uuid, number, number); }
    void addMySql(const QString &uuid, quint64 first, quint64 last);

    bool operator==(const GtidSet &) const = default;

private:
    struct MariaGtid {
        quint32 server = 0;
        quint64 sequence = 0;
        bool operator==(const MariaGtid &) const = default;
    };
    std::map<quint32, MariaGtid> m_domains;
    std::map<QString, std::vector<std::pair<quint64, quint64>>> m_sources; // inclusive, sorted, disjoint
};

} // namespace engine::binlog
