import { useState } from 'preact/hooks';
import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { answeredOf, shareOf, type QuestionPanel } from '../model/question-panels.ts';
import { ShareCell } from './ShareCell.tsx';

/** One question across every unit shown (e.g. informal payments by district or by office): a row per unit, a column per answer. */
export function ChoiceByUnit({
  panels,
  groups,
  rule,
  formats,
}: {
  panels: QuestionPanel[];
  groups: ResultGroup[];
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const questions = panels.flatMap((p) => p.questions);
  const [code, setCode] = useState(() => (questions.some((q) => q.code === 'overpay') ? 'overpay' : (questions[0]?.code ?? '')));
  const question = questions.find((q) => q.code === code) ?? questions[0];
  if (!question || groups.length < 2) return null;
  return (
    <section class="choice-by-unit" aria-labelledby="by-unit-title">
      <h3 id="by-unit-title">{t.panels.byUnitTitle}</h3>
      <label class="no-print">
        <span>{t.panels.question}</span>
        <select name="by-unit-question" value={question.code} onChange={(e) => setCode(e.currentTarget.value)}>
          {questions.map((q) => (
            <option key={q.code} value={q.code}>
              {q.number ? `${q.number}. ${q.text}` : q.text}
            </option>
          ))}
        </select>
      </label>
      {/* biome-ignore lint/a11y/useSemanticElements: the scroll box of a wide table, named so keyboard and screen-reader users can reach it; not a section of the page */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="by-unit-title">
        <table class="choice-units" data-question={question.code}>
          <caption>{question.number ? `${question.number}. ${question.text}` : question.text}</caption>
          <thead>
            <tr>
              <th scope="col">{t.panels.unit}</th>
              <th scope="col" class="num">
                {t.respondents}
              </th>
              {question.options.map((o) => (
                <th key={String(o.value)} scope="col" class="num">
                  {o.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g, i) => (
              <tr key={`${g.level}:${g.code}`} data-unit={`${g.level}:${g.code}`} class={i === 0 ? 'total' : undefined}>
                <th scope="row">{g.name}</th>
                <td class="num">{formats.count(answeredOf(g, question.code) ?? 0)}</td>
                {question.options.map((o) => (
                  <ShareCell key={String(o.value)} share={shareOf(g, question.code, o.value)} rule={rule} formats={formats} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
