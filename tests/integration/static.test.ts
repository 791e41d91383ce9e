import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { UI_DIST } from '../../survey-ui/build/pages.ts';
import { useTestApp } from '../support/app.ts';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { brotliDecompressSync } from 'node:zlib';

const { app, database } = useTestApp();

const builtAsset = (pattern: RegExp) => readdirSync(join(UI_DIST, 'assets')).find((f) => pattern.test(f))!;

describe('the built survey page', () => {
  it('is served at an office link with no-cache, so a new build reaches phones at once', async () => {
    const res = await app().inject({ url: '/s/AnyTokenOfTwentyTwoCh' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('/assets/survey-');
  });

  it('has hashed assets that are cached for a year as immutable', async () => {
    const script = builtAsset(/^survey-.*\.js$/);
    const res = await app().inject({ url: `/assets/${script}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toContain('javascript');
  });

  it('sends the brotli or gzip file written at build time to clients that accept it', async () => {
    const script = builtAsset(/^survey-.*\.js$/);
    const plain = await app().inject({ url: `/assets/${script}` });
    const br = await app().inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'br, gzip' } });
    const gz = await app().inject({ url: `/assets/${script}`, headers: { 'accept-encoding': 'gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the build fingerprint and other dotfiles private', async () => {
    expect((await app().inject({ url: '/.inputs-hash' })).statusCode).toBe(404);
  });

  it('answers an unknown asset with 404, not the page', async () => {
    const res = await app().inject({ url: '/assets/nothing-here.js' });
    expect(res.statusCode).toBe(404);
  });
});

describe('the start page and pages of other apps', () => {
  it('leads to the staff app once it is built, and otherwise explains where the survey opens', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sipas-ui-'));
    await writeFile(join(root, 'survey.html'), '<!doctype html><title>survey</title>');
    const ui = await buildApp({ database: database(), uiRoot: root });
    try {
      const withoutStaff = await ui.inject({ url: '/' });
      expect(withoutStaff.statusCode).toBe(200);
      expect(withoutStaff.body).toContain('mã QR');
      expect((await ui.inject({ url: '/staff' })).statusCode).toBe(404);

      await writeFile(join(root, 'staff.html'), '<!doctype html><title>staff</title>');
      const res = await ui.inject({ url: '/' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/staff');
      const staff = await ui.inject({ url: '/staff/batches/12' });
      expect(staff.statusCode).toBe(200);
      expect(staff.body).toContain('<title>staff</title>');
      expect((await ui.inject({ url: '/results' })).statusCode).toBe(404);
    } finally {
      await ui.close();
      await rm(root, { recursive: true });
    }
  });

  it('says clearly that the interface is not built when it is missing, while the API keeps working', async () => {
    const missing = await buildApp({ database: database(), uiRoot: join(tmpdir(), 'sipas-ui-never-built') });
    try {
      const page = await missing.inject({ url: '/s/AnyTokenOfTwentyTwoCh' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build');
      expect((await missing.inject({ url: '/' })).statusCode).toBe(503);
      expect((await missing.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    } finally {
      await missing.close();
    }
  });
});

describe('responses the server builds', () => {
  it('travel compressed to phones that accept it, such as the questionnaire of an office link', async () => {
    const round = await findRoundByCode(database().db, DEMO_ROUND_CODE);
    const [link] = await listLinksOfRound(database().db, round!.id);
    const url = `/api/links/${link.token}?include=questionnaire`;
    const plain = await app().inject({ url });
    const br = await app().inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
  });
});
