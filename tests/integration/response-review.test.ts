import { describe, expect, it } from 'vitest';
import { findResponse } from '../../db/queries/responses.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs } from '../support/staff.ts';
import { distinctAnswers, officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

/** Answered in 10 seconds: far too fast for 35 answers. */
const tooFast = () => officeSubmission({ startedAt: '2025-03-01T08:30:00+07:00', submittedAt: '2025-03-01T08:30:10+07:00' });

async function manager() {
  await addStaff(database().db, 'manager', 'manager');
  return logInAs(app(), 'manager');
}

describe('review of flagged responses', () => {
  it('lists flagged responses with their reasons and leaves the others out', async () => {
    const fast = tooFast();
    await app().inject({ method: 'POST', url: '/api/responses', payload: fast });
    await app().inject({ method: 'POST', url: '/api/responses', payload: officeSubmission(distinctAnswers(1)) });
    const m = await manager();
    const list = (await m.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: fast.id,
      flags: ['too_fast'],
      facts: { seconds: 10, answered: 34 },
      status: 'held',
      seconds: 10,
      office: { code: 'MC-660' },
      review: null,
    });
    expect(list[0].rated).toBe(30);
    expect(list[0].distinctRatings).toBe(1);
  });

  it('excludes a flagged response and accepts it again, keeping the row and auditing each decision', async () => {
    const fast = tooFast();
    await app().inject({ method: 'POST', url: '/api/responses', payload: fast });
    const m = await manager();
    const excluded = await m.request({ method: 'POST', url: `/api/responses/${fast.id}/review`, payload: { decision: 'excluded' } });
    expect(excluded.json()).toEqual({ id: fast.id, status: 'excluded' });
    expect((await findResponse(database().db, fast.id))?.status).toBe('excluded');
    let [row] = (await m.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json();
    expect(row.review).toMatchObject({ decision: 'excluded', by: 'manager' });

    await m.request({ method: 'POST', url: `/api/responses/${fast.id}/review`, payload: { decision: 'accepted' } });
    [row] = (await m.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json();
    expect(row).toMatchObject({ status: 'accepted', flags: ['too_fast'], review: { decision: 'accepted' } });
    const trail = (await m.request({ url: `/api/audit?entity=response&id=${fast.id}` })).json();
    expect(trail.map((e: { oldValue: string; newValue: string }) => [e.oldValue, e.newValue])).toEqual([
      ['held', 'excluded'],
      ['excluded', 'accepted'],
    ]);
  });

  it('refuses to review a response that is not flagged, and a response that does not exist', async () => {
    const plain = officeSubmission();
    await app().inject({ method: 'POST', url: '/api/responses', payload: plain });
    const m = await manager();
    expect((await m.request({ method: 'POST', url: `/api/responses/${plain.id}/review`, payload: { decision: 'excluded' } })).statusCode).toBe(409);
    expect(
      (await m.request({ method: 'POST', url: '/api/responses/00000000-0000-4000-8000-000000000000/review', payload: { decision: 'excluded' } })).statusCode,
    ).toBe(404);
    const wrong = await m.request({ method: 'POST', url: `/api/responses/${plain.id}/review`, payload: { decision: 'deleted' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('decision');
  });
});
