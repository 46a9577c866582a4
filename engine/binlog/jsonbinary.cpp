#include "jsonbinary.h"

#include "bytereader.h"
#include "columntype.h"
#include "decimal.h"

#include <QLocale>

#include <cstdio>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace engine::binlog {

namespace {

enum JsonType : quint8 {
    SmallObject = 0x00,
    LargeObject = 0x01,
    SmallArray = 0x02,
    LargeArray = 0x03,
    Literal = 0x04,
    Int16 = 0x05,
    UInt16 = 0x06,
    Int32 = 0x07,
    UInt32 = 0x08,
    Int64 = 0x09,
    UInt64 = 0x0a,
    Double = 0x0b,
    String = 0x0c,
    Opaque = 0x0f,
};

constexpr int MaxDepth = 150;

[[noreturn]] void malformed(const QString &why)
{
    throw BinlogFormatError(u"malformed binary JSON: "_s + why);
}

quint32 readVariableLength(ByteReader &in)
{
    quint64 length = 0;
    for (int i = 0; i < 5; ++i) {
        const quint8 byte = in.u8("JSON data length");
        length |= static_cast<quint64>(byte & 0x7f) << (7 * i);
        if ((byte & 0x80) == 0) {
            if (length > 0xffffffffu)
                break;
            return static_cast<quint32>(length);
        }
    }
    malformed(u"data length is too long"_s);
}

void appendQuoted(QByteArray &out, QByteArrayView text)
{
    out.append('"');
    for (char c : text) {
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (static_cast<quint8>(c) < 0x1f) { // MySQL leaves 0x1f itself unescaped
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<quint8>(c)));
                out.append(buffer);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendDouble(QByteArray &out, double value)
{
    QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    const qsizetype e = text.indexOf('e');
    if (e >= 0) { // "1e+20" -> "1e20", "1e-05" -> "1e-5", as MySQL prints exponents
        QByteArray exponent = text.mid(e + 1);
        const bool negative = exponent.startsWith('-');
        if (negative || exponent.startsWith('+'))
            exponent.remove(0, 1);
        while (exponent.size() > 1 && exponent.startsWith('0'))
            exponent.remove(0, 1);
        text = text.left(e + 1) + (negative ? "-" : "") + exponent;
    } else if (!text.contains('.') && !text.contains("inf") && !text.contains("nan")) {
        text.append(".0");
    }
    out.append(text);
}

// DATE/TIME/DATETIME/TIMESTAMP inside JSON: a packed 64-bit integer (seconds part << 24 | microseconds).
void appendPackedTemporal(QByteArray &out, quint8 fieldType, qint64 packed)
{
    if (packed == std::numeric_limits<qint64>::min()) // no temporal packs to it, and negating it overflows
        malformed(u"temporal value out of range"_s);
    const bool negative = packed < 0;
    const quint64 magnitude = negative ? static_cast<quint64>(-packed) : static_cast<quint64>(packed);
    const auto micro = static_cast<unsigned>(magnitude % (1u << 24));
    const quint64 intPart = magnitude >> 24;
    char buffer[64];
    if (fieldType == ColumnType::Time) {
        std::snprintf(buffer, sizeof buffer, "%s%02u:%02u:%02u.%06u", negative ? "-" : "",
                      static_cast<unsigned>((intPart >> 12) % 1024), static_cast<unsigned>((intPart >> 6) % 64),
                      static_cast<unsigned>(intPart % 64), micro);
    } else {
        const quint64 ymd = intPart >> 17, hms = intPart % (1u << 17), ym = ymd >> 5;
        if (fieldType == ColumnType::Date)
            std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", static_cast<unsigned>(ym / 13),
                          static_cast<unsigned>(ym % 13), static_cast<unsigned>(ymd % 32));
        else
            std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u %02u:%02u:%02u.%06u", static_cast<unsigned>(ym / 13),
                          static_cast<unsigned>(ym % 13), static_cast<unsigned>(ymd % 32),
                          static_cast<unsigned>(hms >> 12), static_cast<unsigned>((hms >> 6) % 64),
                          static_cast<unsigned>(hms % 64), micro);
    }
    appendQuoted(out, QByteArrayView(buffer, static_cast<qsizetype>(std::strlen(buffer))));
}

void appendOpaque(QByteArray &out, quint8 fieldType, QByteArrayView data)
{
    if (fieldType == ColumnType::NewDecimal && data.size() >= 2) {
        ByteReader in(data);
        const int precision = in.u8("JSON decimal precision");
        const int scale = in.u8("JSON decimal scale");
        out.append(decodeDecimal(in, precision, scale));
        return;
    }
    if ((fieldType == ColumnType::Date || fieldType == ColumnType::Time || fieldType == ColumnType::DateTime
         || fieldType == ColumnType::Timestamp)
        && data.size() == 8) {
        ByteReader in(data);
        appendPackedTemporal(out, fieldType, static_cast<qint64>(in.u64("JSON temporal")));
        return;
    }
    const QByteArray text = "base64:type" + QByteArray::number(fieldType) + ':' + data.toByteArray().toBase64();
    appendQuoted(out, text);
}

