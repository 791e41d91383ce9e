/** Responses held for review by plausibility checks, and a reviewer's decision on each. */
import { z } from 'zod';

export const reviewDecisions = ['accepted', 'excluded'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** The facts a flag rests on, stored with the response and worded on the flags screen. */
export const FlagFactsView = z.object({
  seconds: z.number().optional().describe('too_fast: seconds between opening and sending'),
  answered: z.number().optional().describe('too_fast: questions answered'),
  timing: z.enum(['missing', 'future', 'reversed', 'before_round']).optional().describe("implausible_time: which of the phone's times cannot be true"),
  minutes: z.number().optional().describe('implausible_time: by how much'),
  submittedAt: z.string().optional().describe('late_delivery: when the phone finished'),
  closedAt: z.string().optional().describe('late_delivery: when the link or round had closed'),
  similar: z.number().optional().describe('identical_burst: near-identical responses through the same link in the window'),
  maxDifferent: z.number().optional().describe('identical_burst: the most differing ratings'),
  deviceCount: z.number().optional().describe('device_burst: responses from this device in the window, this one included'),
  windowMinutes: z.number().optional(),
});
export type FlagFactsView = z.output<typeof FlagFactsView>;

export const ReviewView = z.object({ decision: z.enum(reviewDecisions), by: z.string().nullable(), at: z.string() });

export const FlaggedResponseView = z.object({
  id: z.string(),
  channel: z.string(),
  office: z.object({ code: z.string(), name: z.string() }).nullable(),
  flags: z.array(z.string()),
  facts: FlagFactsView.describe(
    "The facts behind the flags: seconds taken and questions answered, which time is implausible, similar responses, the device's count…",
  ),
  status: z.string(),
  receivedAt: z.string(),
  seconds: z.number().nullable().describe('Time between opening and sending the survey, when the phone reported both'),
  rated: z.number().describe('Satisfaction items rated'),
  distinctRatings: z.number().describe('Different ratings they used'),
  review: ReviewView.nullable(),
});
export type FlaggedResponseView = z.output<typeof FlaggedResponseView>;

export const ResponseIdParams = z.object({ id: z.uuid() });
export const ReviewBody = z.object({ decision: z.enum(reviewDecisions) });
export type ReviewBody = z.input<typeof ReviewBody>;
export const ReviewedView = z.object({ id: z.string(), status: z.enum(reviewDecisions) });
export type ReviewedView = z.output<typeof ReviewedView>;
