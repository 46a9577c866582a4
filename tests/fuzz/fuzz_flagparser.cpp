// libFuzzer target: shadowswap-cli's flag parsing and what the CLI builds from the flags before anything
// connects: the migration spec (with its validation), the control socket set-up and the preflight request.
// The input is the argument list without the program name, arguments separated by NUL bytes, in UTF-8. Bad
// flags are refused with an error by contract and nothing throws; anything else (crash, sanitizer report,
// exception, hang) is a finding.
#include <controlflags.h>
#include <flagparser.h>
#include <ghostflags.h>
#include <migrationcommand.h>
#include <preflightcommand.h>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList arguments;
    if (size > 0) {
        const QByteArray input =
            QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
        for (const QByteArray &argument : input.split('\0'))
            arguments << QString::fromUtf8(argument);
    }
    static const std::vector<cli::FlagSpec> specs = cli::ghostCompatibleFlags();
    cli::FlagParser flags(specs);
    if (!flags.parse(arguments))
        return 0;
    // A token file is read when the control set-up is built: a path such as /dev/stdin or a FIFO would block.
    if (flags.isSet(u"serve-tcp-token-file"_s))
        return 0;

    engine::mysql::ConnectionSettings inspector;
    inspector.host = u"127.0.0.1"_s;
    inspector.port = 3306;
    inspector.user = u"shadowswap"_s;
    QString error;
    engine::migration::MigrationSpec spec;
    (void)cli::buildMigrationSpec(flags, inspector, spec, &error);
    cli::ControlSetup control;
    (void)cli::buildControlSetup(flags, spec, control, &error);
    engine::preflight::PreflightRequest request;
    (void)cli::buildPreflightRequest(flags, inspector, request, &error);
    return 0;
}
