#pragma once

#include "migrationfeed.h"

#include <functional>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class MonitorCharts;

// The Monitor for a migration the console watches but does not run (gh-ost or shadowswap-cli, attached by its
// socket, or read from its helper tables): the same charts and figures, the header facts, and the socket's
// commands (throttle, allow cut-over, panic, live settings) with each reply shown. Without a socket the
// buttons are off. A lost link is shown; the charts keep what they had.
class WatchMonitor : public QWidget {
    Q_OBJECT
public:
    explicit WatchMonitor(MigrationFeed *feed, QWidget *parent = nullptr);

    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    [[nodiscard]] MigrationFeed *feed() const { return m_feed; }
    [[nodiscard]] MonitorCharts *charts() const { return m_charts; }
    [[nodiscard]] QString linkText() const;
    [[nodiscard]] QString lastReply() const;

    void confirmPanic();

Q_SIGNALS:
    // "Cut-over window…": the lock picture of the watched table, read through the console's own connection.
    void cutOverWindowRequested(const QString &database, const QString &table);

private:
    void onSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    void onLink();
    void onAnswer(const QString &command, const QString &reply, bool refused);
    void takeLiveSettings(const QStringList &header);
    void sendSetting(const QString &name, const QString &value);
    QString named(const QString &command) const;

    MigrationFeed *m_feed;
    QLabel *m_title;
    QLabel *m_link;
    QLabel *m_figures;
    QLabel *m_reply;
    QPlainTextEdit *m_header;
    MonitorCharts *m_charts;
    QPushButton *m_throttle;
    QPushButton *m_noThrottle;
    QPushButton *m_unpostpone;
    QPushButton *m_panic;
    QPushButton *m_cutOverWindow;
    QSpinBox *m_chunkSize;
    QSpinBox *m_maxLag;
    QDoubleSpinBox *m_nice;
    QSpinBox *m_dmlBatch;
    Confirm m_confirm;
};

} // namespace ui
