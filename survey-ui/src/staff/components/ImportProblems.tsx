import type { ImportProblem } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';

/** Every problem of a refused import: row, column, value and reason. */
export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const t = useMessages();
  if (problems.length === 0) return null;
  return (
    <table class="problems">
      <thead>
        <tr>
          <th scope="col">{t.rowCol}</th>
          <th scope="col">{t.columnCol}</th>
          <th scope="col">{t.valueCol}</th>
          <th scope="col">{t.reasonCol}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.row}</td>
            <td>
              <code>{p.column}</code>
            </td>
            <td class="value">{p.value}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
