/**
 * The microdata download kept as a file per data version (server/domain/results/microdata-files.ts):
 * served again byte for byte while nothing changed, never once something did, never across the
 * line between readers cleared for free text and readers not.
 */
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.ts';
import { roundDataVersion } from '../../db/queries/data-version.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { distinctAnswers, officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const MICRODATA = '/api/rounds/DN-2025-H1/microdata.csv';
const PERSONAL = 'Anh Minh, sđt 0987 654 321, rất nhiệt tình';

let analyst: Agent;
let cleared: Agent;

async function respond(k: number, comment?: string) {
  const made = distinctAnswers(k);
  const res = await app().inject({
    method: 'POST',
    url: '/api/responses',
    payload: officeSubmission({ profile: made.profile, answers: { ...made.answers, ...(comment ? { comment } : {}) } }),
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function download(agent: Agent): Promise<{ text: string; rows: Array<Record<string, string>> }> {
  const res = await agent.request({ url: MICRODATA });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { text: res.body, rows: parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) };
}

/** Every value a reader gets but the random ids (a UUID may hold `0987` by chance; online responses' psu is their id). */
const readerTexts = (rows: Array<Record<string, string>>) => rows.flatMap(({ response_id: _id, psu: _psu, ...rest }) => Object.values(rest)).join('\n');

beforeEach(async () => {
  for (let k = 1; k <= 3; k++) await respond(k, k === 1 ? PERSONAL : undefined);
  await addStaff(database().db, 'analyst', 'analyst');
  await addStaff(database().db, 'analyst', 'cleared');
  await database().db.update(users).set({ canReadComments: true }).where(eq(users.username, 'cleared'));
  analyst = await logInAs(app(), 'analyst');
  cleared = await logInAs(app(), 'cleared');
});

describe('the microdata download kept per data version', () => {
  it('is served again, byte for byte, from the kept file while nothing changed', async () => {
    const first = await download(analyst);
    expect(first.rows).toHaveLength(3);
    const kept = app().microdataFiles.kept;
    expect(kept).toBeGreaterThan(0);
    const again = await download(analyst);
    expect(again.text).toBe(first.text);
    expect(app().microdataFiles.kept).toBe(kept);
  });

  it('is exported afresh once a response came in, with it', async () => {
    await download(analyst);
    await respond(4);
    const after = await download(analyst);
    expect(after.rows).toHaveLength(4);
    expect((await download(analyst)).text).toBe(after.text);
  });

  it('never gives a reader not cleared for free text the file of one who is, nor the other way round', async () => {
    const clear = await download(cleared);
    expect(clear.text).toContain(PERSONAL);
    const masked = await download(analyst);
    expect(masked.rows).toHaveLength(3);
    expect(readerTexts(masked.rows)).not.toMatch(/0987|654 321/);
    expect((await download(cleared)).text).toBe(clear.text);
    expect((await download(analyst)).text).toBe(masked.text);
  });

  it('is audited on every download, kept or not, with its rows', async () => {
    await download(analyst);
    await download(analyst);
    const entries = await database().db.select({ newValue: auditLog.newValue }).from(auditLog).where(eq(auditLog.action, 'download_microdata'));
    expect(entries.map((e) => e.newValue)).toEqual([
      { rows: 3, freeText: 'masked', respondentType: 'citizen', values: 'codes' },
      { rows: 3, freeText: 'masked', respondentType: 'citizen', values: 'codes' },
    ]);
  });

  it('is made ahead of the first reader once the keying of paper forms is closed, for either clearance', async () => {
    await addStaff(database().db, 'manager', 'manager');
    const manager = await logInAs(app(), 'manager');
    for (const step of ['close', 'close-keying']) {
      const res = await manager.request({ method: 'POST', url: `/api/rounds/DN-2025-H1/${step}` });
      expect(res.statusCode, res.body).toBe(200);
    }
    const round = (await findRoundByCode(database().db, 'DN-2025-H1'))!;
    const version = await roundDataVersion(database().db, round.id);
    const key = (clearText: boolean) => ({ roundId: round.id, respondentType: 'citizen', values: 'codes', clearText });
    await expect.poll(() => [app().microdataFiles.has(key(false), version), app().microdataFiles.has(key(true), version)]).toEqual([true, true]);
    const masked = await download(analyst);
    expect(masked.rows).toHaveLength(3);
    expect(readerTexts(masked.rows)).not.toMatch(/0987|654 321/);
    expect((await download(cleared)).text).toContain(PERSONAL);
    expect(app().microdataFiles.kept).toBe(2);
  });
});
