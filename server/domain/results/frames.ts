/**
 * A round's sampling frame: the population of each stratum (`stratum,population`), uploaded by a
 * survey manager as CSV or XLSX, replaced as a whole and audited. Stratum codes follow the design
 * (survey-design.ts), e.g. `660-office`; `GET …/frame` lists the strata a round's responses fall in.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findFrame, replaceFrame, type FrameRow } from '../../../db/queries/frames.ts';
import { stratumCounts } from '../../../db/queries/microdata.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { fileProblem, rowProblem, type RowProblem } from '../../errors.ts';
import { problems as catalogue } from '../../error-catalogue.ts';
import { detectFormat, readTable, uploadLimits, type Table, type TableRow } from '../../files/tables.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import { stratumOf } from './survey-design.ts';

/** Checks every row; the frame is used only when all rows are sound. */
export function checkFrame(rows: TableRow[]): { frame: FrameRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const frame: FrameRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const stratum = (cells.stratum ?? '').trim();
    const population = cells.population ?? '';
    const text = population.trim().replace(/[\s_]/g, '');
    const value = Number(text);
    if (stratum === '') problems.push(rowProblem(row, 'stratum', '', 'thiếu mã tầng', 'the stratum is empty'));
    else if (seen.has(stratum))
      problems.push(rowProblem(row, 'stratum', stratum, `tầng bị lặp (dòng ${seen.get(stratum)})`, `the stratum appears twice (row ${seen.get(stratum)})`));
    else seen.set(stratum, row);
    if (text === '' || !Number.isFinite(value) || value <= 0) {
      problems.push(rowProblem(row, 'population', population, 'dân số phải là số dương', 'the population must be a positive number'));
    }
    frame.push({ stratum, population: value });
  }
  return { frame, problems };
}

export const FRAME_COLUMNS = ['stratum', 'population'] as const;

/** The frame file as uploaded (CSV or XLSX), read within the frame's limits. */
export function readFrameTable(bytes: Buffer, nameOrType: string): Promise<Table> {
  return readTable(bytes, detectFormat(nameOrType, bytes), { limits: uploadLimits.frame, required: FRAME_COLUMNS });
}

export async function saveFrame(db: Database, actorId: number | null, round: RoundRow, table: Table): Promise<{ strata: number; population: number }> {
  const { frame, problems } = checkFrame(table.rows);
  if (problems.length > 0) {
    throw fileProblem(catalogue.frameRejected({ count: problems.length }), problems);
  }
  await db.transaction(async (tx) => {
    const before = await findFrame(tx, round.id);
    await replaceFrame(tx, round.id, frame);
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'set_frame',
        entity: 'round',
        entityId: round.code,
        field: 'frame',
        oldValue: before ? Object.fromEntries(before) : null,
        newValue: Object.fromEntries(frame.map((r) => [r.stratum, r.population])),
      },
    ]);
  });
  return { strata: frame.length, population: frame.reduce((sum, r) => sum + r.population, 0) };
}

export async function removeFrame(db: Database, actorId: number | null, round: RoundRow): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findFrame(tx, round.id);
    if (!before) return;
    await replaceFrame(tx, round.id, []);
    await recordAudit(tx, [
      { userId: actorId, action: 'remove_frame', entity: 'round', entityId: round.code, field: 'frame', oldValue: Object.fromEntries(before), newValue: null },
    ]);
  });
}

/** Every stratum the round's responses fall in or the frame names, with both figures: citizens' responses, whom the frame counts. */
export async function frameOverview(handle: DatabaseHandle, round: RoundRow) {
  const [counts, frame] = await Promise.all([stratumCounts(handle, round.id, 'citizen'), findFrame(handle.db, round.id)]);
  const responses = new Map<string, number>();
  for (const c of counts) responses.set(stratumOf(c), (responses.get(stratumOf(c)) ?? 0) + c.size);
  const strata = [...new Set([...responses.keys(), ...(frame?.keys() ?? [])])].sort();
  return {
    weighted: frame !== undefined,
    strata: strata.map((stratum) => ({ stratum, responses: responses.get(stratum) ?? 0, population: frame?.get(stratum) ?? null })),
  };
}
