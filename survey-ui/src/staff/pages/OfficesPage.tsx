import { useState } from 'preact/hooks';
import type { Office } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { OfficeForm } from '../components/OfficeForm.tsx';
import { OfficeImportForm } from '../components/OfficeImportForm.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** The province's offices: import a list, add one, edit or deactivate each (every change audited). */
export function OfficesPage() {
  const t = useMessages();
  const { api } = useStaff();
  const offices = useLoad(() => api.get<Office[]>('/offices'), []);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const setActive = (office: Office, active: boolean) =>
    action.run(async () => {
      await api.send<Office>('PATCH', `/offices/${encodeURIComponent(office.code)}`, { active });
      offices.reload();
      return `${office.name}: ${active ? t.officeActive : t.officeInactive}`;
    });
  const editingOffice = offices.data?.find((o) => o.code === editing);
  return (
    <section>
      <h1 tabIndex={-1}>{t.officesTitle}</h1>
      <p>{t.officesIntro}</p>
      <OfficeImportForm onImported={() => offices.reload()} />
      {editingOffice ? (
        <OfficeForm
          key={editingOffice.code}
          office={editingOffice}
          onSaved={() => {
            setEditing(null);
            offices.reload();
          }}
        />
      ) : (
        <OfficeForm onSaved={() => offices.reload()} />
      )}
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {!offices.data ? (
        <Loading error={offices.error} />
      ) : offices.data.length === 0 ? (
        <p>{t.noOfficesYet}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.officeCode}</th>
              <th scope="col">{t.officeName}</th>
              <th scope="col">{t.officeLevel}</th>
              <th scope="col">{t.officeLocality}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {offices.data.map((office) => (
              <tr key={office.code} data-office={office.code}>
                <td>{office.code}</td>
                <th scope="row">{office.name}</th>
                <td>{t.officeLevels[office.level]}</td>
                <td>
                  {office.localityName ?? ''} <span class="muted">({office.localityCode})</span>
                </td>
                <td class={office.active ? 'state-ok' : 'state-off'}>{office.active ? t.officeActive : t.officeInactive}</td>
                <td class="actions">
                  <button type="button" class="button small" onClick={() => setEditing(office.code)}>
                    {t.editOffice}
                  </button>
                  <button type="button" class="button small" disabled={action.busy} onClick={() => void setActive(office, !office.active)}>
                    {office.active ? t.deactivateOffice : t.activateOffice}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
