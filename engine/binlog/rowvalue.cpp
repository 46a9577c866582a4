#include "rowvalue.h"

#include "columntype.h"

using namespace Qt::StringLiterals;

namespace engine::binlog {

QString RowValue::debugString() const
{
    switch (kind) {
    case Kind::Null:
        return u"NULL"_s;
    case Kind::Int:
        return u"int:"_s + QString::number(i);
    case Kind::UInt:
        return u"uint:"_s + QString::number(u);
    case Kind::Double:
        return u"double:"_s + QString::number(d, 'g', 17);
    case Kind::Decimal:
        return u"decimal:"_s + QString::fromLatin1(bytes);
    case Kind::Temporal:
        return u"temporal:"_s + QString::fromLatin1(bytes);
    case Kind::Bytes: {
        QString text = u"bytes:x'"_s + QString::fromLatin1(bytes.toHex()) + u'\'';
        const QString utf8 = QString::fromUtf8(bytes);
        bool printable = !bytes.isEmpty() && utf8.toUtf8() == bytes;
        for (QChar c : utf8)
            printable = printable && (c.isPrint() || c.isSurrogate());
        if (printable)
            text += u" \""_s + utf8 + u'"';
        return text;
    }
    }
    return {};
}

RowValue asUnsigned(const RowValue &value, quint8 type)
{
    if (value.kind != RowValue::Kind::Int)
        return value;
    const auto bits = static_cast<quint64>(value.i);
    switch (type) {
    case ColumnType::Tiny:
        return RowValue::fromUInt(bits & 0xffu);
    case ColumnType::Short:
        return RowValue::fromUInt(bits & 0xffffu);
    case ColumnType::Int24:
        return RowValue::fromUInt(bits & 0xffffffu);
    case ColumnType::Long:
        return RowValue::fromUInt(bits & 0xffffffffu);
    case ColumnType::LongLong:
        return RowValue::fromUInt(bits);
    default:
        return value;
    }
}

} // namespace engine::binlog
