import type { ImportProblem } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * Every problem of a refused file: row, column, value and reason; with `bySheet` (a workbook of
 * several sheets, or JSON) the sheet first, and a problem without a row (a JSON path) leaves it blank.
 */
export function ImportProblems({ problems, bySheet = false, testId }: { problems: ImportProblem[]; bySheet?: boolean; testId?: string }) {
  const t = useMessages();
  if (problems.length === 0) return null;
  return (
    <table class="problems" data-testid={testId}>
      <thead>
        <tr>
          {bySheet && <th scope="col">{t.sheetCol}</th>}
          <th scope="col">{t.rowCol}</th>
          <th scope="col">{t.columnCol}</th>
          <th scope="col">{t.valueCol}</th>
          <th scope="col">{t.reasonCol}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            {bySheet && <td>{p.sheet ?? t.jsonFile}</td>}
            <td>{bySheet && p.row <= 0 ? '' : p.row}</td>
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
