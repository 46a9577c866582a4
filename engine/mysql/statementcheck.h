#pragma once

#include <QString>

namespace engine::mysql {

// Text the DBA gives (--alter, --throttle-query) is run as part of one statement of ours. A second statement
// pasted in ("ADD COLUMN x INT; DROP TABLE t") must never run: the engine's sessions allow several statements
// per round trip. Returns an explanation when `sql` holds a ';' outside string literals, quoted identifiers and
// comments (executable comments /*! ... */ count as code, since the server runs them), or empty when it is one
// statement. A single trailing ';' is allowed (and should be stripped with withoutTrailingSemicolon()).
QString multipleStatementsProblem(const QString &sql);
QString withoutTrailingSemicolon(const QString &sql);

} // namespace engine::mysql
