#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Building SQL text safely. Identifiers are always quoted; values go through literals here or Connection::quote.
namespace engine::mysql {

// `name` with backticks doubled, so any identifier (unicode, spaces, backticks) survives.
QString quoteIdentifier(const QString &name);
// `schema`.`table`
QString qualifiedName(const QString &schema, const QString &table);
// A comma-separated list of quoted identifiers, optionally each prefixed with "alias.".
QString identifierList(const QStringList &names, const QString &alias = {});
// A byte string as a hex literal (X'..'), exact for any bytes and any charset; X'' for empty.
QString hexLiteral(const QByteArray &bytes);
// A SQL string literal with \, ', NUL, newline and ^Z escaped (for text that is valid UTF-8).
QString stringLiteral(const QString &value);

} // namespace engine::mysql
