import { useState } from 'preact/hooks';
import type { BatchDetail, Comparison } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { ReconcileFieldRow } from '../components/ReconcileFieldRow.tsx';
import { loadQuestionnaire } from '../keying/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';
import { decidedForm, reconcileRows, undecided, type Choice, type Choices } from '../reconcile/decisions.ts';
import { useStaff } from '../session/context.ts';

/**
 * Both entries of a form side by side against its serial: for each question they differ on, the
 * manager (or the batch's third keyer) takes one value or types the right one from the paper.
 */
export function ReconcilePage({ batchId, serial }: { batchId: number; serial: number }) {
  const t = useMessages();
  const { api, language } = useStaff();
  const batch = useLoad(() => api.get<BatchDetail>(`/batches/${batchId}`), [batchId]);
  const comparison = useLoad(() => api.get<Comparison>(`/batches/${batchId}/forms/${serial}/comparison`), [batchId, serial]);
  const version = batch.data?.questionnaireVersion;
  const questionnaire = useLoad(() => (version ? loadQuestionnaire(api, version, language) : Promise.resolve(undefined)), [version, language]);
  const [choices, setChoices] = useState<Choices>({});
  const [showAgreed, setShowAgreed] = useState(false);
  const action = useAction();

  const c = comparison.data;
  const q = questionnaire.data;
  const heading = <h1 tabIndex={-1}>{t.reconcileTitle(serial)}</h1>;
  const back = (
    <p>
      <Link href={`/staff/batches/${batchId}`}>{t.backToBatch}</Link>
    </p>
  );
  if (!c || !q)
    return (
      <section>
        {heading}
        <Loading error={batch.error ?? comparison.error ?? questionnaire.error} />
        {back}
      </section>
    );
  if (c.status !== 'keyed_twice' && !action.done)
    return (
      <section>
        {heading}
        <p>{t.notAwaiting(serial, t.statuses[c.status])}</p>
        {back}
      </section>
    );

  const rows = reconcileRows(q.questionnaire, q.fields, c.first, c.second, choices);
  const open = undecided(rows, choices);
  const choose = (code: string, choice: Choice | undefined) => {
    const next = { ...choices };
    if (choice) next[code] = choice;
    else delete next[code];
    setChoices(next);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (open.length > 0) return;
    await action.run(async () => {
      await api.send('POST', `/batches/${batchId}/forms/${serial}/reconciliation`, decidedForm(rows));
      return t.reconciled(serial);
    });
  };

  return (
    <section>
      {heading}
      <p>{t.reconcileIntro}</p>
      {action.done ? (
        <>
          <DoneNotice message={action.done} />
          {back}
        </>
      ) : (
        <form onSubmit={submit}>
          <label class="check">
            <input type="checkbox" checked={showAgreed} onChange={(e) => setShowAgreed(e.currentTarget.checked)} /> {t.showAgreed}
          </label>
          <table class="reconcile">
            <thead>
              <tr>
                <th scope="col">{t.question}</th>
                <th scope="col">{t.firstValue}</th>
                <th scope="col">{t.secondValue}</th>
                <th scope="col">{t.decision}</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.differs || showAgreed)
                .map((row) => (
                  <ReconcileFieldRow key={row.field.code} row={row} choice={choices[row.field.code]} onChoose={(choice) => choose(row.field.code, choice)} />
                ))}
            </tbody>
          </table>
          <p class={open.length > 0 ? 'field-error' : 'visually-hidden'} role="status">
            {open.length > 0 ? t.undecided(open.length) : ''}
          </p>
          <ErrorNotice error={action.error} />
          <p class="row">
            <button type="submit" class="button primary" disabled={action.busy || open.length > 0}>
              {t.confirmReconcile}
            </button>
          </p>
          {back}
        </form>
      )}
    </section>
  );
}
