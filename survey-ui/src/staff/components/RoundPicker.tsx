import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** The survey round the manager's screens work on. */
export function RoundPicker() {
  const t = useMessages();
  const { rounds, round, chooseRound } = useStaff();
  if (rounds.length === 0) return <p>{t.noRounds}</p>;
  return (
    <label class="round-picker">
      <span>{t.round}</span>
      <select value={round?.code} onChange={(e) => chooseRound((e.currentTarget as HTMLSelectElement).value)}>
        {rounds.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name} ({r.code})
          </option>
        ))}
      </select>
    </label>
  );
}
