import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listLinksOfRound, setLinksActive } from '../../db/queries/links.ts';
import { findRoundByCode, setRoundStatus } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { buildApp } from '../../server/app.ts';
import { useTestApp } from '../support/app.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();

async function demoToken(): Promise<string> {
  const round = await findRoundByCode(database().db, DEMO_ROUND_CODE);
  return (await listLinksOfRound(database().db, round!.id))[0].token;
}

function linkSubmission(link: string, overrides: Record<string, unknown> = {}) {
  const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
  return { ...rest, link, ...overrides };
}

const post = (payload: object) => app().inject({ method: 'POST', url: '/api/responses', payload });

describe('office survey links', () => {
  it('describe the office and round they open', async () => {
    const token = await demoToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const res = await app().inject({ url: `/api/links/${token}` });
    expect(res.json()).toMatchObject({
      open: true,
      round: { code: 'DN-2025-H1', questionnaires: { citizen: '2024' }, provinceCodes: ['67'] },
      office: { code: 'MC-660' },
    });
  });

  it("bring the round's questionnaire in every language when asked, so the survey needs one request", async () => {
    const res = await app().inject({ url: `/api/links/${await demoToken()}?include=questionnaire` });
    const { questionnaire } = res.json();
    expect(questionnaire.version).toBe('2024');
    expect(questionnaire.title).toEqual({ vi: 'Phiếu khảo sát SIPAS 2024', en: 'SIPAS questionnaire 2024' });
    expect((await app().inject({ url: `/api/links/${await demoToken()}` })).json().questionnaire).toBeUndefined();
  });

  it('fix office, locality, round and channel of the responses sent through them', async () => {
    const res = await post(linkSubmission(await demoToken()));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'office', office: 'MC-660', round: 'DN-2025-H1', locality: { province: '67', district: '660' } });
  });

  it('refuse a response whose office or channel contradicts its link, naming the field', async () => {
    const token = await demoToken();
    for (const [field, value] of [
      ['office', 'MC-661'],
      ['channel', 'online'],
      ['round', 'DN-2024'],
    ] as const) {
      const res = await post(linkSubmission(token, { [field]: value }));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    expect((await post(linkSubmission(token, { office: 'MC-660', channel: 'office' }))).statusCode).toBe(201);
  });

  it('refuse an unknown token, naming the link field', async () => {
    const res = await post(linkSubmission('AAAAAAAAAAAAAAAAAAAAAA'));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('link');
    expect((await app().inject({ url: '/api/links/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
  });

  it('say politely that a closed round is closed, and still acknowledge resends', async () => {
    const token = await demoToken();
    const delivered = linkSubmission(token);
    await post(delivered);
    const round = await findRoundByCode(database().db, DEMO_ROUND_CODE);
    await setRoundStatus(database().db, DEMO_ROUND_CODE, 'closed');
    await setLinksActive(database().db, round!.id, false);
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(false);
    const fresh = await post(linkSubmission(token, { submittedAt: new Date(Date.now() + 1000).toISOString() }));
    expect(fresh.statusCode).toBe(409);
    expect(fresh.json().message).toContain('Cảm ơn Ông/Bà');
    expect((await post(delivered)).statusCode).toBe(200);
    await setLinksActive(database().db, round!.id, true);
  });

  it('accept, flagged for review, a response finished before its link was closed but delivered after', async () => {
    const token = await demoToken();
    const round = await findRoundByCode(database().db, DEMO_ROUND_CODE);
    const finished = new Date(Date.now() - 60_000).toISOString();
    await setRoundStatus(database().db, DEMO_ROUND_CODE, 'closed');
    await setLinksActive(database().db, round!.id, false);
    try {
      const late = await post(linkSubmission(token, { submittedAt: finished, startedAt: new Date(Date.now() - 20 * 60_000).toISOString() }));
      expect(late.statusCode).toBe(201);
      expect(late.json().flags).toEqual(['late_delivery']);
      const afterClosing = await post(linkSubmission(token, { submittedAt: new Date(Date.now() + 1000).toISOString() }));
      expect(afterClosing.statusCode).toBe(409);
      await setRoundStatus(database().db, DEMO_ROUND_CODE, 'published');
      expect((await post(linkSubmission(token, { submittedAt: finished }))).statusCode).toBe(409);
    } finally {
      await setLinksActive(database().db, round!.id, true);
    }
  });

  it('have a printable A4 poster with the office name and a QR code of the survey URL', async () => {
    const token = await demoToken();
    const res = await app().inject({ url: `/poster/${token}`, headers: { host: 'sipas.example.vn' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Bộ phận Một cửa thành phố Gia Nghĩa');
    // The configured address, never the request's Host (tests/integration/forwarded-headers.test.ts).
    expect(res.body).toContain(`${app().publicUrl.base}/s/${token}`);
    expect(res.body).not.toContain('sipas.example.vn');
    expect(res.body).toMatch(/<svg[^>]*viewBox/);
    expect(res.body).toContain('@page { size: A4');
  });
});

describe('plausibility flags', () => {
  it('flag a response answered implausibly fast, and keep it', async () => {
    const res = await post(linkSubmission(await demoToken(), { startedAt: '2025-03-01T08:30:00+07:00', submittedAt: '2025-03-01T08:30:20+07:00' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().flags).toEqual(['too_fast']);
  });

  it('flag identical answers arriving in a burst through one office link', async () => {
    const token = await demoToken();
    const first = await post(linkSubmission(token));
    const second = await post(linkSubmission(token));
    expect(first.json().flags).toEqual([]);
    expect(second.statusCode).toBe(201);
    expect(second.json().flags).toEqual(['identical_burst']);
  });

  it('flag many responses from one device', async () => {
    const token = await demoToken();
    const replies = [];
    for (let i = 1; i <= 6; i++) {
      replies.push(
        await post(
          linkSubmission(token, {
            clientId: 'device-aaaa-1111',
            profile: { sex: 'nam', age_group: ['18_25', '26_34', '35_49', '50_60', 'over_60', '18_25'][i - 1] },
            answers: { ...officeSubmission().answers, A1_1: (i % 5) + 1 },
          }),
        ),
      );
    }
    expect(replies.map((r) => r.json().flags.includes('device_burst'))).toEqual([false, false, false, false, false, true]);
  });
});

describe('rate limits', () => {
  it('count per device, so a shared office IP does not block other phones', async () => {
    const limited = await buildApp({ database: database(), rateLimits: { perDevicePerMinute: 2, perLinkPerMinute: 100 } });
    try {
      const token = await demoToken();
      const send = (clientId: string) =>
        limited.inject({ method: 'POST', url: '/api/responses', payload: linkSubmission(token, { id: randomUUID(), clientId }) });
      expect((await send('phone-one-0001')).statusCode).toBe(201);
      expect((await send('phone-one-0001')).statusCode).toBe(201);
      const third = await send('phone-one-0001');
      expect(third.statusCode).toBe(429);
      expect(third.json().message).toContain('sẽ tự gửi lại');
      expect(third.headers['retry-after']).toBeDefined();
      expect((await send('phone-two-0002')).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('npx sipas offices', () => {
  it('prints code, name and survey URL of each office, tab-separated, then the round’s online link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sipas-offices-'));
    try {
      const { stdout } = await promisify(execFile)('node', ['bin/sipas.mjs', 'offices', '--base-url', 'https://sipas.example.vn/'], {
        env: { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') },
      });
      expect(stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^MC-660\tBộ phận Một cửa thành phố Gia Nghĩa\thttps:\/\/sipas\.example\.vn\/s\/[A-Za-z0-9_-]{22}$/),
        expect.stringMatching(/^online\tKhảo sát trực tuyến\thttps:\/\/sipas\.example\.vn\/s\/[A-Za-z0-9_-]{22}$/),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
