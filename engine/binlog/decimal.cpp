#include "decimal.h"

#include "bytereader.h"

#include <array>

using namespace Qt::StringLiterals;

namespace engine::binlog {

namespace {
constexpr int DigitsPerGroup = 9;
constexpr std::array<int, 10> BytesForDigits{0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
constexpr std::array<quint32, 10> PowersOfTen{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                              1000000000};

bool validPrecision(int precision, int scale)
{
    return precision >= 1 && precision <= 65 && scale >= 0 && scale <= 38 && scale <= precision;
}

// Reads one group of `digits` decimal digits stored in BytesForDigits[digits] (or 4) big-endian bytes.
quint32 readGroup(const QByteArray &raw, int &pos, int digits, bool negative)
{
    const int bytes = digits == DigitsPerGroup ? 4 : BytesForDigits[static_cast<std::size_t>(digits)];
    quint32 value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | static_cast<quint8>(raw[pos + i]);
    pos += bytes;
    if (negative)
        value = ~value & (bytes == 4 ? 0xffffffffu : ((1u << (8 * bytes)) - 1));
    if (value >= PowersOfTen[static_cast<std::size_t>(digits)])
        throw BinlogFormatError(u"malformed DECIMAL: group value %1 has more than %2 digits"_s.arg(value).arg(digits));
    return value;
}

void appendPadded(QByteArray &out, quint32 value, int width)
{
    char buffer[16];
    int n = 0;
    do {
        buffer[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = n; i < width; ++i)
        out.append('0');
    while (n > 0)
        out.append(buffer[--n]);
}
} // namespace

int decimalBinarySize(int precision, int scale)
{
    if (!validPrecision(precision, scale))
        return -1;
    const int integer = precision - scale;
    return (integer / DigitsPerGroup) * 4 + BytesForDigits[static_cast<std::size_t>(integer % DigitsPerGroup)]
        + (scale / DigitsPerGroup) * 4 + BytesForDigits[static_cast<std::size_t>(scale % DigitsPerGroup)];
}

QByteArray decodeDecimal(ByteReader &in, int precision, int scale)
{
    const int size = decimalBinarySize(precision, scale);
    if (size < 0)
        throw BinlogFormatError(u"DECIMAL(%1,%2) is not a valid precision and scale"_s.arg(precision).arg(scale));
    QByteArray raw = in.bytes(size, "DECIMAL value").toByteArray();
    const bool negative = (static_cast<quint8>(raw[0]) & 0x80) == 0;
    raw[0] = static_cast<char>(static_cast<quint8>(raw[0]) ^ 0x80);

    const int integer = precision - scale;
    const int leadDigits = integer % DigitsPerGroup;
    const int tailDigits = scale % DigitsPerGroup;
    int pos = 0;
    QByteArray intText;
    intText.reserve(integer + 1);
    if (leadDigits > 0) {
        const quint32 lead = readGroup(raw, pos, leadDigits, negative);
        if (lead != 0)
            appendPadded(intText, lead, 0);
    }
    for (int g = 0; g < integer / DigitsPerGroup; ++g) {
        const quint32 group = readGroup(raw, pos, DigitsPerGroup, negative);
        if (intText.isEmpty()) {
            if (group != 0)
                appendPadded(intText, group, 0);
        } else {
            appendPadded(intText, group, DigitsPerGroup);
        }
    }
    QByteArray fracText;
    fracText.reserve(scale);
    for (int g = 0; g < scale / DigitsPerGroup; ++g)
        appendPadded(fracText, readGroup(raw, pos, DigitsPerGroup, negative), DigitsPerGroup);
    if (tailDigits > 0)
        appendPadded(fracText, readGroup(raw, pos, tailDigits, negative), tailDigits);

    const bool zero = intText.isEmpty() && fracText.count('0') == fracText.size();
    QByteArray text;
    text.reserve(precision + 3);
    if (negative && !zero)
        text.append('-');
    text.append(intText.isEmpty() ? QByteArray("0") : intText);
    if (scale > 0) {
        text.append('.');
        text.append(fracText);
    }
    return text;
}

} // namespace engine::binlog
