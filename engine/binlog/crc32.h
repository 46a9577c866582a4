#pragma once

#include <QByteArrayView>

namespace engine::binlog {

// CRC-32 (ISO-HDLC, as zlib's crc32() and the server's binlog_checksum=CRC32).
quint32 crc32(QByteArrayView bytes);

} // namespace engine::binlog
