#pragma once

#include "binlogformaterror.h"

#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace engine::binlog {

// Bounds-checked cursor over little- and big-endian binlog bytes. Every read checks the remaining length
// first and throws BinlogFormatError naming the field (a Latin-1 literal) instead of reading past the end.
// Does not own the bytes; the view must outlive the reader.
class ByteReader {
public:
    explicit ByteReader(QByteArrayView bytes)
        : m_data(reinterpret_cast<const quint8 *>(bytes.data()))
        , m_size(bytes.size())
    {
    }

    [[nodiscard]] qsizetype offset() const { return m_pos; }
    [[nodiscard]] qsizetype remaining() const { return m_size - m_pos; }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_size; }

    void need(qsizetype count, const char *what) const
    {
        if (count < 0 || count > m_size - m_pos)
            fail(count, what);
    }

    quint8 u8(const char *what)
    {
        need(1, what);
        return m_data[m_pos++];
    }
    quint64 uintLE(int bytes, const char *what)
    {
        need(bytes, what);
        quint64 value = 0;
        for (int i = bytes - 1; i >= 0; --i)
            value = (value << 8) | m_data[m_pos + i];
        m_pos += bytes;
        return value;
    }
    quint64 uintBE(int bytes, const char *what)
    {
        need(bytes, what);
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | m_data[m_pos + i];
        m_pos += bytes;
        return value;
    }
    quint16 u16(const char *what) { return static_cast<quint16>(uintLE(2, what)); }
    quint32 u32(const char *what) { return static_cast<quint32>(uintLE(4, what)); }
    quint64 u64(const char *what) { return uintLE(8, what); }

    // The protocol's length-encoded integer (1, 3, 4 or 9 bytes).
    quint64 packedInt(const char *what)
    {
        const quint8 first = u8(what);
        if (first < 251)
            return first;
        if (first == 252)
            return uintLE(2, what);
        if (first == 253)
            return uintLE(3, what);
        if (first == 254)
            return uintLE(8, what);
        throw BinlogFormatError(QStringLiteral("invalid length-encoded integer (0x%1) in %2")
                                    .arg(first, 2, 16, QLatin1Char('0'))
                                    .arg(QLatin1StringView(what)));
    }

    QByteArrayView bytes(qsizetype count, const char *what)
    {
        need(count, what);
        const QByteArrayView view(reinterpret_cast<const char *>(m_data + m_pos), count);
        m_pos += count;
        return view;
    }
    void skip(qsizetype count, const char *what)
    {
        need(count, what);
        m_pos += count;
    }
    QByteArrayView rest()
    {
        return bytes(remaining(), "rest");
    }
    [[nodiscard]] const quint8 *current() const { return m_data + m_pos; }

private:
    [[noreturn]] void fail(qsizetype count, const char *what) const
    {
        throw BinlogFormatError(QStringLiteral("truncated binlog data: %1 needs %2 bytes at offset %3, %4 left")
                                    .arg(QLatin1StringView(what))
                                    .arg(count)
                                    .arg(m_pos)
                                    .arg(m_size - m_pos));
    }

    const quint8 *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_pos = 0;
};

} // namespace engine::binlog
