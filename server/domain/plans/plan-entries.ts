/**
 * A province's improvement plan after a published round (kế hoạch cải thiện, nâng cao chỉ số):
 * one entry per index below the round's target or fallen significantly since the previous
 * comparable round (plan-rules.ts), led by the agency its table names, with the actions, who
 * answers for them, a deadline and a status that managers keep up to date. Once a later round is
 * published, each entry shows the index's new figure and its change, with SE, interval and
 * significance, beside the actions taken. Every change is audited.
 */
import type { PlanEntryBody, PlanEntryView, PlanView } from '../../../contract/plans.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { findPlanEntry, insertPlanEntries, planEntriesOf, updatePlanEntry, type PlanEntryRow } from '../../../db/queries/plans.ts';
import { roundById, type RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { questionnaireOfRound } from '../results/results.ts';
import { agencyFor } from './agency-tables.ts';
import { indexLabels } from './index-labels.ts';
import { agencyRows, provinceOrFail } from './lead-agencies.ts';
import { planCandidates } from './plan-rules.ts';
import { changesBetween, nextPublishedRound, previousPublishedRound, provinceIndices, type IndexChange } from './round-pairs.ts';

function checkProvince(round: RoundRow, province: string) {
  if (!round.provinceCodes.includes(province)) throw problems.provinceNotInRound({ code: round.code, province });
}

/** Adds an entry for every index the rule puts on the plan and the plan does not hold yet; returns how many. */
export async function generatePlan(db: Database, actorId: number | null, round: RoundRow, provinceCode: string): Promise<number> {
  if (round.status !== 'published') throw problems.planNeedsPublishedRound({ code: round.code });
  await provinceOrFail(db, provinceCode);
  checkProvince(round, provinceCode);
  const indices = (await provinceIndices(db, round, provinceCode)) ?? [];
  const previous = await previousPublishedRound(db, round, provinceCode);
  const changes = previous ? ((await changesBetween(db, previous, round, provinceCode)) ?? []) : [];
  const { rows } = await agencyRows(db, provinceCode);
  const candidates = planCandidates(
    rows.map((r) => r.index),
    indices,
    round.target,
    changes.filter((c) => c.comparable),
  );
  return db.transaction(async (tx) => {
    const added = await insertPlanEntries(
      tx,
      candidates.map((c) => ({
        roundId: round.id,
        provinceCode,
        indexCode: c.index,
        reasons: c.reasons,
        estimate: c.estimate,
        target: c.target,
        previousRound: previous?.code ?? null,
        previousDifference: c.previousDifference,
        agency: agencyFor(rows, c.index)?.lead ?? '',
        createdBy: actorId,
      })),
    );
    if (added > 0) {
      await recordAudit(tx, [
        {
          userId: actorId,
          action: 'create_plan_entries',
          entity: 'plan',
          entityId: `${round.code}/${provinceCode}`,
          field: 'entries',
          oldValue: null,
          newValue: candidates.map((c) => `${c.index}: ${c.reasons.join('+')}`),
        },
      ]);
    }
    return added;
  });
}

function entryView(round: RoundRow, row: PlanEntryRow, followUp: PlanEntryView['followUp']): PlanEntryView {
  return {
    id: row.id,
    round: round.code,
    province: row.provinceCode,
    index: row.indexCode,
    reasons: row.reasons as PlanEntryView['reasons'],
    estimate: row.estimate,
    target: row.target,
    previousRound: row.previousRound,
    previousDifference: row.previousDifference,
    agency: row.agency,
    actions: row.actions,
    owner: row.owner,
    deadline: row.deadline,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    followUp,
  };
}

function followUpOf(next: RoundRow, change: IndexChange | undefined): PlanEntryView['followUp'] {
  return {
    round: next.code,
    roundName: next.name,
    estimate: change?.estimate ?? null,
    se: change?.se ?? null,
    reliable: change?.reliable ?? false,
    difference: change?.difference ?? null,
    differenceSe: change?.se_difference ?? null,
    ci_low: change?.ci_low ?? null,
    ci_high: change?.ci_high ?? null,
    p_value: change?.p_value ?? null,
    significant: change?.significant ?? null,
    comparable: change?.comparable ?? false,
  };
}

export async function planOf(db: Database, round: RoundRow, provinceCode: string): Promise<PlanView> {
  const province = await provinceOrFail(db, provinceCode);
  checkProvince(round, provinceCode);
  const rows = await planEntriesOf(db, round.id, provinceCode);
  const previous = await previousPublishedRound(db, round, provinceCode);
  const next = round.status === 'published' ? await nextPublishedRound(db, round, provinceCode) : undefined;
  const changes = next && rows.length > 0 ? await changesBetween(db, round, next.round, next.province) : undefined;
  const changeOf = new Map((changes ?? []).map((c) => [c.index, c]));
  return {
    round: round.code,
    roundName: round.name,
    roundStatus: round.status,
    province: province.code,
    provinceName: province.name,
    target: round.target,
    previousRound: previous?.code ?? null,
    nextRound: next?.round.code ?? null,
    labels: indexLabels(await questionnaireOfRound(db, round)),
    entries: rows.map((row) => entryView(round, row, next ? followUpOf(next.round, changeOf.get(row.indexCode)) : null)),
  };
}

const editable = ['agency', 'actions', 'owner', 'deadline', 'status'] as const;

export async function editPlanEntry(db: Database, actorId: number | null, id: number, body: PlanEntryBody): Promise<PlanEntryView> {
  const before = await findPlanEntry(db, id);
  if (!before) throw problems.planEntryNotFound({ id });
  const values: Parameters<typeof updatePlanEntry>[2] = {};
  for (const field of editable) {
    const value = body[field];
    if (value === undefined) continue;
    const next = typeof value === 'string' && field !== 'status' && field !== 'deadline' ? value.normalize('NFC').trim() : value;
    if (next !== before[field]) Object.assign(values, { [field]: next });
  }
  const changed = Object.keys(values) as Array<(typeof editable)[number]>;
  if (changed.length > 0) {
    await db.transaction(async (tx) => {
      await updatePlanEntry(tx, id, values);
      await recordAudit(
        tx,
        changed.map((field) => ({
          userId: actorId,
          action: 'edit_plan_entry',
          entity: 'plan_entry',
          entityId: String(id),
          field,
          oldValue: before[field],
          newValue: values[field] ?? null,
        })),
      );
    });
  }
  const round = (await roundById(db, before.roundId))!;
  const plan = await planOf(db, round, before.provinceCode);
  return plan.entries.find((e) => e.id === id)!;
}