class Printer {
public:
    // `valueBudget`: how many values the document may print. In a well-formed one each value but the outermost
    // has an entry of its own (3 bytes at least), so its size is plenty; entries that point at the same bytes
    // would otherwise print exponentially many.
    Printer(QByteArray &out, qsizetype valueBudget)
        : m_out(out)
        , m_valueBudget(valueBudget)
    {
    }

    // A value of `type` whose bytes start at the front of `data` (which may extend further).
    void value(quint8 type, QByteArrayView data, int depth)
    {
        if (depth > MaxDepth)
            malformed(u"nesting deeper than %1"_s.arg(MaxDepth));
        if (--m_valueBudget < 0)
            malformed(u"more values than the document has bytes: entries share their values"_s);
        ByteReader in(data);
        switch (type) {
        case SmallObject:
        case LargeObject:
            container(true, type == LargeObject, data, depth);
            return;
        case SmallArray:
        case LargeArray:
            container(false, type == LargeArray, data, depth);
            return;
        case Literal:
            literal(in.u8("JSON literal"));
            return;
        case Int16:
            m_out.append(QByteArray::number(static_cast<qint16>(in.u16("JSON int16"))));
            return;
        case UInt16:
            m_out.append(QByteArray::number(in.u16("JSON uint16")));
            return;
        case Int32:
            m_out.append(QByteArray::number(static_cast<qint32>(in.u32("JSON int32"))));
            return;
        case UInt32:
            m_out.append(QByteArray::number(in.u32("JSON uint32")));
            return;
        case Int64:
            m_out.append(QByteArray::number(static_cast<qint64>(in.u64("JSON int64"))));
            return;
        case UInt64:
            m_out.append(QByteArray::number(in.u64("JSON uint64")));
            return;
        case Double: {
            const quint64 bits = in.u64("JSON double");
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            appendDouble(m_out, d);
            return;
        }
        case String: {
            const quint32 length = readVariableLength(in);
            appendQuoted(m_out, in.bytes(length, "JSON string"));
            return;
        }
        case Opaque: {
            const quint8 fieldType = in.u8("JSON opaque type");
            const quint32 length = readVariableLength(in);
            appendOpaque(m_out, fieldType, in.bytes(length, "JSON opaque value"));
            return;
        }
        default:
            malformed(u"unknown value type 0x%1"_s.arg(type, 2, 16, QLatin1Char('0')));
        }
    }

private:
    void literal(quint8 value)
    {
        switch (value) {
        case 0: m_out.append("null"); return;
        case 1: m_out.append("true"); return;
        case 2: m_out.append("false"); return;
        default: malformed(u"unknown literal 0x%1"_s.arg(value, 2, 16, QLatin1Char('0')));
        }
    }

    void container(bool isObject, bool large, QByteArrayView data, int depth)
    {
        const int offsetSize = large ? 4 : 2;
        ByteReader header(data);
        const quint64 count = header.uintLE(offsetSize, "JSON element count");
        const quint64 size = header.uintLE(offsetSize, "JSON container size");
        if (size > static_cast<quint64>(data.size()))
            malformed(u"container of %1 bytes in %2"_s.arg(size).arg(data.size()));
        const QByteArrayView body = data.first(static_cast<qsizetype>(size));
        const quint64 entriesSize = count * ((isObject ? offsetSize + 2 : 0) + 1 + offsetSize);
        if (2 * offsetSize + entriesSize > size)
            malformed(u"%1 entries don't fit in %2 bytes"_s.arg(count).arg(size));
        ByteReader keys(body.sliced(2 * offsetSize));
        ByteReader values(body.sliced(2 * offsetSize + static_cast<qsizetype>(isObject ? count * (offsetSize + 2) : 0)));
        m_out.append(isObject ? '{' : '[');
        for (quint64 i = 0; i < count; ++i) {
            if (i > 0)
                m_out.append(", ");
            if (isObject) {
                const quint64 keyOffset = keys.uintLE(offsetSize, "JSON key offset");
                const quint16 keyLength = keys.u16("JSON key length");
                if (keyOffset + keyLength > size)
                    malformed(u"key outside its object"_s);
                appendQuoted(m_out, body.sliced(static_cast<qsizetype>(keyOffset), keyLength));
                m_out.append(": ");
            }
            const quint8 type = values.u8("JSON value type");
            const bool inlined = type == Literal || type == Int16 || type == UInt16
                || (large && (type == Int32 || type == UInt32));
            const QByteArrayView slot = values.bytes(offsetSize, "JSON value offset");
            if (inlined) {
                value(type, slot, depth + 1);
                continue;
            }
            ByteReader slotReader(slot);
            const quint64 offset = slotReader.uintLE(offsetSize, "JSON value offset");
            if (offset >= size)
                malformed(u"value offset %1 outside its container of %2 bytes"_s.arg(offset).arg(size));
            value(type, body.sliced(static_cast<qsizetype>(offset)), depth + 1);
        }
        m_out.append(isObject ? '}' : ']');
    }

    QByteArray &m_out;
    qsizetype m_valueBudget;
};

} // namespace

QByteArray jsonBinaryToText(QByteArrayView binary)
{
    if (binary.isEmpty())
        return QByteArrayLiteral("null");
    QByteArray out;
    out.reserve(binary.size() * 2);
    Printer printer(out, binary.size());
    printer.value(static_cast<quint8>(binary[0]), binary.sliced(1), 0);
    return out;
}

} // namespace engine::binlog
