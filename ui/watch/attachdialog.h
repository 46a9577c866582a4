#pragma once

#include <control/controlclient.h>
#include <optional>
#include <QDialog>

class QLabel;
class QLineEdit;

namespace ui {

// Asks where a running migration's control socket is: a unix socket path (gh-ost's --serve-socket-file) or
// host:port (--serve-tcp-port), plus the port's token when it needs one (typed, or read from a file).
class AttachDialog : public QDialog {
    Q_OBJECT
public:
    explicit AttachDialog(QWidget *parent = nullptr);

    [[nodiscard]] std::optional<engine::control::ControlEndpoint> endpoint() const;
    [[nodiscard]] QByteArray token() const;

private:
    void validate();
    void readTokenFile();

    QLineEdit *m_endpoint;
    QLineEdit *m_token;
    QLabel *m_problem;
};

} // namespace ui
