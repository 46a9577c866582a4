#include "htmldocument.h"

using namespace Qt::StringLiterals;

namespace engine::report {

namespace {
// QTextDocument understands these properties; browsers render them the same way.
const QString styleSheet = uR"(body { font-family: sans-serif; font-size: 10pt; color: #202124; }
h1 { font-size: 16pt; margin-bottom: 4px; }
h2 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 4px; border-bottom: 1px solid #c0c4c8; }
h3 { font-size: 11pt; margin-top: 10px; margin-bottom: 2px; }
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 4px; }
th { background-color: #eef1f4; text-align: left; }
th, td { border: 1px solid #c0c4c8; padding: 3px 6px; vertical-align: top; }
td.label { background-color: #f6f7f8; font-weight: bold; }
pre { font-family: monospace; font-size: 9pt; background-color: #f6f7f8; padding: 6px; white-space: pre-wrap; }
p.note { color: #5f6368; font-size: 9pt; }
p.good { color: #137333; font-weight: bold; }
p.bad { color: #b3261e; font-weight: bold; }
)"_s;
} // namespace

HtmlDocument::HtmlDocument(const QString &title)
    : m_title(title) {}

QString HtmlDocument::escape(const QString &text) {
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            out += u"&quot;"_s;
            break;
        case u'\n':
        case u'\t':
            out += c;
            break;
        default:
            if (c.unicode() >= 0x20 && c.unicode() != 0xfffe && c.unicode() != 0xffff)
                out += c;
        }
    }
    return out;
}

QString HtmlDocument::idAttribute(const QString &id) {
    return id.isEmpty() ? QString() : u" id=\""_s + escape(id) + u'"';
}

void HtmlDocument::heading(int level, const QString &text, const QString &id) {
    const QString tag = u"h"_s + QString::number(qBound(1, level, 4));
    m_body += u"<%1%2>%3</%1>\n"_s.arg(tag, idAttribute(id), escape(text));
}

void HtmlDocument::paragraph(const QString &text, const QString &cssClass) {
    const QString cls = cssClass.isEmpty() ? QString() : u" class=\""_s + escape(cssClass) + u'"';
    m_body += u"<p%1>%2</p>\n"_s.arg(cls, escape(text));
}

void HtmlDocument::preformatted(const QString &text, const QString &id) {
    m_body += u"<pre%1>%2</pre>\n"_s.arg(idAttribute(id), escape(text));
}

void HtmlDocument::fields(const QList<Field> &fields, const QString &id) {
    // The attributes repeat the CSS for QTextDocument, which ignores border-collapse on some versions.
    m_body += u"<table%1 border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n"_s.arg(idAttribute(id));
    for (const Field &field : fields)
        m_body += u"<tr><td class=\"label\">%1</td><td%2>%3</td></tr>\n"_s.arg(
            escape(field.label), idAttribute(field.id), escape(field.value));
    m_body += u"</table>\n"_s;
}

void HtmlDocument::table(const QStringList &headers, const QList<QStringList> &rows, const QString &id) {
    m_body += u"<table%1 border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>"_s.arg(idAttribute(id));
    for (const QString &header : headers)
        m_body += u"<th>"_s + escape(header) + u"</th>"_s;
    m_body += u"</tr>\n"_s;
    for (const QStringList &row : rows) {
        m_body += u"<tr>"_s;
        for (const QString &cell : row)
            m_body += u"<td>"_s + escape(cell) + u"</td>"_s;
        m_body += u"</tr>\n"_s;
    }
    m_body += u"</table>\n"_s;
}

void HtmlDocument::list(const QStringList &items, const QString &id) {
    m_body += u"<ul%1>\n"_s.arg(idAttribute(id));
    for (const QString &item : items)
        m_body += u"<li>"_s + escape(item) + u"</li>\n"_s;
    m_body += u"</ul>\n"_s;
}

void HtmlDocument::image(const QString &source, const QString &alt, int width, int height,
                         const QString &id) {
    m_body += u"<p><img%1 src=\"%2\" alt=\"%3\" width=\"%4\" height=\"%5\" /></p>\n"_s.arg(
        idAttribute(id), escape(source), escape(alt), QString::number(width), QString::number(height));
}

QString HtmlDocument::toString() const {
    return u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\" "
           u"/>\n"
           "<title>%1</title>\n<style type=\"text/css\">\n%2</style>\n</head>\n<body>\n<h1>%1</h1>\n%3</body>\n</html>\n"_s
               .arg(escape(m_title), styleSheet, m_body);
}

} // namespace engine::report
