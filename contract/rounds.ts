/** Survey rounds: the list staff screens choose from, a round with its publication, its frame. */
import { z } from 'zod';

/** A round's life (db/schema/rounds.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree). */
export const roundStatuses = ['draft', 'open', 'closed', 'published'] as const;

export const RoundParams = z.object({ code: z.string().min(1).max(64) });

/** A round in the staff screens' lists (GET /api/rounds). */
export const RoundSummaryView = z.object({
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  questionnaireVersion: z.string(),
  status: z.enum(roundStatuses),
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
