// libFuzzer target: MySQL's binary JSON (a JSON column's value in a rows event) printed as JSON text. The
// input is the value's bytes, as decodeColumnValue() hands them over after the length prefix.
// BinlogFormatError is how the decoder refuses a malformed document; anything else (crash, sanitizer report,
// other exception, hang) is a finding.
#include <binlog/binlogformaterror.h>
#include <binlog/jsonbinary.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try {
        const QByteArray text =
            engine::binlog::jsonBinaryToText(QByteArrayView(data, static_cast<qsizetype>(size)));
        (void)text;
    } catch (const engine::binlog::BinlogFormatError &) {
    }
    return 0;
}
