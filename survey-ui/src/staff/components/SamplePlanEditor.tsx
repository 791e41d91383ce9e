import { useEffect, useState } from 'preact/hooks';
import type { RoundDetail, SamplePlanBody } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

type Line = { unitKind: 'office' | 'locality'; unitCode: string; wanted: string };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sample plan as an editable table with each line's progress, saved as a whole; or imported from a file. */
export function SamplePlanEditor({ round, onSaved }: { round: RoundDetail; onSaved: () => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const action = useAction();
  const fromRound = () => round.plan.map((l) => ({ unitKind: l.unitKind, unitCode: l.unitCode, wanted: String(l.wanted) }));
  const [lines, setLines] = useState<Line[]>(fromRound);
  useEffect(() => setLines(fromRound()), [round]);
  const progress = new Map(round.plan.map((l) => [`${l.unitKind}:${l.unitCode}`, l]));
  const change = (i: number, patch: Partial<Line>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const save = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const body: SamplePlanBody = { lines: lines.map((l) => ({ unitKind: l.unitKind, unitCode: l.unitCode.trim(), wanted: Number(l.wanted) })) };
      const saved = await api.send<{ lines: number }>('PUT', `/rounds/${encodeURIComponent(round.code)}/sample-plan`, body);
      onSaved();
      return t.planSaved(saved.lines);
    });
  };
  const upload = (file: File | undefined) => {
    if (!file) return;
    void action.run(async () => {
      const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
      const saved = await api.upload<{ lines: number }>(`/rounds/${encodeURIComponent(round.code)}/sample-plan/import`, file, type);
      onSaved();
      return t.planSaved(saved.lines);
    });
  };

  return (
    <form class="panel stack sample-plan" onSubmit={save} aria-labelledby="plan-title">
      <h2 id="plan-title">{t.planTitle}</h2>
      <p class="hint">{t.planIntro}</p>
      {lines.length === 0 ? (
        <p>{t.planEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.planKind}</th>
              <th scope="col">{t.planUnit}</th>
              <th scope="col">{t.planUnitName}</th>
              <th scope="col">{t.planWanted}</th>
              <th scope="col">{t.planCounted}</th>
              <th scope="col">{t.planShare}</th>
              <th scope="col">
                <span class="visually-hidden">{t.planRemoveLine}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => {
              const done = progress.get(`${line.unitKind}:${line.unitCode.trim()}`);
              const share = done ? Math.round((100 * done.counted) / done.wanted) : null;
              return (
                <tr key={i} data-unit={line.unitCode}>
                  <td>
                    <select aria-label={t.planKind} value={line.unitKind} onChange={(e) => change(i, { unitKind: e.currentTarget.value as Line['unitKind'] })}>
                      <option value="locality">{t.planKinds.locality}</option>
                      <option value="office">{t.planKinds.office}</option>
                    </select>
                  </td>
                  <td>
                    <input aria-label={t.planUnit} name="unitCode" value={line.unitCode} onInput={(e) => change(i, { unitCode: e.currentTarget.value })} />
                  </td>
                  <td>{done?.unitName ?? ''}</td>
                  <td>
                    <input
                      aria-label={t.planWanted}
                      name="wanted"
                      inputMode="numeric"
                      value={line.wanted}
                      onInput={(e) => change(i, { wanted: e.currentTarget.value })}
                    />
                  </td>
                  <td class="num" data-counted>
                    {done?.counted ?? ''}
                  </td>
                  <td class="num">
                    {share !== null && (
                      <>
                        <progress max={100} value={Math.min(100, share)} /> {share} %
                      </>
                    )}
                  </td>
                  <td>
                    <button type="button" class="button small" onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
                      {t.planRemoveLine}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      <div class="row">
        <button type="button" class="button" onClick={() => setLines((all) => [...all, { unitKind: 'locality', unitCode: '', wanted: '' }])}>
          {t.planAddLine}
        </button>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.planSave}
        </button>
        <label>
          <span>{t.planImport}</span>
          <input type="file" name="planFile" accept=".csv,.xlsx" onChange={(e) => upload(e.currentTarget.files?.[0])} />
        </label>
      </div>
    </form>
  );
}
