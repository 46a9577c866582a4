#include "keycodec.h"

#include <binlog/rowvalue.h>
#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;
using engine::mysql::hexLiteral;
using engine::mysql::quoteIdentifier;

namespace engine::apply {

namespace {
const QStringList numericTypes = {u"tinyint"_s, u"smallint"_s, u"mediumint"_s, u"int"_s, u"integer"_s,
                                  u"bigint"_s, u"decimal"_s, u"numeric"_s, u"year"_s, u"float"_s, u"double"_s};
const QStringList byNumberTypes = {u"enum"_s, u"set"_s, u"bit"_s};
} // namespace

KeyCodec::KeyCodec(std::vector<inspect::ColumnInfo> keyColumns)
    : m_columns(std::move(keyColumns))
{
}

bool KeyCodec::isNumericLike(int index) const
{
    const QString &type = m_columns[static_cast<size_t>(index)].dataType;
    return numericTypes.contains(type) || byNumberTypes.contains(type);
}

QStringList KeyCodec::quotedColumns(const QString &alias) const
{
    QStringList names;
    const QString prefix = alias.isEmpty() ? QString() : alias + u'.';
    for (const auto &column : m_columns)
        names << prefix + quoteIdentifier(column.name);
    return names;
}

QStringList KeyCodec::selectExpressions(const QString &alias) const
{
    QStringList expressions = quotedColumns(alias);
    for (int i = 0; i < size(); ++i) {
        const auto &column = m_columns[static_cast<size_t>(i)];
        if (byNumberTypes.contains(column.dataType))
            expressions[i] += u"+0"_s;
        else if (isText(i))
            // The column's own bytes, not the session's utf8mb4 rendering of them: bytesLiteral() puts the
            // column's character set before them (a latin1 'é' is one byte, E9, not C3 A9).
            expressions[i] = u"CAST(%1 AS BINARY)"_s.arg(expressions[i]);
    }
    return expressions;
}

bool KeyCodec::isText(int index) const
{
    const auto &column = m_columns[static_cast<size_t>(index)];
    return !column.charset.isEmpty() && column.charset != u"binary"_s && !isNumericLike(index);
}

QString KeyCodec::bytesLiteral(int index, const QByteArray &bytes) const
{
    const auto &column = m_columns[static_cast<size_t>(index)];
    if (column.charset.isEmpty() || column.charset == u"binary"_s)
        return hexLiteral(bytes);
    return u"_%1 %2 COLLATE %3"_s.arg(column.charset, hexLiteral(bytes), column.collation);
}

QString KeyCodec::literalFromText(int index, const std::optional<QByteArray> &value) const
{
    if (!value)
        return u"NULL"_s;
    if (isNumericLike(index))
        return QString::fromLatin1(*value);
    const QString &type = m_columns[static_cast<size_t>(index)].dataType;
    if (type == u"date"_s || type == u"datetime"_s || type == u"timestamp"_s || type == u"time"_s)
        return u'\'' + QString::fromLatin1(*value) + u'\'';
    return bytesLiteral(index, *value);
}

QString KeyCodec::literalFromBinlog(int index, const binlog::RowValue &value) const
{
    using Kind = binlog::RowValue::Kind;
    switch (value.kind) {
    case Kind::Null: return u"NULL"_s;
    case Kind::Int: {
        const auto &column = m_columns[static_cast<size_t>(index)];
        if (column.isUnsigned && value.i < 0) {
            // The table map carries no signedness: reinterpret the stored bits at the column's width.
            const QString &type = column.dataType;
            const int bits = type == u"tinyint"_s ? 8 : type == u"smallint"_s ? 16 : type == u"mediumint"_s ? 24
                           : type == u"bigint"_s ? 64 : 32;
            const quint64 mask = bits == 64 ? ~quint64(0) : ((quint64(1) << bits) - 1);
            return QString::number(static_cast<quint64>(value.i) & mask);
        }
        return QString::number(value.i);
    }
    case Kind::UInt: return QString::number(value.u);
    case Kind::Double: return QString::number(value.d, 'g', 17);
    case Kind::Decimal: return QString::fromLatin1(value.bytes);
    case Kind::Temporal: return u'\'' + QString::fromLatin1(value.bytes) + u'\'';
    case Kind::Bytes: return bytesLiteral(index, value.bytes);
    }
    return u"NULL"_s;
}

QString KeyCodec::tuple(const QStringList &literals)
{
    return u'(' + literals.join(u',') + u')';
}

QStringList KeyCodec::untuple(const QString &tuple)
{
    // Literals never contain a bare comma: numbers, quoted temporal text, hex with introducer/collation.
    return tuple.mid(1, tuple.size() - 2).split(u',');
}

QString KeyCodec::greaterThan(const QStringList &columns, const QStringList &lower)
{
    QStringList alternatives;
    for (int i = 0; i < columns.size(); ++i) {
        QStringList terms;
        for (int j = 0; j < i; ++j)
            terms << columns[j] + u" = "_s + lower[j];
        terms << columns[i] + u" > "_s + lower[i];
        alternatives << (terms.size() == 1 ? terms.first() : u'(' + terms.join(u" AND "_s) + u')');
    }
    return alternatives.size() == 1 ? alternatives.first() : u'(' + alternatives.join(u" OR "_s) + u')';
}

QString KeyCodec::atMost(const QStringList &columns, const QStringList &upper)
{
    QStringList alternatives;
    for (int i = 0; i < columns.size(); ++i) {
        QStringList terms;
        for (int j = 0; j < i; ++j)
            terms << columns[j] + u" = "_s + upper[j];
        terms << columns[i] + (i == columns.size() - 1 ? u" <= "_s : u" < "_s) + upper[i];
        alternatives << (terms.size() == 1 ? terms.first() : u'(' + terms.join(u" AND "_s) + u')');
    }
    return alternatives.size() == 1 ? alternatives.first() : u'(' + alternatives.join(u" OR "_s) + u')';
}

QString KeyCodec::inSet(const QStringList &columns, const std::vector<QString> &tuples)
{
    if (columns.size() == 1) {
        QStringList values;
        values.reserve(static_cast<qsizetype>(tuples.size()));
        for (const QString &t : tuples)
            values << t.mid(1, t.size() - 2);
        return columns.first() + u" IN ("_s + values.join(u',') + u')';
    }
    QStringList alternatives;
    alternatives.reserve(static_cast<qsizetype>(tuples.size()));
    for (const QString &t : tuples) {
        const QStringList literals = untuple(t);
        QStringList terms;
        for (int i = 0; i < columns.size(); ++i)
            terms << columns[i] + u" = "_s + literals.value(i);
        alternatives << u'(' + terms.join(u" AND "_s) + u')';
    }
    return u'(' + alternatives.join(u" OR "_s) + u')';
}

} // namespace engine::apply
