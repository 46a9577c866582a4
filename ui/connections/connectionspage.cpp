#include "connectionspage.h"

#include "backgroundtask.h"
#include "passwordstore.h"

#include <mysql/connection.h>
#include <mysql/dberror.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
struct TestResult {
    bool ok = false;
    engine::mysql::ServerFacts facts;
    QString error;
};
} // namespace

ConnectionsPage::ConnectionsPage(QWidget *parent)
    : QWidget(parent)
    , m_passwords(new PasswordStore(this))
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_rememberPassword(new QCheckBox(tr("Remember in the system keyring"), this))
    , m_passwordNote(new QLabel(this))
    , m_readReplica(new QRadioButton(tr("This server is a replica: read its binlog (recommended)"), this))
    , m_readPrimary(new QRadioButton(tr("This server is the primary: read its own binlog (--allow-on-master)"), this))
    , m_tls(new QGroupBox(tr("Use TLS"), this))
    , m_tlsCa(new QLineEdit(this))
    , m_tlsCert(new QLineEdit(this))
    , m_tlsKey(new QLineEdit(this))
    , m_tlsVerify(new QCheckBox(tr("Verify the server certificate"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_result(new QTextBrowser(this))
{
    setObjectName(u"connectionsPage"_s);
    m_list->setObjectName(u"profileList"_s);
    m_host->setObjectName(u"hostEdit"_s);
    m_port->setObjectName(u"portSpin"_s);
    m_user->setObjectName(u"userEdit"_s);
    m_password->setObjectName(u"passwordEdit"_s);
    m_test->setObjectName(u"testConnectionButton"_s);
    m_result->setObjectName(u"connectionResult"_s);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Saved profiles"), left));
    leftLayout->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&New"), left);
    auto *remove = new QPushButton(tr("&Delete"), left);
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    leftLayout->addLayout(listButtons);

    auto *right = new QWidget(this);
    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("e.g. shop replica"));
    m_host->setPlaceholderText(tr("host name or IP address"));
    m_port->setRange(1, 65535);
    m_port->setValue(3306);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("asked each time unless remembered"));
    m_rememberPassword->setToolTip(tr("Store the password in the operating system's keyring. It is never written to "
                                      "the settings file or to logs."));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setEnabled(false);
    m_readReplica->setToolTip(tr("Shadowswap reads the binlog from this replica and writes the new table on its "
                                 "primary, which it finds through the replica's replication settings."));
    m_readPrimary->setToolTip(tr("No replica: the primary's own binlog is read. Adds a little load to the primary."));
    m_readReplica->setChecked(true);
    form->addRow(tr("Profile &name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_rememberPassword);
    form->addRow(QString(), m_passwordNote);
    auto *binlog = new QGroupBox(tr("Binlog source"), right);
    auto *binlogLayout = new QVBoxLayout(binlog);
    binlogLayout->addWidget(m_readReplica);
    binlogLayout->addWidget(m_readPrimary);

    m_tls->setCheckable(true);
    m_tls->setChecked(false);
    auto *tlsForm = new QFormLayout(m_tls);
    m_tlsCa->setPlaceholderText(tr("CA certificate file (PEM)"));
    m_tlsCert->setPlaceholderText(tr("client certificate file (optional)"));
    m_tlsKey->setPlaceholderText(tr("client key file (optional)"));
    tlsForm->addRow(tr("CA:"), m_tlsCa);
    tlsForm->addRow(tr("Certificate:"), m_tlsCert);
    tlsForm->addRow(tr("Key:"), m_tlsKey);
    tlsForm->addRow(QString(), m_tlsVerify);

    auto *buttons = new QHBoxLayout;
    auto *save = new QPushButton(tr("&Save profile"), right);
    save->setObjectName(u"saveProfileButton"_s);
    m_test->setDefault(true);
    buttons->addWidget(save);
    buttons->addStretch(1);
    buttons->addWidget(m_test);

    m_result->setPlaceholderText(tr("Test the connection to see the server's version, role and binlog settings."));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(binlog);
    rightLayout->addWidget(m_tls);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_result, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(add, &QPushButton::clicked, this, &ConnectionsPage::newProfile);
    connect(remove, &QPushButton::clicked, this, &ConnectionsPage::deleteProfile);
    connect(save, &QPushButton::clicked, this, &ConnectionsPage::saveProfile);
    connect(m_test, &QPushButton::clicked, this, &ConnectionsPage::testConnection);
    connect(m_list, &QListWidget::currentTextChanged, this, &ConnectionsPage::showProfile);

    reloadList(ProfileStore::lastUsed());
    if (!PasswordStore::keyringLikelyAvailable()) {
        m_rememberPassword->setEnabled(false);
        m_passwordNote->setText(tr("No system keyring found: the password is asked each time and kept in memory only."));
    }
}

void ConnectionsPage::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_list->addItems(ProfileStore::names());
    const auto matches = m_list->findItems(select, Qt::MatchExactly);
    if (!matches.isEmpty()) {
        m_list->setCurrentItem(matches.first());
        showProfile(select);
    }
}

void ConnectionsPage::showProfile(const QString &name)
{
    const auto p = ProfileStore::load(name);
    if (!p)
        return;
    prefill(*p, {});
    m_rememberPassword->setChecked(false);
    m_passwords->read(name, [this, name](bool ok, const QString &password, const QString &error) {
        if (m_name->text() != name)
            return; // another profile was picked meanwhile
        if (ok) {
            m_password->setText(password);
            m_rememberPassword->setChecked(true);
            m_passwordNote->setText(tr("Password read from the system keyring."));
        } else {
            m_passwordNote->setText(error);
        }
    });
}

void ConnectionsPage::prefill(const ConnectionProfile &p, const QString &password)
{
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(int(p.port));
    m_user->setText(p.user);
    m_password->setText(password);
    m_readPrimary->setChecked(p.readPrimaryBinlog);
    m_readReplica->setChecked(!p.readPrimaryBinlog);
    m_tls->setChecked(p.useTls);
    m_tlsCa->setText(p.tlsCa);
    m_tlsCert->setText(p.tlsCert);
    m_tlsKey->setText(p.tlsKey);
    m_tlsVerify->setChecked(p.tlsVerifyServer);
}

ConnectionProfile ConnectionsPage::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = unsigned(m_port->value());
    p.user = m_user->text().trimmed();
    p.useTls = m_tls->isChecked();
    p.tlsCa = m_tlsCa->text().trimmed();
    p.tlsCert = m_tlsCert->text().trimmed();
    p.tlsKey = m_tlsKey->text().trimmed();
    p.tlsVerifyServer = m_tlsVerify->isChecked();
    p.readPrimaryBinlog = m_readPrimary->isChecked();
    return p;
}

QString ConnectionsPage::password() const
{
    return m_password->text();
}

void ConnectionsPage::newProfile()
{
    m_list->clearSelection();
    prefill(ConnectionProfile{}, {});
    m_name->setFocus();
}

void ConnectionsPage::saveProfile()
{
    const ConnectionProfile p = profile();
    if (p.name.isEmpty() || p.host.isEmpty()) {
        QMessageBox::information(this, tr("Save profile"), tr("A profile needs a name and a host."));
        return;
    }
    ProfileStore::save(p);
    ProfileStore::setLastUsed(p.name);
    if (m_rememberPassword->isChecked() && !password().isEmpty()) {
        m_passwords->write(p.name, password(), [this](bool ok, const QString &error) {
            m_passwordNote->setText(ok ? tr("Password stored in the system keyring.") : error);
        });
    } else {
        m_passwords->remove(p.name);
    }
    reloadList(p.name);
}

void ConnectionsPage::deleteProfile()
{
    const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete profile"), tr("Delete the profile \"%1\"?").arg(name))
        != QMessageBox::Yes)
        return;
    ProfileStore::remove(name);
    m_passwords->remove(name);
    reloadList({});
}

