#include "passwordstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
const QString service = u"shadowswap"_s;
}

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

bool PasswordStore::keyringLikelyAvailable()
{
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
#endif
    return qEnvironmentVariable("QT_QPA_PLATFORM") != u"offscreen"_s;
}

void PasswordStore::read(const QString &profile,
                         std::function<void(bool, const QString &, const QString &)> done)
{
    if (!keyringLikelyAvailable()) {
        done(false, {}, tr("No keyring is available; type the password each time."));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setKey(profile);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (readJob->error() == QKeychain::NoError)
            done(true, readJob->textData(), {});
        else if (readJob->error() == QKeychain::EntryNotFound)
            done(false, {}, tr("No password stored for this profile."));
        else
            done(false, {}, tr("The keyring could not be read: %1").arg(readJob->errorString()));
    });
    job->start();
}

void PasswordStore::write(const QString &profile, const QString &password,
                          std::function<void(bool, const QString &)> done)
{
    if (!keyringLikelyAvailable()) {
        done(false, tr("No keyring is available; the password was not stored and will be asked each time."));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setKey(profile);
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            done(true, {});
        else
            done(false, tr("The keyring refused the password (%1); it will be asked each time.").arg(j->errorString()));
    });
    job->start();
}

void PasswordStore::remove(const QString &profile)
{
    if (!keyringLikelyAvailable())
        return;
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setKey(profile);
    job->start();
}

} // namespace ui
