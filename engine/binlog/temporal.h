#pragma once

#include <QByteArray>

namespace engine::binlog {

class ByteReader;

// Binlog encodings of the temporal types, read into the text SELECT prints, with `fsp` (0-6) fractional
// digits. TIMESTAMP values are seconds since the epoch and are rendered in UTC. All throw BinlogFormatError
// on truncated input or an out-of-range fsp.
namespace temporal {
QByteArray readDate(ByteReader &in);                  // DATE/NEWDATE: 3 bytes little-endian, day | month << 5 | year << 9
QByteArray readTime2(ByteReader &in, int fsp);        // TIME2: 3 + (fsp + 1) / 2 bytes big-endian, offset-biased
QByteArray readDateTime2(ByteReader &in, int fsp);    // DATETIME2: 5 + (fsp + 1) / 2 bytes big-endian
QByteArray readTimestamp2(ByteReader &in, int fsp);   // TIMESTAMP2: 4 + (fsp + 1) / 2 bytes big-endian
QByteArray readOldTime(ByteReader &in);               // TIME before 5.6: 3 bytes signed, HHMMSS
QByteArray readOldDateTime(ByteReader &in);           // DATETIME before 5.6: 8 bytes, YYYYMMDDHHMMSS
QByteArray readOldTimestamp(ByteReader &in);          // TIMESTAMP before 5.6: 4 bytes, seconds since the epoch

// "YYYY-MM-DD HH:MM:SS[.ffffff]" of a UTC time (exposed for tests).
QByteArray formatUtc(qint64 secondsSinceEpoch, quint32 microseconds, int fsp);
} // namespace temporal

} // namespace engine::binlog
