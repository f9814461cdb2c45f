#include "meetings/GuestDialog.h"

#include "meetings/AgendaList.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace confer {

GuestDialog::GuestDialog(Attendance& attendance, MeetingId meetingId, const std::vector<Agency>& agencies,
                         const std::vector<AgendaItem>& agenda, QWidget* parent)
    : FormDialog(tr("Invite a guest"), QStringLiteral("guestError"), parent)
    , m_attendance(attendance)
    , m_meetingId(meetingId)
    , m_name(FormFields::lineEdit(QStringLiteral("guestNameEdit"), tr("Name"), 200, this))
    , m_agency(FormFields::comboBox(QStringLiteral("guestAgencyBox"), tr("Agency"), this))
    , m_role(FormFields::lineEdit(QStringLiteral("guestRoleEdit"), tr("Role"), 200, this))
    , m_kind(FormFields::comboBox(QStringLiteral("guestKindBox"), tr("Invited as"), this))
    , m_for(FormFields::comboBox(QStringLiteral("guestForBox"), tr("For"), this))
{
    setObjectName(QStringLiteral("guestDialog"));
    // Typed when the agency is not in the directory.
    m_agency->setEditable(true);
    m_agency->setInsertPolicy(QComboBox::NoInsert);
    for (const Agency& agency : agencies)
        m_agency->addItem(agency.name, idData(agency.id));
    m_agency->setCurrentIndex(-1);
    m_kind->addItem(attendeeKindDisplayName(Attendee::Kind::Guest), int(Attendee::Kind::Guest));
    m_kind->addItem(attendeeKindDisplayName(Attendee::Kind::Observer), int(Attendee::Kind::Observer));
    m_for->addItem(tr("The whole meeting"));
    for (const AgendaItem& item : agenda) {
        if (item.isCase())
            m_for->addItem(tr("Item %1: %2").arg(item.position).arg(AgendaList::subjectOf(item)),
                           idData(item.id));
    }
    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Name:"), m_name);
    FormFields::addRow(form, tr("&Agency:"), m_agency);
    FormFields::addRow(form, tr("&Role:"), m_role);
    FormFields::addRow(form, tr("Invited &as:"), m_kind);
    FormFields::addRow(form, tr("&For:"), m_for);
    setOkText(tr("Invite"), tr("Invite"));
    updateOkButtonOn({m_name});
}

bool GuestDialog::isComplete() const
{
    return !m_name->text().trimmed().isEmpty();
}

Status GuestDialog::submit()
{
    Attendance::Invitee invitee;
    invitee.name = m_name->text().trimmed();
    const int index = m_agency->findText(m_agency->currentText());
    if (index >= 0)
        invitee.agencyId = idFromData<AgencyId>(m_agency->itemData(index));
    else
        invitee.agencyName = m_agency->currentText().trimmed();
    invitee.role = m_role->text().trimmed();
    invitee.kind = Attendee::Kind(m_kind->currentData().toInt());
    invitee.agendaItemId = idFromData<AgendaItemId>(m_for->currentData());
    return m_attendance.invite(m_meetingId, invitee);
}

} // namespace confer
