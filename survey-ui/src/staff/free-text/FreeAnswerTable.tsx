import type { FreeAnswer, FreeAnswers } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { AnswerTagBoxes } from './AnswerTagBoxes.tsx';

interface Props {
  data: FreeAnswers;
  busy: boolean;
  onToggle(answer: FreeAnswer, categoryId: number, tagged: boolean): void;
}

/** One page of free answers: the text as the reader may see it, where it came from, its categories. */
export function FreeAnswerTable({ data, busy, onToggle }: Props) {
  const t = useMessages();
  const { language } = useStaff();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const questions = new Map(data.items.map((i) => [i.code, language === 'en' && i.en ? i.en : i.vi]));
  if (data.answers.length === 0) return <p>{t.ftNone}</p>;
  const first = (data.page - 1) * data.pageSize;
  return (
    <table class="free-answers">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t.ftText}</th>
          <th scope="col">{t.ftWhere}</th>
          <th scope="col">{t.ftReceived}</th>
          <th scope="col">{t.ftTags}</th>
        </tr>
      </thead>
      <tbody>
        {data.answers.map((a, k) => (
          <tr key={`${a.responseId}/${a.item}`} data-response={a.responseId} data-item={a.item}>
            <td>{first + k + 1}</td>
            <td>
              <p class="answer-text">{a.text}</p>
              <p class="hint">{questions.get(a.item) ?? a.item}</p>
            </td>
            <td>
              {(a.commune ?? a.district ?? a.province).name}
              {a.office && (
                <>
                  <br />
                  <span class="muted">{a.office.name}</span>
                </>
              )}
            </td>
            <td>{time.format(new Date(a.receivedAt))}</td>
            <td>
              {data.categories.length === 0 ? (
                <span class="muted">—</span>
              ) : (
                <AnswerTagBoxes answer={a} number={first + k + 1} categories={data.categories} busy={busy} onToggle={onToggle} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
