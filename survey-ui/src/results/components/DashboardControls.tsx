import type { ResultRound } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { IndexColumn } from '../model/columns.ts';

export interface DashboardChoice {
  round: string;
  level: string;
  index: string;
  target: number;
}

export const LEVELS = ['province', 'district', 'commune', 'office'];

/** Round, level, the index charted and the province's target; a print button for the A4 report. */
export function DashboardControls({
  rounds,
  round,
  choice,
  columns,
  onChange,
}: {
  rounds: ResultRound[];
  round: string;
  choice: DashboardChoice;
  columns: IndexColumn[];
  onChange: (next: DashboardChoice) => void;
}) {
  const t = useMessages();
  const set = (patch: Partial<DashboardChoice>) => onChange({ ...choice, round, ...patch });
  return (
    <form class="row controls no-print" aria-label={t.controlsLabel} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t.round}</span>
        <select name="round" value={round} onChange={(e) => set({ round: e.currentTarget.value })}>
          {rounds.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.level}</span>
        <select name="level" value={choice.level} onChange={(e) => set({ level: e.currentTarget.value })}>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t.levels[level]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.index}</span>
        <select name="index" value={choice.index} onChange={(e) => set({ index: e.currentTarget.value })}>
          {columns.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.target}</span>
        <input
          name="target"
          type="number"
          min={0}
          max={100}
          step={0.5}
          value={choice.target}
          class="narrow"
          onInput={(e) => {
            const value = e.currentTarget.valueAsNumber;
            if (Number.isFinite(value) && value >= 0 && value <= 100) set({ target: value });
          }}
        />
      </label>
      <button type="button" class="button" onClick={() => print()}>
        {t.printReport}
      </button>
    </form>
  );
}
