#include "reportoutput.h"

#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace cli {

bool writeReportOutput(const FlagParser &flags, const QString &text) {
    const QString path = flags.stringValue(u"report-file"_s);
    if (path.isEmpty()) {
        QTextStream(stdout) << text << Qt::flush;
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        QTextStream(stderr) << "shadowswap-cli: --report-file " << path << ": " << file.errorString() << '\n';
        return false;
    }
    return true;
}

} // namespace cli
