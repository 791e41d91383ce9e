import { beforeEach, describe, expect, it } from 'vitest';
import { differenceOf } from '../../analysis/estimation/comparison.ts';
import { auditTrail } from '../../db/queries/audit.ts';
import { setRoundStatus } from '../../db/queries/rounds.ts';
import { useTestApp } from '../support/app.ts';
import { publishAcknowledged } from '../support/publishing.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const EARLIER = 'DN-2024';
const LATER = 'DN-2025-H1';
const PLAN = `/api/rounds/${EARLIER}/plans/67`;
let manager: Agent;
let analyst: Agent;
let keyer: Agent;

beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 400, EARLIER);
  await loadDemo(db, 400, LATER);
  // Resetting the database between tests reopens every round; the earlier demo round is published.
  await setRoundStatus(db, EARLIER, 'published');
  await addStaff(db, 'manager', 'manager');
  await addStaff(db, 'analyst', 'analyst');
  await addStaff(db, 'keyer', 'keyer');
  manager = await logInAs(app(), 'manager');
  analyst = await logInAs(app(), 'analyst');
  keyer = await logInAs(app(), 'keyer');
});

type Entry = {
  id: number;
  index: string;
  reasons: string[];
  estimate: number;
  agency: string;
  followUp: null | {
    round: string;
    estimate: number;
    difference: number;
    differenceSe: number;
    ci_low: number;
    ci_high: number;
    significant: boolean | null;
    comparable: boolean;
  };
};
type Index = { index: string; estimate: number; se: number };

async function provinceIndices(code: string): Promise<Index[]> {
  const res = await analyst.request({ url: `/api/rounds/${code}/results?by=province` });
  return res.json().groups.find((g: { level: string }) => g.level === 'province').indices;
}

