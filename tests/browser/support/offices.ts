/**
 * Offices in the staff app, as a survey manager handles them: a list imported from a file on the
 * "Danh sách điểm" screen, and each office's survey link (the address its QR code carries).
 * For journeys that start from a province's own list of offices.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Database } from '../../../db/client.ts';
import { ensureLink } from '../../../db/queries/links.ts';
import { findOfficeByCode, findRoundByCode } from '../../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../../db/seed/index.ts';
import { writeXlsx } from '../../../server/files/tables.ts';
import type { BrowserApp } from './browser-app.ts';

export interface OfficeLine {
  code: string;
  name: string;
  locality: string;
  level: 'province' | 'commune' | 'district';
}

/** An XLSX file of offices in the import template's columns, written into `dir`. */
export async function officesXlsx(dir: string, offices: OfficeLine[], name = 'diem-khao-sat.xlsx'): Promise<string> {
  const file = join(dir, name);
  await writeFile(
    file,
    await writeXlsx([
      { name: 'Điểm khảo sát', header: ['code', 'name', 'locality', 'level'], rows: offices.map((o) => [o.code, o.name, o.locality, o.level]) },
    ]),
  );
  return file;
}

/**
 * Imports a file of offices on the "Danh sách điểm" screen of a manager already logged in, and
 * returns what the screen then says (the counts, or the refusal with its problems listed).
 */
export async function importOffices(page: Page, file: string): Promise<string> {
  await page.getByRole('link', { name: 'Danh sách điểm' }).click();
  const form = page.locator('form[aria-labelledby="offices-import-title"]');
  await form.locator('input[type=file]').setInputFiles(file);
  await form.getByRole('button', { name: 'Nhập danh sách' }).click();
  const outcome = form.locator('.notice.done, .notice.error');
  await outcome.first().waitFor();
  return (await outcome.first().textContent()) ?? '';
}

/** The token of an office's link in a round (made on first use, as the links screen does). */
export async function officeLinkToken(db: Database, officeCode: string, roundCode = DEMO_ROUND_CODE): Promise<string> {
  const [office, round] = [await findOfficeByCode(db, officeCode), await findRoundByCode(db, roundCode)];
  if (!office || !round) throw new Error(`no office ${officeCode} or round ${roundCode}`);
  return ensureLink(db, office.id, round.id);
}

/** Where an office's QR code leads on the test server (the poster prints the public address instead). */
export async function officeLinkUrl(app: BrowserApp, officeCode: string, roundCode = DEMO_ROUND_CODE): Promise<string> {
  return app.url(`/s/${await officeLinkToken(app.database().db, officeCode, roundCode)}`);
}
