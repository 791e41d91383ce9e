import type { ResultGroup } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { answeredOf, type ChoiceQuestion } from '../model/question-panels.ts';
import { ShareCell } from './ShareCell.tsx';

/** One choice question in one unit: each option's weighted share with its margin of error. */
export function ChoiceTable({
  question,
  group,
  rule,
  formats,
}: {
  question: ChoiceQuestion;
  group: ResultGroup;
  rule: { minN: number; maxHalfWidth: number };
  formats: NumberFormats;
}) {
  const t = useMessages();
  const shares = group.options.find((o) => o.question === question.code)?.shares ?? [];
  const answered = answeredOf(group, question.code);
  return (
    <table class="choice" data-question={question.code}>
      <caption>
        <span class="question-text">{question.number ? `${question.number}. ${question.text}` : question.text}</span>
        <span class="hint">
          {t.panels.answered(formats.count(answered ?? 0))}
          {question.kind === 'multi' && ` · ${t.panels.multiNote}`}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.panels.answer}</th>
          <th scope="col" class="num">
            {t.panels.share}
          </th>
        </tr>
      </thead>
      <tbody>
        {question.options.map((o) => (
          <tr key={String(o.value)} data-option={String(o.value)}>
            <th scope="row">{o.label}</th>
            <ShareCell share={shares.find((s) => s.option === o.value)} rule={rule} formats={formats} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
