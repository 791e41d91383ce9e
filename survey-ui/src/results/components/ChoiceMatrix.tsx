import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { answeredOf, shareOf, type QuestionPanel } from '../model/question-panels.ts';
import { ShareCell } from './ShareCell.tsx';

/** Several questions on one scale (the expectations, interest in each policy): a row per question, a column per answer. */
export function ChoiceMatrix({
  panel,
  group,
  rule,
  formats,
}: {
  panel: QuestionPanel;
  group: ResultGroup;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const options = panel.questions[0].options;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`panel-${panel.code}`}>
      <table class="choice-matrix">
        <caption>{t.panels.matrixCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.panels.question}</th>
            <th scope="col" class="num">
              {t.respondents}
            </th>
            {options.map((o) => (
              <th key={String(o.value)} scope="col" class="num">
                {o.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {panel.questions.map((q) => (
            <tr key={q.code} data-question={q.code}>
              <th scope="row">{q.number ? `${q.number}. ${q.text}` : q.text}</th>
              <td class="num">{formats.count(answeredOf(group, q.code) ?? 0)}</td>
              {options.map((o) => (
                <ShareCell key={String(o.value)} share={shareOf(group, q.code, o.value)} rule={rule} formats={formats} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
