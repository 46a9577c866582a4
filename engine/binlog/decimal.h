#pragma once

#include <QByteArray>

namespace engine::binlog {

class ByteReader;

// The server's binary DECIMAL(precision, scale) encoding (big-endian groups of nine digits, sign in the top
// bit, negatives stored inverted), read exactly into text with all scale digits: "-12.340", "0.500", "7".
// Throws BinlogFormatError for out-of-range precision/scale, truncated bytes or a group that isn't decimal.
QByteArray decodeDecimal(ByteReader &in, int precision, int scale);
// Bytes taken by a DECIMAL(precision, scale) value; -1 for an invalid precision/scale.
int decimalBinarySize(int precision, int scale);

} // namespace engine::binlog
