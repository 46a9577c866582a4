#include "gtidset.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace engine::binlog {

GtidSet GtidSet::fromString(const QString &text)
{
    GtidSet set;
    set.parse(text);
    return set;
}

bool GtidSet::parse(const QString &text)
{
    m_domains.clear();
    m_sources.clear();
    QString compact = text;
    compact.remove(QRegularExpression(u"\\s+"_s));
    if (compact.isEmpty())
        return true;
    static const QRegularExpression mariaEntry(u"^(\\d+)-(\\d+)-(\\d+)$"_s);
    static const QRegularExpression uuid(u"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"_s);
    static const QRegularExpression interval(u"^(\\d+)(?:-(\\d+))?$"_s);
    static const QRegularExpression tag(u"^[A-Za-z_][A-Za-z0-9_]{0,31}$"_s);
    bool ok = true;
    for (const QString &entry : compact.split(u',', Qt::SkipEmptyParts)) {
        if (const auto m = mariaEntry.match(entry); m.hasMatch()) {
            bool a = false, b = false, c = false;
            const quint32 domain = m.captured(1).toUInt(&a), server = m.captured(2).toUInt(&b);
            const quint64 sequence = m.captured(3).toULongLong(&c);
            ok = ok && a && b && c;
            if (a && b && c)
                setMariaDb(domain, server, sequence);
            continue;
        }
        const QStringList parts = entry.split(u':');
        if (parts.size() < 2 || !uuid.match(parts[0]).hasMatch()) {
            ok = false;
            continue;
        }
        QString source = parts[0].toLower();
        for (qsizetype i = 1; i < parts.size(); ++i) {
            if (const auto m = interval.match(parts[i]); m.hasMatch()) {
                const quint64 first = m.captured(1).toULongLong();
                const quint64 last = m.captured(2).isEmpty() ? first : m.captured(2).toULongLong();
                if (first == 0 || last < first)
                    ok = false;
                else
                    addMySql(source, first, last);
            } else if (tag.match(parts[i]).hasMatch()) {
                source = parts[0].toLower() + u':' + parts[i].toLower(); // MySQL 8.3+ tagged GTIDs
            } else {
                ok = false;
            }
        }
    }
    if (!ok) {
        m_domains.clear();
        m_sources.clear();
    }
    return ok;
}

QString GtidSet::toString() const
{
    QStringList entries;
    for (const auto &[domain, gtid] : m_domains)
        entries << u"%1-%2-%3"_s.arg(domain).arg(gtid.server).arg(gtid.sequence);
    for (const auto &[source, intervals] : m_sources) {
        QString entry = source;
        for (const auto &[first, last] : intervals)
            entry += first == last ? u":%1"_s.arg(first) : u":%1-%2"_s.arg(first).arg(last);
        entries << entry;
    }
    return entries.join(u',');
}

void GtidSet::setMariaDb(quint32 domain, quint32 server, quint64 sequence)
{
    m_domains[domain] = MariaGtid{server, sequence};
}

void GtidSet::mergeMariaDb(quint32 domain, quint32 server, quint64 sequence)
{
    const auto it = m_domains.find(domain);
    if (it == m_domains.end() || it->second.sequence < sequence)
        m_domains[domain] = MariaGtid{server, sequence};
}

void GtidSet::addMySql(const QString &uuid, quint64 first, quint64 last)
{
    auto &intervals = m_sources[uuid.toLower()];
    if (!intervals.empty() && first > intervals.back().second && first - 1 <= intervals.back().second) {
        intervals.back().second = std::max(intervals.back().second, last); // the common case: the next transaction
        return;
    }
    intervals.emplace_back(first, last);
    std::sort(intervals.begin(), intervals.end());
    std::vector<std::pair<quint64, quint64>> merged;
    merged.reserve(intervals.size());
    for (const auto &interval : intervals) {
        if (!merged.empty() && interval.first <= merged.back().second + 1)
            merged.back().second = std::max(merged.back().second, interval.second);
        else
            merged.push_back(interval);
    }
    intervals = std::move(merged);
}

} // namespace engine::binlog