describe('the improvement plan of a published round', () => {
  it('puts every tracked index below the round’s target on the plan, led by the agency of the province’s own plan', async () => {
    const generated = await manager.request({ method: 'POST', url: `${PLAN}/generate` });
    expect(generated.statusCode).toBe(200);
    const { created, plan } = generated.json();
    const figures = new Map((await provinceIndices(EARLIER)).map((i) => [i.index, i.estimate]));
    const tracked = (await analyst.request({ url: '/api/provinces/67/lead-agencies' })).json().rows.map((r: { index: string }) => r.index);
    const below = tracked.filter((code: string) => figures.has(code) && figures.get(code)! < 85);
    expect(below.length).toBeGreaterThan(0);
    expect(created).toBe(plan.entries.length);
    expect(plan.entries.map((e: Entry) => e.index).sort()).toEqual([...below].sort());
    for (const entry of plan.entries as Entry[]) {
      expect(entry.reasons).toContain('below_target');
      expect(entry.estimate).toBeCloseTo(figures.get(entry.index)!, 9);
      expect(entry.followUp).toBeNull();
    }
    const health = (plan.entries as Entry[]).find((e) => e.index === 'A3_2');
    if (health) expect(health.agency).toBe('Giám đốc Sở Y tế');
    // A second click adds nothing.
    expect((await manager.request({ method: 'POST', url: `${PLAN}/generate` })).json().created).toBe(0);
    const trail = await auditTrail(database().db, 'plan', `${EARLIER}/67`);
    expect(trail.map((e) => e.action)).toEqual(['create_plan_entries']);
  });

  it('shows, once the next round is published, each entry’s new figure and its change with SE, interval and significance', async () => {
    const { plan } = (await manager.request({ method: 'POST', url: `${PLAN}/generate` })).json();
    const entry = (plan.entries as Entry[])[0];
    await manager.request({ method: 'PATCH', url: `/api/plan-entries/${entry.id}`, payload: { actions: 'Tập huấn kỹ năng giao tiếp', status: 'done' } });
    await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/close` });
    expect((await publishAcknowledged(manager, LATER)).statusCode).toBe(200);

    const after = (await analyst.request({ url: PLAN })).json();
    expect(after.nextRound).toBe(LATER);
    const now = new Map((await provinceIndices(LATER)).map((i) => [i.index, i]));
    const before = new Map((await provinceIndices(EARLIER)).map((i) => [i.index, i]));
    for (const e of after.entries as Entry[]) {
      const expected = differenceOf(now.get(e.index)!, before.get(e.index)!);
      expect(e.followUp).toMatchObject({ round: LATER, comparable: true, significant: expected.significant });
      expect(e.followUp!.estimate).toBeCloseTo(now.get(e.index)!.estimate, 9);
      expect(e.followUp!.difference).toBeCloseTo(expected.difference!, 9);
      expect(e.followUp!.differenceSe).toBeCloseTo(expected.se!, 9);
      expect(e.followUp!.ci_low).toBeCloseTo(expected.ci_low!, 9);
    }
    const edited = (after.entries as Entry[] & Array<{ actions: string; status: string }>).find((e) => e.id === entry.id);
    expect(edited).toMatchObject({ actions: 'Tập huấn kỹ năng giao tiếp', status: 'done' });

    // The next round's own plan compares with the round before it: a fall there is judged by the same difference.
    const next = (await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/plans/67/generate` })).json().plan;
    expect(next.previousRound).toBe(EARLIER);
    for (const e of next.entries as Array<Entry & { previousDifference: number | null }>) {
      const expected = differenceOf(now.get(e.index)!, before.get(e.index)!);
      expect(e.reasons.includes('fell')).toBe(expected.significant === true && expected.difference! < 0);
      expect(e.reasons.includes('below_target')).toBe(now.get(e.index)!.estimate < 85);
      expect(e.previousDifference).toBeCloseTo(expected.difference!, 9);
    }
  });

  it('lets managers edit an entry, audits each field, and names a bad field in Vietnamese (English with ?lang=en)', async () => {
    const { plan } = (await manager.request({ method: 'POST', url: `${PLAN}/generate` })).json();
    const id = plan.entries[0].id;
    const ok = await manager.request({
      method: 'PATCH',
      url: `/api/plan-entries/${id}`,
      payload: { owner: 'Phó Giám đốc Sở Nội vụ', deadline: '2026-09-30', status: 'in_progress' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ owner: 'Phó Giám đốc Sở Nội vụ', deadline: '2026-09-30', status: 'in_progress' });
    const trail = await auditTrail(database().db, 'plan_entry', String(id));
    expect(trail.map((e) => e.field).sort()).toEqual(['deadline', 'owner', 'status']);
    expect(trail.every((e) => e.userId === manager.userId)).toBe(true);

    const bad = await manager.request({ method: 'PATCH', url: `/api/plan-entries/${id}`, payload: { deadline: '2026-02-30', status: 'xong' } });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['deadline', 'status']));
    expect(bad.json().message).toMatch(/không hợp lệ/);
    const english = await manager.request({ method: 'PATCH', url: `/api/plan-entries/${id}?lang=en`, payload: { agency: '' } });
    expect(english.statusCode).toBe(400);
    expect(english.json().issues[0].path).toBe('agency');
    expect(english.json().message).toMatch(/invalid|not valid/i);
    expect((await manager.request({ method: 'PATCH', url: '/api/plan-entries/999999', payload: { status: 'done' } })).json().code).toBe('plan_entry_not_found');
  });

  it('is read by analysts, and written by nobody but managers: keyers, analysts and anonymous callers are refused', async () => {
    const { plan } = (await manager.request({ method: 'POST', url: `${PLAN}/generate` })).json();
    const id = plan.entries[0].id;
    expect((await analyst.request({ url: PLAN })).statusCode).toBe(200);
    expect((await analyst.request({ url: `${PLAN}/report.xlsx` })).statusCode).toBe(200);
    for (const [who, status] of [
      [analyst, 403],
      [keyer, 403],
    ] as const) {
      expect((await who.request({ method: 'POST', url: `${PLAN}/generate` })).statusCode).toBe(status);
      expect((await who.request({ method: 'PATCH', url: `/api/plan-entries/${id}`, payload: { status: 'done' } })).statusCode).toBe(status);
      expect((await who.request({ method: 'PUT', url: '/api/provinces/67/lead-agencies/B3', payload: { lead: 'X' } })).statusCode).toBe(status);
    }
    expect((await keyer.request({ url: PLAN })).statusCode).toBe(403);
    expect((await app().inject({ url: PLAN })).statusCode).toBe(401);
    expect((await app().inject({ method: 'POST', url: `${PLAN}/generate` })).statusCode).toBe(401);
    expect((await app().inject({ method: 'PATCH', url: `/api/plan-entries/${id}`, payload: { status: 'done' } })).statusCode).toBe(401);
    expect((await app().inject({ url: `/plan-report/${EARLIER}/67` })).statusCode).toBe(401);
    const after = (await analyst.request({ url: PLAN })).json();
    expect(after.entries.find((e: { id: number }) => e.id === id).status).toBe('planned');
  });

  it('is made only from published results, for a province of the round', async () => {
    expect((await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/plans/67/generate` })).json().code).toBe('plan_needs_published_round');
    expect((await manager.request({ method: 'POST', url: `/api/rounds/${EARLIER}/plans/68/generate` })).json().code).toBe('province_not_in_round');
    expect((await manager.request({ method: 'POST', url: `/api/rounds/${EARLIER}/plans/660/generate` })).statusCode).toBe(400);
  });

  it('downloads as the XLSX report and prints as an A4 page with page numbers', async () => {
    await manager.request({ method: 'POST', url: `${PLAN}/generate` });
    const xlsx = await analyst.request({ url: `${PLAN}/report.xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const page = await analyst.request({ url: `/plan-report/${EARLIER}/67` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('counter(page)');
    expect(page.body).toContain('Kế hoạch cải thiện');
  });
});

describe('lead agencies per province', () => {
  it('starts from the province’s published plan or the default table, and keeps each edit audited', async () => {
    const dn = (await analyst.request({ url: '/api/provinces/67/lead-agencies' })).json();
    expect(dn.source).toBe('province_plan');
    expect(dn.rows.find((r: { index: string }) => r.index === 'A3_6').lead).toBe('Giám đốc Công ty Điện lực Đắk Nông');
    expect((await analyst.request({ url: '/api/provinces/68/lead-agencies' })).json().source).toBe('default');
    const edited = await manager.request({
      method: 'PUT',
      url: '/api/provinces/67/lead-agencies/B3',
      payload: { lead: ' Giám đốc Trung tâm Phục vụ hành chính công ' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().rows.find((r: { index: string }) => r.index === 'B3')).toMatchObject({
      lead: 'Giám đốc Trung tâm Phục vụ hành chính công',
      edited: true,
    });
    const trail = await auditTrail(database().db, 'lead_agencies', '67/B3');
    expect(trail[0]).toMatchObject({ action: 'edit_lead_agency', userId: manager.userId });
    const empty = await manager.request({ method: 'PUT', url: '/api/provinces/67/lead-agencies/B3', payload: { lead: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0].path).toBe('lead');
    expect((await analyst.request({ url: '/api/provinces/660/lead-agencies' })).statusCode).toBe(400);
    expect((await analyst.request({ url: '/api/provinces/99/lead-agencies' })).statusCode).toBe(404);
  });
});

describe('the checklist before publishing', () => {
  it('lists held responses, the missing frame, unreliable figures and units short of their sample plan, each in Vietnamese and English', async () => {
    await app().inject({
      method: 'POST',
      url: '/api/responses',
      payload: officeSubmission({ startedAt: '2025-03-01T08:30:00+07:00', submittedAt: '2025-03-01T08:30:10+07:00' }),
    });
    await manager.request({
      method: 'PUT',
      url: `/api/rounds/${LATER}/sample-plan`,
      payload: { lines: [{ unitKind: 'locality', unitCode: '667', wanted: 500 }] },
    });
    await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/close` });
    const checklist = (await manager.request({ url: `/api/rounds/${LATER}/publish-checklist` })).json();
    const kinds = checklist.warnings.map((w: { kind: string }) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['held_responses', 'no_frame', 'unreliable_figures', 'low_response']));
    for (const w of checklist.warnings) {
      expect(w.vi.length).toBeGreaterThan(10);
      expect(w.en.length).toBeGreaterThan(10);
    }
    expect(checklist.warnings.find((w: { kind: string }) => w.kind === 'held_responses').vi).toMatch(/^1 phiếu/);
    expect((await analyst.request({ url: `/api/rounds/${LATER}/publish-checklist` })).statusCode).toBe(403);
  });

  it('refuses to publish past warnings not acknowledged, or acknowledged before the facts changed, naming what changed', async () => {
    await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/close` });
    const unread = await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/publish` });
    expect(unread.statusCode).toBe(409);
    expect(unread.json().code).toBe('publish_warnings_changed');
    expect(unread.json().issues.every((i: { path: string }) => i.path === 'acknowledgedWarnings')).toBe(true);

    const keys = (await manager.request({ url: `/api/rounds/${LATER}/publish-checklist` })).json().warnings.map((w: { key: string }) => w.key);
    // Something changes after the manager read the list: a frame now weights the figures.
    const strata = (await manager.request({ url: `/api/rounds/${LATER}/frame` })).json().strata.map((s: { stratum: string }) => s.stratum);
    await manager.request({
      method: 'PUT',
      url: `/api/rounds/${LATER}/frame`,
      headers: { 'content-type': 'text/csv' },
      payload: `stratum,population\n${strata.map((s: string) => `${s},4000`).join('\n')}\n`,
    });
    const stale = await manager.request({ method: 'POST', url: `/api/rounds/${LATER}/publish`, payload: { acknowledgedWarnings: keys } });
    expect(stale.statusCode).toBe(409);
    expect(
      stale
        .json()
        .issues.map((i: { message: string }) => i.message)
        .join('\n'),
    ).toContain('frame:none');
    expect((await analyst.request({ url: `/api/rounds/${LATER}/results?by=province` })).statusCode).toBe(200);
    expect((await app().inject({ url: `/api/public/rounds/${LATER}/results?by=province` })).statusCode).toBe(404);

    const published = await publishAcknowledged(manager, LATER);
    expect(published.json().status).toBe('published');
    const trail = await auditTrail(database().db, 'round', LATER);
    const acknowledgement = trail.find((e) => e.action === 'acknowledge_publish_warnings');
    expect(acknowledgement).toMatchObject({ userId: manager.userId });
    expect((acknowledgement!.newValue as Array<{ key: string }>).length).toBeGreaterThan(0);
  });
});
