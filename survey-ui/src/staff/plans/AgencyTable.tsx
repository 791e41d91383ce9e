import { useState } from 'preact/hooks';
import type { AgencyBody, AgencyTableView } from '../../../../contract/plans.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** A province's lead agency and partners per index; managers edit a row in place. */
export function AgencyTable({ province, labels, canEdit }: { province: string; labels: Record<string, string>; canEdit: boolean }) {
  const t = useMessages();
  const { api } = useStaff();
  const table = useLoad(() => api.get<AgencyTableView>(`/provinces/${encodeURIComponent(province)}/lead-agencies`), [province]);
  const action = useAction();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const save = (index: string) => (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: AgencyBody = { lead: String(form.get('lead') ?? ''), partners: String(form.get('partners') ?? '') };
    void action.run(async () => {
      await api.send('PUT', `/provinces/${encodeURIComponent(province)}/lead-agencies/${encodeURIComponent(index)}`, body);
      setEditing(undefined);
      table.reload();
      return t.agenciesSaved(index);
    });
  };
  return (
    <section class="stack" aria-labelledby="agencies-title">
      <h2 id="agencies-title">{t.agenciesTitle}</h2>
      {table.data && <p>{t.agenciesSource[table.data.source]}</p>}
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {!table.data ? (
        <Loading error={table.error} />
      ) : (
        <table class="agencies">
          <thead>
            <tr>
              <th scope="col">{t.plansIndex}</th>
              <th scope="col">{t.plansAgency}</th>
              <th scope="col">{t.agenciesPartners}</th>
              {canEdit && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {table.data.rows.map((row) => (
              <tr key={row.index} data-index={row.index}>
                <th scope="row">
                  <strong>{row.index}</strong> <span class="muted">{labels[row.index]}</span>
                  {row.edited && <span class="muted"> ({t.agenciesEdited})</span>}
                </th>
                {editing === row.index ? (
                  <td colSpan={canEdit ? 3 : 2}>
                    <form class="stack" onSubmit={save(row.index)}>
                      <label for={`lead-${row.index}`}>{t.plansAgency}</label>
                      <textarea id={`lead-${row.index}`} name="lead" rows={2} defaultValue={row.lead} ref={(el) => el?.focus()} />
                      <label for={`partners-${row.index}`}>{t.agenciesPartners}</label>
                      <textarea id={`partners-${row.index}`} name="partners" rows={2} defaultValue={row.partners} />
                      <div class="row">
                        <button type="submit" class="button primary" disabled={action.busy}>
                          {t.plansSave}
                        </button>
                        <button type="button" class="button" onClick={() => setEditing(undefined)}>
                          {t.cancel}
                        </button>
                      </div>
                    </form>
                  </td>
                ) : (
                  <>
                    <td>{row.lead}</td>
                    <td>{row.partners}</td>
                    {canEdit && (
                      <td>
                        <button type="button" class="button small" onClick={() => setEditing(row.index)} aria-label={`${t.plansEdit} ${row.index}`}>
                          {t.plansEdit}
                        </button>
                      </td>
                    )}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