void ConnectionsPage::testConnection()
{
    const ConnectionProfile p = profile();
    const engine::mysql::ConnectionSettings settings = p.settings(password());
    const QString pass = password();
    const int generation = ++m_testGeneration;
    m_test->setEnabled(false);
    m_result->setHtml(tr("<p>Connecting to %1…</p>").arg(settings.describe().toHtmlEscaped()));
    runInBackground<TestResult>(
        this,
        [settings] {
            TestResult r;
            try {
                auto connection = engine::mysql::Connection::open(settings, u"gui-test"_s);
                r.facts = engine::mysql::ServerFacts::read(connection);
                r.ok = true;
            } catch (const engine::mysql::DbException &e) {
                r.error = e.error().toString();
            } catch (const std::exception &e) {
                r.error = QString::fromUtf8(e.what());
            }
            return r;
        },
        [this, generation, p, pass](const TestResult &r) {
            if (generation != m_testGeneration)
                return;
            m_test->setEnabled(true);
            if (!r.ok) {
                m_result->setHtml(tr("<p><b>Could not connect.</b></p><p>%1</p>").arg(r.error.toHtmlEscaped()));
                Q_EMIT connectionFailed(r.error);
                return;
            }
            showFacts(r.facts);
            if (!p.name.isEmpty())
                ProfileStore::setLastUsed(p.name);
            Q_EMIT connected(p, pass, r.facts);
        });
}

void ConnectionsPage::showFacts(const engine::mysql::ServerFacts &f)
{
    const auto row = [](const QString &key, const QString &value) {
        return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString on = tr("ON"), off = tr("OFF");
    QString html = u"<p><b>"_s + tr("Connected.") + u"</b></p><table cellspacing=\"4\">"_s;
    html += row(tr("Server"), f.endpoint);
    html += row(tr("Version"), u"%1 (%2)"_s.arg(f.versionString, f.version.flavourName()));
    html += row(tr("Server id"), QString::number(f.serverId) + (f.readOnly ? tr(" (read only)") : QString()));
    html += row(tr("Role"), f.isReplica ? tr("replica of %1:%2").arg(f.sourceHost).arg(f.sourcePort)
                                        : tr("primary (no replication source)"));
    html += row(tr("Binary log"), f.logBin ? on : off);
    html += row(tr("Binlog format"), f.binlogFormat);
    html += row(tr("Binlog row image"), f.binlogRowImage);
    html += row(tr("log_slave_updates"), f.logSlaveUpdates ? on : off);
    html += row(tr("GTID"), f.gtidMode + u", "_s + f.gtidBinlogPos);
    html += u"</table>"_s;
    const bool wantsReplica = m_readReplica->isChecked();
    if (wantsReplica && !f.isReplica)
        html += tr("<p><b>Note:</b> this server is no replica. Choose \"read its own binlog\" to migrate on it "
                   "directly.</p>");
    else if (!wantsReplica && f.isReplica)
        html += tr("<p><b>Note:</b> this server is a replica; reading its binlog is the safer choice.</p>");
    if (!f.logBin || f.binlogFormat.compare(u"ROW"_s, Qt::CaseInsensitive) != 0)
        html += tr("<p><b>Warning:</b> a migration needs log_bin=ON and binlog_format=ROW here.</p>");
    m_result->setHtml(html);
}

} // namespace ui
