#include "sqlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace ui {

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat keyword, type, string, identifier, number, comment;
    keyword.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xb0));
    keyword.setFontWeight(QFont::Bold);
    type.setForeground(dark ? QColor(0xc5, 0x8a, 0xf9) : QColor(0x7b, 0x1f, 0xa2));
    string.setForeground(dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1b, 0x7a, 0x34));
    identifier.setForeground(dark ? QColor(0xf2, 0xb8, 0x6b) : QColor(0x9c, 0x5b, 0x00));
    number.setForeground(dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e));
    comment.setForeground(dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x70, 0x75, 0x7a));
    comment.setFontItalic(true);

    const auto words = [](const char *list) {
        return QRegularExpression(u"\\b(?:"_s + QString::fromLatin1(list) + u")\\b"_s,
                                  QRegularExpression::CaseInsensitiveOption);
    };
    m_rules = {
        {words("ADD|ALTER|TABLE|COLUMN|DROP|MODIFY|CHANGE|RENAME|TO|AS|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|REFERENCES|"
               "CONSTRAINT|CHECK|DEFAULT|NOT|NULL|AUTO_INCREMENT|AFTER|FIRST|CHARACTER|SET|CHARSET|COLLATE|ENGINE|"
               "COMMENT|ON|UPDATE|DELETE|CASCADE|RESTRICT|CREATE|SELECT|FROM|WHERE|AND|OR|IF|EXISTS|USING|BTREE|"
               "HASH|CONVERT|GENERATED|ALWAYS|VIRTUAL|STORED|INVISIBLE|VISIBLE|PARTITION|BY|ROW_FORMAT|ALGORITHM|"
               "LOCK|CURRENT_TIMESTAMP|UNSIGNED|ZEROFILL|FULLTEXT|SPATIAL"),
         keyword},
        {words("TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|FLOAT|DOUBLE|BIT|BOOL|BOOLEAN|CHAR|"
               "VARCHAR|BINARY|VARBINARY|TINYTEXT|TEXT|MEDIUMTEXT|LONGTEXT|TINYBLOB|BLOB|MEDIUMBLOB|LONGBLOB|ENUM|"
               "JSON|DATE|DATETIME|TIMESTAMP|TIME|YEAR|GEOMETRY|POINT|UUID|INET4|INET6"),
         type},
        {QRegularExpression(u"\\b\\d+(?:\\.\\d+)?\\b"_s), number},
        {QRegularExpression(u"`[^`]*`"_s), identifier},
        {QRegularExpression(u"'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\""_s), string},
        {QRegularExpression(u"(?:--\\s|#).*$"_s), comment},
    };
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    // Later rules win: strings and comments override the keywords inside them.
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
}

} // namespace ui
