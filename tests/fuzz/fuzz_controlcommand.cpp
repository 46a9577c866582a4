// libFuzzer target: the control socket's command parser (gh-ost's vocabulary) against a fake migration. The
// input is one byte choosing the migration's state and the --force-named-* flags, then command lines
// separated by '\n', run in order through one handler, so that a setting written can be read back. Malformed
// commands get an ERROR line by contract and nothing throws; anything else (crash, sanitizer report,
// exception, hang) is a finding.
#include "fakecontroltarget.h"

#include <control/controlcommand.h>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using engine::control::ControlCommandHandler;
using engine::control::ControlIdentity;
using engine::migration::MigrationState;

namespace {

constexpr uint8_t StateBits = 0x0f;
constexpr uint8_t ForceNamedCutOver = 0x40;
constexpr uint8_t ForceNamedPanic = 0x80;

engine::migration::ProgressSnapshot progress(MigrationState state)
{
    engine::migration::ProgressSnapshot s;
    s.state = state;
    s.elapsedMillis = 65000;
    s.rowsCopied = 1200;
    s.rowsEstimate = 5000;
    s.copyPercent = 24.0;
    s.streamLagMillis = 100;
    s.etaSeconds = 9;
    s.binlogPosition = u"mariadb-bin.000003:4567"_s;
    s.chunkSize = 812;
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t options = data[0];
    testsupport::FakeTarget target;
    target.progress =
        progress(static_cast<MigrationState>((options & StateBits) % engine::migration::migrationStateCount));
    ControlIdentity identity;
    identity.database = u"shop"_s;
    identity.table = u"orders"_s;
    identity.ghostTable = u"_orders_gho"_s;
    identity.forceNamedCutOver = options & ForceNamedCutOver;
    identity.forceNamedPanic = options & ForceNamedPanic;
    ControlCommandHandler handler(target, identity);

    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    for (const QByteArray &bytes : input.split('\n')) {
        const QString line = QString::fromUtf8(bytes);
        // postpone-cut-over-flag-file=PATH creates PATH; the fuzzer must not write where its inputs point.
        if (line.toLower().contains(u"flag-file"_s))
            continue;
        (void)handler.execute(line);
    }
    return 0;
}
