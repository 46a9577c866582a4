// Shared by the console's GUI tests (tst_console, tst_consolelive): widget lookup, screenshots, message-box
// answers, the event-loop stall meter, and connecting the window to the sandbox.
#pragma once

#include <connectionspage.h>
#include <historypage.h>
#include <mainwindow.h>
#include <monitorcharts.h>
#include <monitorpage.h>
#include <newmigrationpage.h>
#include <preflightmodel.h>
#include <preflightpage.h>
#include <revertwindowpanel.h>
#include <runsummaryview.h>
#include <session.h>
#include <startreviewdialog.h>

#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/sqltext.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>


using namespace Qt::StringLiterals;

namespace consoletest {

using namespace engine::migration;

class StallMeter;
inline StallMeter *activeMeter = nullptr;
inline void pauseMeter(bool paused);

inline void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QDir().mkpath(dir);
    QTest::qWait(400); // let queued replots and layouts settle
    // Grabbing a full window is the test's own stall, not the console's: keep it out of the measurement.
    pauseMeter(true);
    const bool saved = window->grab().save(dir + u'/' + name + u".png"_s);
    pauseMeter(false);
    QVERIFY(saved);
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

// Acts on the next modal message box as soon as it shows (closeEvent's question runs its own event loop).
inline void answerNextMessageBox(std::function<void(QMessageBox *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act = std::move(act)] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        act(box);
    });
    poll->start();
}

inline QAbstractButton *buttonLabelled(QMessageBox *box, const QString &prefix)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text().remove(u'&').startsWith(prefix))
            return b;
    return nullptr;
}

// Nanoseconds the calling thread has spent runnable but waiting for a CPU (Linux schedstat; 0 elsewhere).
inline qint64 runQueueWaitNanos()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

// The largest gap between ticks of a 10 ms timer: how long the GUI event loop was busy elsewhere. Measured
// twice: wall clock, and without the time the GUI thread sat runnable waiting for a CPU (on a shared 2-core
// machine with builds running, the scheduler alone can hold any thread back for 100 ms). The second is the
// console's own stall: its work in the GUI thread, and any wait on a lock or I/O there.
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            const qint64 waited = runQueueWaitNanos();
            const qint64 own = std::max<qint64>(0, gap - (waited - m_waited) / 1000000);
            m_waited = waited;
            if (m_paused)
                return;
            if (gap > m_max) {
                m_max = gap;
                m_worstPhase = m_phase;
            }
            if (own > m_maxOwn) {
                m_maxOwn = own;
                m_worstOwnPhase = m_phase;
            }
            m_gaps.push_back(gap);
            ++m_ticks;
        });
        m_waited = runQueueWaitNanos();
        m_clock.start();
        m_timer.start();
        activeMeter = this;
    }
    ~StallMeter() override { activeMeter = nullptr; }
    void setPaused(bool paused)
    {
        if (!paused)
            m_clock.restart();
        m_waited = runQueueWaitNanos();
        m_paused = paused;
    }
    qint64 maxGapMillis() const { return m_max; }
    // The largest gap less the time the GUI thread waited for a CPU in it.
    qint64 maxOwnStallMillis() const { return m_maxOwn; }
    void setPhase(const char *phase) { m_phase = phase; }
    const char *worstPhase() const { return m_worstPhase; }
    const char *worstOwnPhase() const { return m_worstOwnPhase; }
    qint64 ticks() const { return m_ticks; }
    // The gap that `fraction` of all ticks stayed within (0.99: the 99th percentile).
    qint64 percentile(double fraction) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(double(sorted.size()) * fraction))];
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
    qint64 m_maxOwn = 0;
    qint64 m_waited = 0;
    qint64 m_ticks = 0;
    std::vector<qint64> m_gaps;
    bool m_paused = false;
    const char *m_phase = "start";
    const char *m_worstPhase = "";
    const char *m_worstOwnPhase = "";
};

inline void pauseMeter(bool paused)
{
    if (activeMeter)
        activeMeter->setPaused(paused);
}

// Connects the window to the sandbox replica (gh-ost's default topology).
inline void connectToReplica(ui::MainWindow &window, const testsupport::Sandbox &sandbox)
{
    ui::ConnectionProfile profile;
    profile.name = u"sandbox replica"_s;
    profile.host = sandbox.replica.host;
    profile.port = sandbox.replica.port;
    profile.user = sandbox.replica.user;
    window.connectionsPage()->prefill(profile, sandbox.replica.password);
    child<QPushButton>(&window, u"testConnectionButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->isConnected(), 30000);
}

// Connects as connectToReplica() and picks `table` with `alter`.
inline void connectAndPick(ui::MainWindow &window, const testsupport::Sandbox &sandbox, const QString &database,
                           const QString &table, const QString &alter)
{
    connectToReplica(window, sandbox);
    window.showPage(ui::MainWindow::Page::NewMigration);
    window.newMigrationPage()->preselect(database, table, alter);
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->table(), table, 30000);
    QCOMPARE(window.session()->database(), database);
    child<QSpinBox>(&window, u"serverIdSpin"_s)
        ->setValue(60000 + int(QCoreApplication::applicationPid() % 10000));
}

// Acts on the start review once it shows, modal, as for the DBA (MainWindow's default review handler).
inline void answerNextReview(std::function<void(ui::StartReviewDialog *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act = std::move(act)] {
        auto *review = qobject_cast<ui::StartReviewDialog *>(QApplication::activeModalWidget());
        if (!review || !review->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        act(review);
    });
    poll->start();
}

// Confirms the review before each start, as the DBA would after reading it (the dialog is built as for the DBA,
// only not shown). Returns what each review showed, for the test to check.
inline std::shared_ptr<QStringList> confirmReviews(ui::MainWindow &window)
{
    auto shown = std::make_shared<QStringList>();
    window.setReviewHandler([shown](ui::StartReviewDialog &review) {
        shown->append(review.summaryView()->plainText());
        return true;
    });
    return shown;
}

inline QString failureText(const QSignalSpy &failed)
{
    return failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message;
}

} // namespace consoletest
