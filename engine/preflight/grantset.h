#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace engine::preflight {

// The privileges of one login, read from SHOW GRANTS lines, to answer "may it do X on db.table?".
// Names are compared in canonical form, so MariaDB's BINLOG MONITOR and REPLICA MONITOR count as
// REPLICATION CLIENT and SLAVE MONITOR. Wildcards in database names (`shop\_%`) match as the server does.
// Column privileges, routine privileges and PROXY do not grant anything here.
class GrantSet {
public:
    void addGrantLine(const QString &line);

    // True when granted on *.*, on the database (when given) or on the table (when given).
    [[nodiscard]] bool has(const QString &privilege, const QString &database = {}, const QString &table = {}) const;
    [[nodiscard]] QStringList missing(const QStringList &privileges, const QString &database = {},
                                      const QString &table = {}) const;
    // Roles granted to the login (their privileges are not in this set).
    [[nodiscard]] QStringList roles() const { return m_roles; }

    static QString canonicalPrivilege(const QString &name);

private:
    struct Grant {
        QString database; // "*" on *.*; may hold % and _ wildcards
        QString table;    // "*" for the whole database
        QSet<QString> privileges;
        bool all = false;
    };
    std::vector<Grant> m_grants;
    QStringList m_roles;
};

// Splits CURRENT_USER() ("user@host") into a quoted account for GRANT: 'user'@'host'.
QString grantAccount(const QString &currentUser);

} // namespace engine::preflight
