#include "rowmix.h"

using namespace Qt::StringLiterals;

namespace testsupport {

RowMix::RowMix(Shape shape, qint64 existingRows)
    : m_shape(std::move(shape))
    , m_nextId(10'000'000)
{
    for (qint64 id = 1; id <= existingRows; ++id)
        m_present.push_back(id);
}

QString RowMix::insert(qint64 id, QRandomGenerator &random) const
{
    const QStringList key = m_shape.keyColumnsAndValues(id).split(u'|');
    return u"INSERT INTO {T} (%1, %2) VALUES (%3, %4)"_s.arg(key.value(0), m_shape.otherColumns, key.value(1),
                                                             m_shape.otherValues(random));
}

qint64 RowMix::takePresent(QRandomGenerator &random)
{
    const size_t index = random.bounded(static_cast<quint32>(m_present.size()));
    const qint64 id = m_present[index];
    m_present[index] = m_present.back();
    m_present.pop_back();
    return id;
}

QString RowMix::next(quint64 sequence, QRandomGenerator &random)
{
    const int dice = static_cast<int>(sequence % 20);
    if (m_present.empty() || dice < 5) { // 25 %: a new row, above everything copied
        const qint64 id = m_nextId++;
        m_present.push_back(id);
        return insert(id, random);
    }
    if (dice < 12) { // 35 %: update other columns
        const qint64 id = m_present[random.bounded(static_cast<quint32>(m_present.size()))];
        return u"UPDATE {T} SET %1 WHERE %2"_s.arg(m_shape.otherAssignments(random), m_shape.keyPredicate(id));
    }
    if (dice < 14 && m_shape.changeKeys) { // 10 %: move a row to a new key
        const qint64 from = takePresent(random);
        const qint64 to = m_nextId++;
        m_present.push_back(to);
        return u"UPDATE {T} SET %1 WHERE %2"_s.arg(m_shape.keyAssignment(to), m_shape.keyPredicate(from));
    }
    if (dice < 17) { // 15 %: delete
        const qint64 id = takePresent(random);
        m_deleted.push_back(id);
        return u"DELETE FROM {T} WHERE %1"_s.arg(m_shape.keyPredicate(id));
    }
    if (!m_deleted.empty()) { // 15 %: re-insert a deleted key
        const qint64 id = m_deleted.back();
        m_deleted.pop_back();
        m_present.push_back(id);
        return insert(id, random);
    }
    const qint64 id = m_nextId++;
    m_present.push_back(id);
    return insert(id, random);
}

} // namespace testsupport
