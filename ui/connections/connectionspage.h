#pragma once

#include "connectionprofile.h"

#include <mysql/serverfacts.h>

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTextBrowser;

namespace ui {

class PasswordStore;

// Saved server profiles, the password (keyring or typed), and "Test connection", which makes a profile the
// console's active connection once the server answered.
class ConnectionsPage : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionsPage(QWidget *parent = nullptr);

    // Fills the form with `profile` (not saved) and `password` (kept in memory only), e.g. for --demo.
    void prefill(const ConnectionProfile &profile, const QString &password);
    [[nodiscard]] ConnectionProfile profile() const;
    [[nodiscard]] QString password() const;
    void testConnection();

Q_SIGNALS:
    // The server answered: the rest of the console works against it from now on.
    void connected(const ui::ConnectionProfile &profile, const QString &password,
                   const engine::mysql::ServerFacts &facts);
    void connectionFailed(const QString &error);

private:
    void reloadList(const QString &select);
    void showProfile(const QString &name);
    void saveProfile();
    void deleteProfile();
    void newProfile();
    void showFacts(const engine::mysql::ServerFacts &facts);

    PasswordStore *m_passwords;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_rememberPassword;
    QLabel *m_passwordNote;
    QRadioButton *m_readReplica;
    QRadioButton *m_readPrimary;
    QGroupBox *m_tls;
    QLineEdit *m_tlsCa, *m_tlsCert, *m_tlsKey;
    QCheckBox *m_tlsVerify;
    QPushButton *m_test;
    QTextBrowser *m_result;
    int m_testGeneration = 0;
};

} // namespace ui
