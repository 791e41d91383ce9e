import { useState } from 'preact/hooks';
import type { PlanEntryBody, PlanEntryView } from '../../../../contract/plans.ts';
import type { Action } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { changeWords } from './change-words.ts';

const statuses = ['planned', 'in_progress', 'done', 'dropped'] as const;

/** One entry of the plan: what put the index there, who leads, what is done, and the next round's change; managers edit it in place. */
export function PlanEntryRow({
  entry,
  label,
  canEdit,
  action,
  number,
  onSaved,
}: {
  entry: PlanEntryView;
  label: string | undefined;
  canEdit: boolean;
  action: Action;
  number: (x: number) => string;
  onSaved: () => void;
}) {
  const t = useMessages();
  const { api } = useStaff();
  const [editing, setEditing] = useState(false);
  const save = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const body: PlanEntryBody = {
      agency: text('agency'),
      actions: text('actions'),
      owner: text('owner'),
      deadline: text('deadline') === '' ? null : text('deadline'),
      status: text('status') as PlanEntryBody['status'],
    };
    void action.run(async () => {
      await api.send('PATCH', `/plan-entries/${entry.id}`, body);
      setEditing(false);
      onSaved();
      return t.plansSaved(entry.index);
    });
  };
  const id = (field: string) => `entry-${entry.id}-${field}`;
  return (
    <tr data-entry={entry.index} data-status={entry.status}>
      <th scope="row">
        <strong>{entry.index}</strong> <span class="muted">{label}</span>
      </th>
      <td>{entry.reasons.map((r) => t.plansReasons[r]).join('; ')}</td>
      <td class="num">{entry.estimate === null ? '—' : `${number(entry.estimate)} %`}</td>
      {editing ? (
        <td colSpan={5}>
          <form class="stack plan-entry-form" onSubmit={save}>
            <label for={id('agency')}>{t.plansAgency}</label>
            <textarea id={id('agency')} name="agency" rows={2} defaultValue={entry.agency} />
            <label for={id('actions')}>{t.plansActions}</label>
            <textarea id={id('actions')} name="actions" rows={3} defaultValue={entry.actions} ref={(el) => el?.focus()} />
            <label for={id('owner')}>{t.plansOwner}</label>
            <input id={id('owner')} name="owner" defaultValue={entry.owner} />
            <label for={id('deadline')}>{t.plansDeadline}</label>
            <input id={id('deadline')} name="deadline" type="date" defaultValue={entry.deadline ?? ''} />
            <label for={id('status')}>{t.plansStatus}</label>
            <select id={id('status')} name="status" defaultValue={entry.status}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t.plansStatuses[s]}
                </option>
              ))}
            </select>
            <div class="row">
              <button type="submit" class="button primary" disabled={action.busy}>
                {t.plansSave}
              </button>
              <button type="button" class="button" onClick={() => setEditing(false)}>
                {t.cancel}
              </button>
            </div>
          </form>
        </td>
      ) : (
        <>
          <td>{entry.agency}</td>
          <td class="plan-actions">{entry.actions}</td>
          <td>{entry.owner}</td>
          <td>{entry.deadline ? entry.deadline.split('-').reverse().join('/') : ''}</td>
          <td>
            {t.plansStatuses[entry.status]}
            {canEdit && (
              <>
                {' '}
                <button type="button" class="button small" onClick={() => setEditing(true)} aria-label={`${t.plansEdit} ${entry.index}`}>
                  {t.plansEdit}
                </button>
              </>
            )}
          </td>
        </>
      )}
      <td class="plan-change" data-significant={entry.followUp?.significant === undefined ? undefined : String(entry.followUp.significant)}>
        {changeWords(t, entry, number)}
      </td>
    </tr>
  );
}
