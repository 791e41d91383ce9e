/**
 * A round's sampling frame: the population of each stratum (`stratum,population`), uploaded by a
 * survey manager as CSV or XLSX, replaced as a whole and audited. Stratum codes follow the design
 * (survey-design.ts), e.g. `660-office`; `GET …/frame` lists the strata a round's responses fall in.
 */
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findFrame, replaceFrame, type FrameRow } from '../../db/queries/frames.ts';
import { stratumCounts } from '../../db/queries/microdata.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import { Problem } from '../errors.ts';
import type { TableRecord } from '../files/tables.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { stratumOf } from './survey-design.ts';

export interface FrameProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** Checks every row; the frame is used only when all rows are sound. */
export function checkFrame(records: TableRecord[]): { rows: FrameRow[]; problems: FrameProblem[] } {
  const problems: FrameProblem[] = [];
  const rows: FrameRow[] = [];
  const seen = new Set<string>();
  if (records.length === 0) problems.push({ row: 1, column: '', value: '', reason: 'tệp không có dòng nào / the file has no rows' });
  for (const column of ['stratum', 'population']) {
    if (records.length > 0 && !(column in records[0])) problems.push({ row: 1, column, value: '', reason: 'thiếu cột / missing column' });
  }
  if (problems.length > 0) return { rows, problems };
  records.forEach((record, i) => {
    const row = i + 2;
    const stratum = record.stratum.trim();
    const text = record.population.trim().replace(/[\s_]/g, '');
    const population = Number(text);
    if (stratum === '') problems.push({ row, column: 'stratum', value: '', reason: 'thiếu mã tầng / the stratum is empty' });
    else if (seen.has(stratum)) problems.push({ row, column: 'stratum', value: stratum, reason: 'tầng bị lặp / the stratum appears twice' });
    if (text === '' || !Number.isFinite(population) || population <= 0) {
      problems.push({ row, column: 'population', value: record.population, reason: 'dân số phải là số dương / the population must be a positive number' });
    }
    seen.add(stratum);
    rows.push({ stratum, population });
  });
  return { rows, problems };
}

export async function saveFrame(db: Database, actorId: number | null, round: RoundRow, records: TableRecord[]): Promise<{ strata: number; population: number }> {
  const { rows, problems } = checkFrame(records);
  if (problems.length > 0) {
    throw new Problem(400.5, 'frame_rejected', {
      vi: `Không lưu khung mẫu: ${problems.length} lỗi. Sửa các dòng dưới đây rồi tải lên lại cả tệp.`,
      en: `Frame not saved: ${problems.length} problem(s). Fix the rows below and upload the whole file again.`,
    }, [], { problems });
  }
  await db.transaction(async (tx) => {
    const before = await findFrame(tx, round.id);
    await replaceFrame(tx, round.id, rows);
    await recordAudit(tx, [{
      userId: actorId, action: 'set_frame', entity: 'round', entityId: round.code, field: 'frame',
      oldValue: before ? Object.fromEntries(before) : null, newValue: Object.fromEntries(rows.map((r) => [r.stratum, r.population])),
    }]);
  });
  return { strata: rows.length, population: rows.reduce((sum, r) => sum + r.population, 0) };
}

export async function removeFrame(db: Database, actorId: number | null, round: RoundRow): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findFrame(tx, round.id);
    if (!before) return;
    await replaceFrame(tx, round.id, []);
    await recordAudit(tx, [{ userId: actorId, action: 'remove_frame', entity: 'round', entityId: round.code, field: 'frame', oldValue: Object.fromEntries(before), newValue: null }]);
  });
}

/** Every stratum the round's responses fall in or the frame names, with both figures. */
export async function frameOverview(handle: DatabaseHandle, round: RoundRow) {
  const [counts, frame] = await Promise.all([stratumCounts(handle, round.id), findFrame(handle.db, round.id)]);
  const responses = new Map<string, number>();
  for (const c of counts) responses.set(stratumOf(c), (responses.get(stratumOf(c)) ?? 0) + c.size);
  const strata = [...new Set([...responses.keys(), ...(frame?.keys() ?? [])])].sort();
  return {
    weighted: frame !== undefined,
    strata: strata.map((stratum) => ({ stratum, responses: responses.get(stratum) ?? 0, population: frame?.get(stratum) ?? null })),
  };
}
