import type { Database } from '../../db/client.ts';
import { ensureLink, ensureOnlineLink } from '../../db/queries/links.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent, insertRoundIfAbsent } from '../../db/queries/rounds.ts';

/** A real (not demo) open round of Đắk Nông with the given days, one office link and the online link. */
export async function roundWithDays(db: Database, code: string, periodStart: string, periodEnd: string) {
  await insertRoundIfAbsent(db, {
    code,
    name: `Đợt ${code}`,
    provinceCodes: ['67'],
    periodStart,
    periodEnd,
    questionnaires: { citizen: '2024' },
    status: 'open',
  });
  await insertOfficeIfAbsent(db, { code: 'MC-661', name: 'Bộ phận Một cửa huyện Đắk Glong', localityCode: '661' });
  const round = (await findRoundByCode(db, code))!;
  const office = (await findOfficeByCode(db, 'MC-661'))!;
  return { round, office: await ensureLink(db, office.id, round.id), online: await ensureOnlineLink(db, round.id) };
}

/** YYYY-MM-DD of a day `days` from today in Vietnam (UTC+7). */
export function vietnamDay(days: number, now = Date.now()): string {
  return new Date(now + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
