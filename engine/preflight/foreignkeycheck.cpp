#include "check.h"
#include "preflightcontext.h"

#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

class ForeignKeyCheck : public Check {
public:
    QStringList ids() const override { return {u"foreign_keys"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server &server = context.tableServer();
        const QString db = context.quote(context.request().database);
        const QString table = context.quote(context.request().table);
        auto rows = context.query(
            server,
            u"SELECT k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, "
            "GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), "
            "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, "
            "GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), "
            "r.UPDATE_RULE, r.DELETE_RULE "
            "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
            "AND r.TABLE_NAME = k.TABLE_NAME "
            "WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND ((k.TABLE_SCHEMA = %1 AND k.TABLE_NAME = %2) "
            "OR (k.REFERENCED_TABLE_SCHEMA = %1 AND k.REFERENCED_TABLE_NAME = %2)) "
            "GROUP BY k.CONSTRAINT_SCHEMA, k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, "
            "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE "
            "ORDER BY k.CONSTRAINT_NAME"_s.arg(db, table));
        QStringList children, parents, childFixes, parentFixes;
        const QString self = context.request().database + u'.' + context.request().table;
        while (rows.next()) {
            const QString child = rows.text(1) + u'.' + rows.text(2);
            const QString parent = rows.text(4) + u'.' + rows.text(5);
            const QString text = u"%1: %2(%3) → %4(%5) ON UPDATE %6 ON DELETE %7"_s.arg(
                mysql::quoteIdentifier(rows.text(0)), child, rows.text(3), parent, rows.text(6), rows.text(7),
                rows.text(8));
            if (child == self) {
                children << text;
                childFixes << u"ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5) ON UPDATE %6 "
                              "ON DELETE %7;"_s.arg(context.qualifiedTable(), mysql::quoteIdentifier(rows.text(0)),
                                                    mysql::identifierList(rows.text(3).split(u", "_s)),
                                                    mysql::qualifiedName(rows.text(4), rows.text(5)),
                                                    mysql::identifierList(rows.text(6).split(u", "_s)), rows.text(7),
                                                    rows.text(8));
            } else {
                parents << text;
                parentFixes << u"ALTER TABLE %1 DROP FOREIGN KEY %2;"_s.arg(
                    mysql::qualifiedName(rows.text(1), rows.text(2)), mysql::quoteIdentifier(rows.text(0)));
            }
        }
        if (children.isEmpty() && parents.isEmpty()) {
            sink.add(okFinding(u"foreign_keys"_s, u"No foreign key involves the table"_s));
            return;
        }
        Finding finding{u"foreign_keys"_s, Severity::Block, {}, {}, {}};
        QStringList lines, fixes;
        if (!parents.isEmpty()) {
            lines << u"Other tables reference this one (it is a parent):"_s << parents;
            lines << u"InnoDB makes those constraints follow the renamed original, so after the swap they would point "
                     "at the old table (_%1_del), not at the new one."_s.arg(context.request().table);
            fixes << u"Drop the children's constraints for the migration and add them back afterwards (re-adding "
                     "validates every child row), or use the native ALTER:\n"_s
                        + parentFixes.join(u'\n');
        }
        if (!children.isEmpty()) {
            lines << u"This table references others (it is a child):"_s << children;
            if (context.options().discardForeignKeys && parents.isEmpty()) {
                finding.severity = Severity::Warn;
                lines << u"With --discard-foreign-keys the new table is created without them: after the swap the "
                         "constraints are gone until added back."_s;
                fixes << u"After the migration, add them back (validates every row):\n"_s + childFixes.join(u'\n');
            } else {
                lines << u"The new table is created with CREATE TABLE ... LIKE, which does not copy foreign keys."_s;
                fixes << u"Pass --discard-foreign-keys to migrate without them and add them back afterwards:\n"_s
                            + childFixes.join(u'\n');
            }
        }
        finding.title = !parents.isEmpty() && !children.isEmpty()
            ? u"The table is both parent and child of foreign keys"_s
            : !parents.isEmpty() ? u"Other tables' foreign keys reference the table"_s
                                 : u"The table has foreign keys to other tables"_s;
        finding.detail = lines.join(u'\n');
        finding.fix = fixes.join(u'\n');
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeForeignKeyCheck()
{
    return std::make_unique<ForeignKeyCheck>();
}

} // namespace engine::preflight
