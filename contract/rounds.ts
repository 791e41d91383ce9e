/** Survey rounds: the list staff screens choose from, a round with its publication, its frame. */
import { z } from 'zod';
import { respondentTypes } from './questionnaires.ts';

/** A round's life (db/schema/rounds.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree). */
export const roundStatuses = ['draft', 'open', 'closed', 'published'] as const;

export const RoundParams = z.object({ code: z.string().min(1).max(64) });

/** A round in the staff screens' lists (GET /api/rounds). */
/** The questionnaire version a round asks each respondent type: citizens always, organisations optionally. */
export const RoundQuestionnairesView = z.object({ citizen: z.string(), organisation: z.string().optional() });
export type RoundQuestionnairesView = z.output<typeof RoundQuestionnairesView>;

export const RoundSummaryView = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** The provinces the round covers, by code. */
  provinceCodes: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
  questionnaires: RoundQuestionnairesView,
  /** The index the province aims at, in percent; null without one. */
  target: z.number().nullable(),
  status: z.enum(roundStatuses),
  /** Closed rounds only: paper forms issued within the period may be keyed until keying is closed. */
  keyingClosed: z.boolean(),
});
export type RoundSummaryView = z.output<typeof RoundSummaryView>;

/** A round with results to read or published. */
export const RoundView = RoundSummaryView.extend({
  demo: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type RoundView = z.output<typeof RoundView>;

/** The round's strata: responses in each and the frame's population (null where the frame has none). */
export const FrameView = z.object({
  weighted: z.boolean(),
  strata: z.array(z.object({ stratum: z.string(), responses: z.number(), population: z.number().nullable() })),
});
export type FrameView = z.output<typeof FrameView>;

export const FrameSavedView = z.object({ strata: z.number(), population: z.number() });

// rounds: creating, editing, the sample plan and the lifecycle.

const Day = z.iso.date().describe('YYYY-MM-DD, a day in Vietnam');
const UnitCode = z.string().trim().min(1).max(16);

/** Which provinces a round covers: listed by code, or every province valid in its period (a national round). */
export const RoundProvincesInput = z.union([z.literal('all'), z.array(UnitCode).min(1).max(100)]);

export const RoundQuestionnairesInput = z.object({
  citizen: z.string().min(1).max(32).describe("The citizens' questionnaire version (required)"),
  organisation: z.string().min(1).max(32).nullable().optional().describe("The organisations' version; null or absent: the round asks citizens only"),
});

/** A new round (POST /api/rounds). It starts as a draft. */
export const RoundCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
    .describe('Letters, digits, dot, dash, underscore; e.g. LD-2026'),
  name: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  provinces: RoundProvincesInput,
  periodStart: Day,
  periodEnd: Day,
  questionnaires: RoundQuestionnairesInput,
  target: z.number().min(0).max(100).nullable().optional().describe('The SIPAS index aimed at, in percent'),
});
export type RoundCreateBody = z.input<typeof RoundCreateBody>;

/** What may change in a round (PATCH /api/rounds/:code): any field but the code; what is in use stays. */
export const RoundEditBody = RoundCreateBody.omit({ code: true }).partial();
export type RoundEditBody = z.input<typeof RoundEditBody>;

export const samplePlanUnitKinds = ['office', 'locality'] as const;

export const SamplePlanLine = z.object({
  unitKind: z.enum(samplePlanUnitKinds).describe('office: an office code; locality: a district or commune code'),
  unitCode: UnitCode,
  wanted: z.number().int().min(1).max(1_000_000),
});
/** The whole sample plan, replacing the stored one (PUT /api/rounds/:code/sample-plan). */
export const SamplePlanBody = z.object({ lines: z.array(SamplePlanLine).max(20_000) });
export type SamplePlanBody = z.input<typeof SamplePlanBody>;

export const SamplePlanProgressView = z.object({
  unitKind: z.enum(samplePlanUnitKinds),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  wanted: z.number(),
  counted: z.number().describe('Accepted responses (held ones count once accepted)'),
});

/** A round with its settings, sample plan and progress (GET /api/rounds/:code). */
export const RoundDetailView = RoundView.extend({
  keyingClosedAt: z.string().nullable(),
  counted: z.number().describe('Accepted responses of the round, every channel'),
  byChannel: z.object({ office: z.number(), online: z.number(), paper: z.number() }),
  plan: z.array(SamplePlanProgressView),
  /** Whether responses already use its questionnaires (then they may not change). */
  questionnairesInUse: z.boolean(),
});
export type RoundDetailView = z.output<typeof RoundDetailView>;

/** What the round form chooses from: provinces and stored questionnaire versions (GET /api/rounds/choices). */
export const RoundChoicesView = z.object({
  provinces: z.array(z.object({ code: z.string(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  questionnaires: z.array(z.object({ version: z.string(), title: z.string(), respondentType: z.enum(respondentTypes) })),
});
export type RoundChoicesView = z.output<typeof RoundChoicesView>;
