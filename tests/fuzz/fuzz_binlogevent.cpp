// libFuzzer target: the binlog event decoder (EventDecoder with the table map, rows and value decoders under
// it) on a stream of events as a binlog file holds them. The input is one options byte, then events back to
// back, each as long as its header's length field says (one that runs past the end gets what is left), so
// that table maps and the rows events that use them, GTIDs, ROTATEs and FORMAT_DESCRIPTIONs reach one decoder
// in order, as from a server. BinlogFormatError is how the decoder refuses bad bytes, and it must stay usable
// for the next event; anything else (crash, sanitizer report, other exception, hang) is a finding.
#include <binlog/binlogformaterror.h>
#include <binlog/eventdecoder.h>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace engine::binlog;

namespace {

constexpr size_t HeaderLength = 19;
constexpr size_t LengthFieldOffset = 9; // after the timestamp, the type and the server id

// Bits of the options byte.
constexpr uint8_t ChecksumExpected = 0x01; // events end in a CRC32 until a FORMAT_DESCRIPTION says otherwise
// Off unless asked: mutated events rarely keep a valid CRC32, and stopping there would hide what follows.
constexpr uint8_t VerifyChecksums = 0x02;
constexpr uint8_t ColumnDetails = 0x04; // the hook marks columns unsigned and BINARY(n), as the stream does
constexpr uint8_t FilterTables = 0x08;  // rows of tables not named "t" come back undecoded

size_t declaredLength(const uint8_t *event)
{
    const uint8_t *field = event + LengthFieldOffset;
    return static_cast<size_t>(field[0]) | static_cast<size_t>(field[1]) << 8
           | static_cast<size_t>(field[2]) << 16 | static_cast<size_t>(field[3]) << 24;
}

void markColumns(TableMap &map)
{
    map.unsignedFlags.assign(map.columns.size(), false);
    map.binaryFlags.assign(map.columns.size(), false);
    for (size_t i = 0; i < map.columns.size(); ++i) {
        map.unsignedFlags[i] = i % 2 == 0;
        map.binaryFlags[i] = i % 3 == 0;
    }
}

void touch(const BinlogEvent &event)
{
    (void)BinlogPosition::fromString(event.position.toString());
    if (!event.rows)
        return;
    for (const std::vector<Row> *images : {&event.rows->before, &event.rows->after})
        for (const Row &row : *images)
            for (const RowValue &value : row)
                (void)value.debugString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t options = data[0];
    EventDecoder::TableFilter filter;
    if (options & FilterTables)
        filter = [](const QString &, const QString &table) { return table == u"t"_s; };
    EventDecoder decoder(filter);
    decoder.setChecksumExpected(options & ChecksumExpected);
    decoder.setVerifyChecksums(options & VerifyChecksums);
    if (options & ColumnDetails)
        decoder.setTableMapHook(markColumns);
    decoder.setPosition({u"bin.000001"_s, 4, u"0-1-1"_s});

    for (size_t offset = 1; offset < size;) {
        size_t length = size - offset;
        if (length >= HeaderLength) {
            const size_t declared = declaredLength(data + offset);
            if (declared >= HeaderLength && declared <= length)
                length = declared;
        }
        try {
            touch(decoder.decode(QByteArrayView(data + offset, static_cast<qsizetype>(length))));
        } catch (const BinlogFormatError &) {
        }
        offset += length;
    }
    return 0;
}
