/** The publish checklist and the improvement plan: what the API takes and gives. */
import { z } from 'zod';
import { RowIdParam } from './fields.ts';

export const PublishWarningView = z.object({
  key: z.string().describe('Stable while the facts hold; changes when they change'),
  kind: z.enum(['held_responses', 'no_frame', 'frame_missing_strata', 'frame_empty_strata', 'unreliable_figures', 'low_response', 'results_unavailable']),
  vi: z.string(),
  en: z.string(),
});
export type PublishWarningView = z.output<typeof PublishWarningView>;
export const PublishChecklistView = z.object({ round: z.string(), warnings: z.array(PublishWarningView) });
export type PublishChecklistView = z.output<typeof PublishChecklistView>;

/** Publishing names the warnings the manager read; they must be the checklist's keys now. */
export const PublishBody = z
  .object({ acknowledgedWarnings: z.array(z.string().max(2000)).max(5000) })
  .nullish()
  .describe('Without warnings the body may be left out');
export type PublishBody = z.input<typeof PublishBody>;

const IndexCode = z
  .string()
  .regex(/^[A-Z][0-9]{1,2}(_[0-9]{1,2})?$/)
  .describe('An element (A1 … B5) or an item (A3_1 …)');
const ProvinceCode = z.string().regex(/^[0-9]{2}$/);

export const ProvinceParams = z.object({ province: ProvinceCode });
export const AgencyParams = z.object({ province: ProvinceCode, index: IndexCode });
export const AgencyBody = z.object({
  lead: z.string().trim().min(1).max(500),
  partners: z.string().trim().max(1000).default(''),
});
export type AgencyBody = z.input<typeof AgencyBody>;
export const AgencyRowView = z.object({ index: z.string(), lead: z.string(), partners: z.string(), edited: z.boolean() });
export const AgencyTableView = z.object({
  province: z.string(),
  provinceName: z.string(),
  source: z.enum(['province_plan', 'default']).describe("Where the rows not edited come from: the province's published plan, or the default table"),
  rows: z.array(AgencyRowView),
});
export type AgencyTableView = z.output<typeof AgencyTableView>;

export const planStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const PlanParams = z.object({ code: z.string().min(1).max(64), province: ProvinceCode });
export const PlanEntryParams = z.object({ id: RowIdParam });
const IsoDate = z.iso.date();
export const PlanEntryBody = z
  .object({
    agency: z.string().trim().min(1).max(500),
    actions: z.string().trim().max(4000),
    owner: z.string().trim().max(200),
    deadline: IsoDate.nullable(),
    status: z.enum(planStatuses),
  })
  .partial();
export type PlanEntryBody = z.input<typeof PlanEntryBody>;

const n = z.number().nullable();
export const FollowUpView = z.object({
  round: z.string().describe('The next published round covering the province'),
  roundName: z.string(),
  estimate: n,
  se: n,
  reliable: z.boolean(),
  difference: n,
  differenceSe: n,
  ci_low: n,
  ci_high: n,
  p_value: n,
  significant: z.boolean().nullable(),
  comparable: z.boolean().describe('False when the questionnaire versions ask the index differently: no difference is given'),
});
export type FollowUpView = z.output<typeof FollowUpView>;
export const PlanEntryView = z.object({
  id: z.number(),
  round: z.string(),
  province: z.string(),
  index: z.string(),
  reasons: z.array(z.enum(['below_target', 'fell'])),
  estimate: n,
  target: n,
  previousRound: z.string().nullable(),
  previousDifference: n,
  agency: z.string(),
  actions: z.string(),
  owner: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(planStatuses),
  updatedAt: z.string(),
  followUp: FollowUpView.nullable(),
});
export type PlanEntryView = z.output<typeof PlanEntryView>;
export const PlanView = z.object({
  round: z.string(),
  roundName: z.string(),
  roundStatus: z.string(),
  province: z.string(),
  provinceName: z.string(),
  target: n,
  previousRound: z.string().nullable(),
  nextRound: z.string().nullable(),
  /** Each index's name in the round's questionnaire (Vietnamese). */
  labels: z.record(z.string(), z.string()),
  entries: z.array(PlanEntryView),
});
export type PlanView = z.output<typeof PlanView>;
export const PlanGeneratedView = z.object({ created: z.number(), plan: PlanView });
