#include "throttlesettings.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace engine::throttle {

std::optional<std::vector<LoadLimit>> parseLoadLimits(const QString &text, QString *error)
{
    std::vector<LoadLimit> limits;
    for (const QString &rawTerm : text.split(u',', Qt::SkipEmptyParts)) {
        const QString term = rawTerm.trimmed();
        const qsizetype equals = term.indexOf(u'=');
        bool ok = false;
        const QString variable = term.left(equals).trimmed();
        const qint64 threshold = equals > 0 ? term.mid(equals + 1).trimmed().toLongLong(&ok) : 0;
        static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        if (equals <= 0 || !ok || threshold < 0 || !name.match(variable).hasMatch()) {
            if (error)
                *error = u"\"%1\" is not a load limit: write Status_variable=number, e.g. Threads_running=25"_s.arg(term);
            return std::nullopt;
        }
        limits.push_back({variable, threshold});
    }
    return limits;
}

QString formatLoadLimits(const std::vector<LoadLimit> &limits)
{
    QStringList terms;
    for (const LoadLimit &limit : limits)
        terms << u"%1=%2"_s.arg(limit.variable).arg(limit.threshold);
    return terms.join(u',');
}

} // namespace engine::throttle
