#include "temporal.h"

#include "bytereader.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace engine::binlog::temporal {

namespace {

void checkFsp(int fsp)
{
    if (fsp < 0 || fsp > 6)
        throw BinlogFormatError(u"temporal column with %1 fractional digits (0-6 expected)"_s.arg(fsp));
}

// The fractional part as stored after TIME2/DATETIME2/TIMESTAMP2, in microseconds. TIME2 and DATETIME2 read
// it signed (a negative TIME carries a negative fraction), TIMESTAMP2 unsigned.
qint64 readFraction(ByteReader &in, int fsp, bool isSigned)
{
    const int bytes = (fsp + 1) / 2;
    if (bytes == 0)
        return 0;
    qint64 value = static_cast<qint64>(in.uintBE(bytes, "fractional seconds"));
    if (isSigned && (value & (qint64(1) << (8 * bytes - 1))))
        value -= qint64(1) << (8 * bytes);
    static constexpr qint64 Scale[] = {1, 10000, 100, 1};
    return value * Scale[bytes];
}

void appendFraction(QByteArray &text, quint32 microseconds, int fsp)
{
    if (fsp == 0)
        return;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, ".%06u", microseconds % 1000000u);
    text.append(buffer, 1 + fsp);
}

QByteArray formatDateTime(quint32 year, quint32 month, quint32 day, quint32 hour, quint32 minute, quint32 second,
                          quint32 microseconds, int fsp)
{
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u %02u:%02u:%02u", year, month, day, hour,
                                minute, second);
    QByteArray text(buffer, n);
    appendFraction(text, microseconds, fsp);
    return text;
}

QByteArray formatTime(bool negative, quint32 hour, quint32 minute, quint32 second, quint32 microseconds, int fsp)
{
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%s%02u:%02u:%02u", negative ? "-" : "", hour, minute,
                                second);
    QByteArray text(buffer, n);
    appendFraction(text, microseconds, fsp);
    return text;
}

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
void civilFromDays(qint64 days, qint64 &year, quint32 &month, quint32 &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<quint32>(days - era * 146097);
    const quint32 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const quint32 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const quint32 mp = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<qint64>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
}

} // namespace

QByteArray formatUtc(qint64 secondsSinceEpoch, quint32 microseconds, int fsp)
{
    checkFsp(fsp);
    if (secondsSinceEpoch == 0 && microseconds == 0)
        return formatDateTime(0, 0, 0, 0, 0, 0, 0, fsp); // the zero TIMESTAMP
    const qint64 days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400;
    const qint64 secondOfDay = secondsSinceEpoch - days * 86400;
    qint64 year = 0;
    quint32 month = 0, day = 0;
    civilFromDays(days, year, month, day);
    return formatDateTime(static_cast<quint32>(year), month, day, static_cast<quint32>(secondOfDay / 3600),
                          static_cast<quint32>(secondOfDay / 60 % 60), static_cast<quint32>(secondOfDay % 60),
                          microseconds, fsp);
}

QByteArray readDate(ByteReader &in)
{
    const auto value = static_cast<quint32>(in.uintLE(3, "DATE value"));
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", value >> 9, (value >> 5) & 15u, value & 31u);
    return QByteArray(buffer, n);
}

QByteArray readTime2(ByteReader &in, int fsp)
{
    checkFsp(fsp);
    constexpr qint64 IntOffset = 0x800000;
    qint64 packed = 0; // seconds part << 24 | microseconds, signed as a whole
    if (fsp >= 5) {
        packed = static_cast<qint64>(in.uintBE(6, "TIME value")) - (IntOffset << 24);
    } else {
        qint64 intPart = static_cast<qint64>(in.uintBE(3, "TIME value")) - IntOffset;
        qint64 fraction = 0;
        if (fsp > 0) {
            const int bytes = (fsp + 1) / 2;
            fraction = static_cast<qint64>(in.uintBE(bytes, "fractional seconds"));
            if (intPart < 0 && fraction != 0) {
                ++intPart; // a negative value borrows one second for its (negative) fraction
                fraction -= qint64(1) << (8 * bytes);
            }
            fraction *= bytes == 1 ? 10000 : 100;
        }
        packed = intPart * (qint64(1) << 24) + fraction;
    }
    const bool negative = packed < 0;
    const quint64 magnitude = negative ? static_cast<quint64>(-packed) : static_cast<quint64>(packed);
    const quint64 hms = magnitude >> 24;
    return formatTime(negative, static_cast<quint32>((hms >> 12) % 1024), static_cast<quint32>((hms >> 6) % 64),
                      static_cast<quint32>(hms % 64), static_cast<quint32>(magnitude % (1u << 24)), fsp);
}

QByteArray readDateTime2(ByteReader &in, int fsp)
{
    checkFsp(fsp);
    const qint64 intPart = static_cast<qint64>(in.uintBE(5, "DATETIME value")) - 0x8000000000LL;
    const qint64 fraction = readFraction(in, fsp, true);
    if (intPart < 0 || fraction < 0)
        throw BinlogFormatError(u"DATETIME value is negative"_s);
    const auto ymdhms = static_cast<quint64>(intPart);
    const quint64 ymd = ymdhms >> 17;
    const quint64 yearMonth = ymd >> 5;
    const quint64 hms = ymdhms % (1u << 17);
    return formatDateTime(static_cast<quint32>(yearMonth / 13), static_cast<quint32>(yearMonth % 13),
                          static_cast<quint32>(ymd % 32), static_cast<quint32>(hms >> 12),
                          static_cast<quint32>((hms >> 6) % 64), static_cast<quint32>(hms % 64),
                          static_cast<quint32>(fraction), fsp);
}

QByteArray readTimestamp2(ByteReader &in, int fsp)
{
    checkFsp(fsp);
    const auto seconds = static_cast<qint64>(in.uintBE(4, "TIMESTAMP value"));
    const qint64 fraction = readFraction(in, fsp, false);
    if (fraction >= 1000000)
        throw BinlogFormatError(u"TIMESTAMP fraction %1 is out of range"_s.arg(fraction));
    return formatUtc(seconds, static_cast<quint32>(fraction), fsp);
}

QByteArray readOldTime(ByteReader &in)
{
    qint64 value = static_cast<qint64>(in.uintLE(3, "TIME value"));
    if (value & 0x800000)
        value -= 0x1000000;
    const bool negative = value < 0;
    const quint64 magnitude = negative ? static_cast<quint64>(-value) : static_cast<quint64>(value);
    return formatTime(negative, static_cast<quint32>(magnitude / 10000), static_cast<quint32>(magnitude / 100 % 100),
                      static_cast<quint32>(magnitude % 100), 0, 0);
}

QByteArray readOldDateTime(ByteReader &in)
{
    const quint64 value = in.u64("DATETIME value");
    const quint64 date = value / 1000000, time = value % 1000000;
    return formatDateTime(static_cast<quint32>(date / 10000), static_cast<quint32>(date / 100 % 100),
                          static_cast<quint32>(date % 100), static_cast<quint32>(time / 10000),
                          static_cast<quint32>(time / 100 % 100), static_cast<quint32>(time % 100), 0, 0);
}

QByteArray readOldTimestamp(ByteReader &in)
{
    return formatUtc(in.u32("TIMESTAMP value"), 0, 0);
}

} // namespace engine::binlog::temporal
