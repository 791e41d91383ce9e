/**
 * A round's sample plan: how many responses it wants from each office, or from each district or
 * commune, and how many it has (accepted responses counted against each line). Sent as a table
 * from the screen, or uploaded as CSV/XLSX (`kind,code,wanted`); replaced as a whole, audited;
 * a plan with any bad line stores nothing and names every problem.
 */
import type { SamplePlanBody } from '../../../contract/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { listOffices, replaceSamplePlan, samplePlanOf, samplePlanProgress, type RoundRow, type SamplePlanRow } from '../../../db/queries/rounds.ts';
import { fileProblem, rowProblem, type RowProblem, type Worded } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { detectFormat, readTable, uploadLimits, type Table } from '../../files/tables.ts';

type Line = { unitKind: string; unitCode: string; wanted: string | number };
type LineProblem = { index: number; column: 'unitKind' | 'unitCode' | 'wanted'; value: string; worded: Worded };

/** The province of each unit code (walking up from a commune through its district). */
async function provincesOf(db: Database, codes: string[]): Promise<Map<string, { name: string; province: string | null }>> {
  const units = await findLocalities(db, codes);
  const parents = new Map((await findLocalities(db, [...new Set(units.flatMap((u) => (u.parentCode ? [u.parentCode] : [])))])).map((p) => [p.code, p]));
  return new Map(
    units.map((u) => {
      if (u.level === 'province') return [u.code, { name: u.name, province: null }];
      const parent = u.parentCode ? parents.get(u.parentCode) : undefined;
      const province = parent?.level === 'province' ? parent.code : (parent?.parentCode ?? null);
      return [u.code, { name: u.name, province }];
    }),
  );
}

async function checkLines(db: Database, round: RoundRow, lines: Line[]): Promise<{ plan: SamplePlanRow[]; issues: LineProblem[] }> {
  const issues: LineProblem[] = [];
  const offices = new Map((await listOffices(db)).map((o) => [o.code, o]));
  const units = await provincesOf(db, [...new Set(lines.filter((l) => l.unitKind === 'locality').map((l) => l.unitCode.trim()))]);
  const officeProvinces = await provincesOf(db, [...new Set([...offices.values()].map((o) => o.localityCode))]);
  const seen = new Map<string, number>();
  const plan: SamplePlanRow[] = [];
  lines.forEach((line, index) => {
    const kind = line.unitKind.trim();
    const code = line.unitCode.trim();
    const problem = (column: LineProblem['column'], value: string, vi: string, en: string) => issues.push({ index, column, value, worded: { vi, en } });
    if (kind !== 'office' && kind !== 'locality') {
      problem('unitKind', kind, 'loại phải là office (điểm khảo sát) hoặc locality (huyện, xã)', 'the kind must be office or locality');
      return;
    }
    const key = `${kind}:${code}`;
    if (seen.has(key)) problem('unitCode', code, `${code} bị lặp (dòng ${seen.get(key)! + 1})`, `${code} appears twice (line ${seen.get(key)! + 1})`);
    else seen.set(key, index);
    if (kind === 'office') {
      const office = offices.get(code);
      const province = office && officeProvinces.get(office.localityCode)?.province;
      if (!office) problem('unitCode', code, `không có điểm khảo sát mã ${code}`, `no office has code ${code}`);
      else if (!province || !round.provinceCodes.includes(province))
        problem('unitCode', code, `điểm khảo sát ${code} không thuộc tỉnh của đợt`, `office ${code} is not in the round's provinces`);
    } else {
      const unit = units.get(code);
      if (!unit) problem('unitCode', code, `không có đơn vị hành chính mã ${code}`, `no administrative unit has code ${code}`);
      else if (!unit.province)
        problem('unitCode', code, `${code} là tỉnh: kế hoạch mẫu ghi theo huyện hoặc xã`, `${code} is a province: the plan lists districts or communes`);
      else if (!round.provinceCodes.includes(unit.province))
        problem('unitCode', code, `đơn vị ${code} không thuộc tỉnh của đợt`, `unit ${code} is not in the round's provinces`);
    }
    const text = String(line.wanted).trim();
    const wanted = Number(text);
    if (!/^\d+$/.test(text) || wanted < 1 || wanted > 1_000_000) {
      problem('wanted', text, 'số phiếu cần thu phải là số nguyên từ 1 đến 1.000.000', 'the responses wanted must be a whole number from 1 to 1,000,000');
    }
    plan.push({ unitKind: kind, unitCode: code, wanted });
  });
  return { plan, issues };
}

async function store(db: Database, actorId: number | null, round: RoundRow, plan: SamplePlanRow[]): Promise<number> {
  await db.transaction(async (tx) => {
    const before = await samplePlanOf(tx, round.id);
    await replaceSamplePlan(tx, round.id, plan);
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'set_sample_plan',
        entity: 'round',
        entityId: round.code,
        field: 'sample_plan',
        oldValue: before.map((l) => `${l.unitKind}:${l.unitCode}=${l.wanted}`),
        newValue: plan.map((l) => `${l.unitKind}:${l.unitCode}=${l.wanted}`),
      },
    ]);
  });
  return plan.length;
}

/** The plan sent from the screen (JSON): every problem named by its line and field. */
export async function saveSamplePlan(db: Database, actorId: number | null, round: RoundRow, body: SamplePlanBody): Promise<number> {
  const { plan, issues } = await checkLines(db, round, body.lines);
  if (issues.length > 0) throw problems.validation(issues.map((i) => ({ path: `lines.${i.index}.${i.column}`, worded: i.worded })));
  return store(db, actorId, round, plan);
}

export const SAMPLE_PLAN_COLUMNS = ['kind', 'code', 'wanted'] as const;

export function readSamplePlanTable(bytes: Buffer, nameOrType: string): Promise<Table> {
  return readTable(bytes, detectFormat(nameOrType, bytes), { limits: uploadLimits.samplePlan, required: SAMPLE_PLAN_COLUMNS });
}

/** The plan uploaded as a table: every problem named by its row, column and value. */
export async function importSamplePlan(db: Database, actorId: number | null, round: RoundRow, table: Table): Promise<number> {
  const lines = table.rows.map((r) => ({ unitKind: r.cells.kind ?? '', unitCode: r.cells.code ?? '', wanted: r.cells.wanted ?? '' }));
  const { plan, issues } = await checkLines(db, round, lines);
  const columns = { unitKind: 'kind', unitCode: 'code', wanted: 'wanted' } as const;
  if (issues.length > 0) {
    const rows: RowProblem[] = issues.map((i) => rowProblem(table.rows[i.index].row, columns[i.column], i.value, i.worded.vi, i.worded.en));
    throw fileProblem(problems.samplePlanRejected({ count: rows.length }), rows);
  }
  return store(db, actorId, round, plan);
}

/** Each line of the plan with the unit's name and the accepted responses counted against it. */
export async function samplePlanWithProgress(db: Database, round: RoundRow) {
  const lines = await samplePlanProgress(db, round.id);
  const offices = new Map((await listOffices(db)).map((o) => [o.code, o.name]));
  const units = new Map(
    (
      await findLocalities(
        db,
        lines.filter((l) => l.unitKind === 'locality').map((l) => l.unitCode),
      )
    ).map((u) => [u.code, u.name]),
  );
  return lines.map((l) => ({ ...l, unitName: (l.unitKind === 'office' ? offices.get(l.unitCode) : units.get(l.unitCode)) ?? null }));
}
