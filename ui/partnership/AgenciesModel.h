#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"
#include "shell/RowsModel.h"

namespace confer {

class AgencyService;

// The directory of partner organisations: name, kind, who signed the information sharing protocol
// and when, the data protection registration number and the single point of contact.
class AgenciesModel final : public RowsModel<Agency> {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        SignatoryColumn,
        SignedColumn,
        RegistrationColumn,
        ContactColumn,
        ColumnCount
    };
    static constexpr int AgencyIdRole = Qt::UserRole + 1;

    explicit AgenciesModel(AgencyService& agencies, QObject* parent = nullptr);

    Status refresh();
    // Drops every row and forgets the service; called before the session goes.
    void clear();
    const Agency* agencyAt(int row) const { return rowAt(row); }
    int rowOf(AgencyId agencyId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    AgencyService* m_agencies;
};

} // namespace confer
