import type { FormStatus, StatusCounts as Counts } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';

const ORDER: FormStatus[] = ['issued', 'returned', 'keyed_once', 'keyed_twice', 'verified', 'spoiled', 'unreturned'];

/** How many forms are in each state, in the order forms move through them. */
export function StatusCounts({ counts }: { counts: Counts }) {
  const t = useMessages();
  const shown = ORDER.filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span>—</span>;
  return (
    <ul class="counts">
      {shown.map((s) => (
        <li key={s} class={`state-${s}`}>
          {t.statuses[s]}: <strong>{counts[s]}</strong>
        </li>
      ))}
    </ul>
  );
}
