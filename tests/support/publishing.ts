/** Publishing as a manager does it: read the round's checklist, then publish acknowledging every warning on it. */
import type { Agent } from './staff.ts';

export async function publishAcknowledged(agent: Agent, code: string) {
  const checklist = await agent.request({ url: `/api/rounds/${encodeURIComponent(code)}/publish-checklist` });
  const keys = checklist.statusCode === 200 ? (checklist.json().warnings as Array<{ key: string }>).map((w) => w.key) : [];
  return agent.request({ method: 'POST', url: `/api/rounds/${encodeURIComponent(code)}/publish`, payload: { acknowledgedWarnings: keys } });
}
