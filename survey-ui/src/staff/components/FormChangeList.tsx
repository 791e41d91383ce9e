import type { AuditEvent } from '../api/types.ts';
import { changeLine } from '../keying/change-words.ts';
import type { Field } from '../keying/form-state.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/** A paper form's history as a list of changes: when, who, what, which question, from → to, in words. */
export function FormChangeList({ trail, fields }: { trail: AuditEvent[]; fields: Field[] }) {
  const t = useMessages();
  const { language } = useStaff();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  if (trail.length === 0) return <p>{t.noChanges}</p>;
  return (
    <ol class="changes">
      {trail.map((e, i) => {
        const line = changeLine(t, fields, e);
        return (
          <li key={i} data-action={e.action}>
            <time dateTime={e.at}>{time.format(new Date(e.at))}</time> · <strong>{e.username ?? ''}</strong> · {t.auditActions[e.action] ?? e.action}
            {line.question && <span class="change-question">: {line.question}</span>}
            {line.detail && <span class="change-detail"> — {line.detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
