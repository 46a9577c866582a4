#include "attachdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent)
    , m_endpoint(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_problem(new QLabel(this)) {
    setObjectName(u"attachDialog"_s);
    setWindowTitle(tr("Attach to a running migration"));
    m_endpoint->setObjectName(u"attachEndpointEdit"_s);
    m_token->setObjectName(u"attachTokenEdit"_s);
    m_endpoint->setPlaceholderText(tr("/tmp/gh-ost.shop.orders.sock  or  jumphost:9001"));
    m_endpoint->setMinimumWidth(380);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("only for a TCP port that requires one"));
    m_problem->setWordWrap(true);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    auto *fromFile = new QPushButton(tr("From file…"), this);
    tokenRow->addWidget(fromFile);
    connect(fromFile, &QPushButton::clicked, this, &AttachDialog::readTokenFile);

    auto *form = new QFormLayout;
    form->addRow(tr("Control socket:"), m_endpoint);
    form->addRow(tr("Token:"), tokenRow);
    auto *hint =
        new QLabel(tr("Works with shadowswap-cli and gh-ost 1.1.x (--serve-socket-file, --serve-tcp-port). "
                      "The console asks for \"status\" every second and sends the commands you choose."),
                   this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AttachDialog::validate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

std::optional<engine::control::ControlEndpoint> AttachDialog::endpoint() const {
    QString error;
    return engine::control::ControlEndpoint::parse(m_endpoint->text(), &error);
}

QByteArray AttachDialog::token() const {
    return m_token->text().trimmed().toUtf8();
}

void AttachDialog::validate() {
    QString error;
    if (!engine::control::ControlEndpoint::parse(m_endpoint->text(), &error)) {
        m_problem->setText(error);
        return;
    }
    accept();
}

void AttachDialog::readTokenFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Token file (--serve-tcp-token-file)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem->setText(tr("%1 can't be read: %2").arg(path, file.errorString()));
        return;
    }
    m_token->setText(QString::fromUtf8(file.readLine().trimmed()));
}

} // namespace ui
