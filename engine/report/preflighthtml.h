#pragma once

#include <preflight/preflightreport.h>
#include <QString>
#include <QStringList>

namespace engine::report {

// The preflight report as one self-contained page (English), for a change request: the target, the servers,
// the verdict, then every finding with its evidence and fix, blockers first. `forcedIds` are shown as
// overridden.
QString preflightReportHtml(const preflight::PreflightReport &report, const QStringList &forcedIds = {},
                            const QString &generatedNote = {});

} // namespace engine::report
