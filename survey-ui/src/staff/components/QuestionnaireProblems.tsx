import type { ImportProblem } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';

/** Every problem of a refused questionnaire file: sheet, row and column (or the JSON path), value, reason. */
export function QuestionnaireProblems({ problems }: { problems: ImportProblem[] }) {
  const t = useMessages();
  if (problems.length === 0) return null;
  return (
    <table class="problems" data-testid="questionnaire-problems">
      <thead>
        <tr>
          <th scope="col">{t.sheetCol}</th>
          <th scope="col">{t.rowCol}</th>
          <th scope="col">{t.columnCol}</th>
          <th scope="col">{t.valueCol}</th>
          <th scope="col">{t.reasonCol}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.sheet ?? t.jsonFile}</td>
            <td>{p.row > 0 ? p.row : ''}</td>
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
