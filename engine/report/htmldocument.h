#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace engine::report {

// Builds one self-contained report page: XHTML (well-formed, so scripts and tests can parse it as XML) with
// inline CSS from the subset QTextDocument renders too, so that the same text becomes the HTML file and the
// PDF. No scripts, no external resources: images come as data: URLs or as names the caller resolves (the
// PDF).
class HtmlDocument {
public:
    // A label and its value; `id` (optional) names the value's cell so that scripts can find it.
    struct Field {
        QString label;
        QString value;
        QString id;
    };

    explicit HtmlDocument(const QString &title);

    void heading(int level, const QString &text, const QString &id = {});
    void paragraph(const QString &text, const QString &cssClass = {});
    void preformatted(const QString &text, const QString &id = {});
    void fields(const QList<Field> &fields, const QString &id = {});
    void table(const QStringList &headers, const QList<QStringList> &rows, const QString &id = {});
    void list(const QStringList &items, const QString &id = {});
    // Width and height in CSS pixels; the image keeps its aspect ratio in both renderers.
    void image(const QString &source, const QString &alt, int width, int height, const QString &id = {});

    [[nodiscard]] QString toString() const;

    // Text as element content or attribute value (&, <, >, " escaped; control characters dropped: XML has
    // none).
    static QString escape(const QString &text);

private:
    static QString idAttribute(const QString &id);

    QString m_title;
    QString m_body;
};

} // namespace engine::report
