#include "crc32.h"

#include <array>

namespace engine::binlog {

namespace {
constexpr std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
constexpr std::array<quint32, 256> Table = makeTable();
} // namespace

quint32 crc32(QByteArrayView bytes)
{
    quint32 c = 0xffffffffu;
    for (const char byte : bytes)
        c = Table[(c ^ static_cast<quint8>(byte)) & 0xffu] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

} // namespace engine::binlog
