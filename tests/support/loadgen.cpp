// shadowswap-loadgen: a gentle application write load for the demo table (scripts/demo).
// Usage: shadowswap-loadgen --port P --user U --password W --database D --table T [--rate N] [--seconds S]
#include "writeload.h"

#include <mysql/sqltext.h>

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <thread>

using namespace Qt::StringLiterals;

namespace {
std::atomic<bool> g_stop{false};
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    auto value = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(u"--"_s + name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    testsupport::WriteLoad::Options options;
    options.connection.host = value(u"host"_s, u"127.0.0.1"_s);
    options.connection.port = value(u"port"_s, u"3306"_s).toUInt();
    options.connection.user = value(u"user"_s, u"root"_s);
    options.connection.password = value(u"password"_s, QString());
    options.connection.database = value(u"database"_s, u"shop"_s);
    options.statementsPerSecond = value(u"rate"_s, u"50"_s).toInt();
    const int seconds = value(u"seconds"_s, u"0"_s).toInt();
    const QString table = engine::mysql::qualifiedName(options.connection.database, value(u"table"_s, u"orders"_s));
    const quint64 maxId = value(u"max-id"_s, u"200000"_s).toULongLong();
    options.nextStatement = testsupport::WriteLoad::simpleMix(
        table, maxId,
        [](QRandomGenerator &r) {
            return u"(customer_id, status, amount, note, created_at) VALUES (%1, 'new', %2.%3, 'demo order', NOW(3))"_s
                .arg(r.bounded(1, 5000))
                .arg(r.bounded(1, 900))
                .arg(r.bounded(10, 99));
        },
        [](QRandomGenerator &r) {
            static const char16_t *statuses[] = {u"paid", u"shipped", u"cancelled"};
            return u"status = '%1', amount = amount + %2"_s.arg(QString::fromUtf16(statuses[r.bounded(3)]))
                .arg(r.bounded(1, 5));
        });
    std::signal(SIGINT, [](int) { g_stop = true; });
    std::signal(SIGTERM, [](int) { g_stop = true; });
    testsupport::WriteLoad load(options);
    load.start();
    for (int elapsed = 0; !g_stop && (seconds == 0 || elapsed < seconds * 10); ++elapsed)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    load.stop();
    QTextStream(stdout) << "statements: " << load.statements() << ", errors: " << load.errors() << '\n';
    for (const QString &message : load.errorMessages())
        QTextStream(stderr) << message << '\n';
    return load.errors() == 0 ? 0 : 1;
}
