import type { AuditEvent } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

const shown = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The audit trail: who did what, when, and the value before and after. */
export function AuditTable({ trail }: { trail: AuditEvent[] }) {
  const t = useMessages();
  const { language } = useStaff();
  const time = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <table class="audit">
      <thead>
        <tr>
          <th scope="col">{t.when}</th>
          <th scope="col">{t.who}</th>
          <th scope="col">{t.what}</th>
          <th scope="col">{t.fieldCol}</th>
          <th scope="col">{t.oldValue}</th>
          <th scope="col">{t.newValue}</th>
        </tr>
      </thead>
      <tbody>
        {trail.map((e, i) => (
          <tr key={i} data-action={e.action}>
            <td>{time.format(new Date(e.at))}</td>
            <td>{e.username ?? ''}</td>
            <td>{t.auditActions[e.action] ?? e.action}</td>
            <td>{e.field ?? ''}</td>
            <td class="value">{shown(e.oldValue)}</td>
            <td class="value">{shown(e.newValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
