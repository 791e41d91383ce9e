/** Survey links: what an office's QR code or the round's online link opens, and how a manager handles them. */
import { z } from 'zod';
import { LocalityChoiceView } from './localities.ts';
import { QuestionnaireDefinitionView, respondentTypes } from './questionnaires.ts';

/** db/schema/links.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree. */
export const linkChannels = ['office', 'online'] as const;

/** Whether a link takes responses now, and if not, why. */
export const windowStates = ['open', 'not_started', 'ended', 'closed'] as const;

export const LinkParams = z.object({ token: z.string().min(8).max(64) });
// The survey page asks for the questionnaire in the same request: one round trip fewer on a slow network.
export const LinkQuery = z.object({
  include: z.literal('questionnaire').optional(),
  lang: z.enum(['vi', 'en']).optional(),
  respondentType: z.enum(respondentTypes).optional().describe("Which of the round's questionnaires to include (default: the citizens')"),
});

const OfficeOfLink = z.object({ code: z.string(), name: z.string(), localityCode: z.string() }).nullable().describe('Null for the online link');

/** What a citizen's phone reads before the survey (GET /api/links/:token). */
export const SurveyLinkView = z.object({
  token: z.string(),
  channel: z.enum(linkChannels).describe("An office link (QR code: office and locality set) or the round's online link (the citizen gives their locality)"),
  open: z.boolean().describe('False when the link or its office was closed, the round is not open, or today is outside its days: the survey says so politely'),
  state: z.enum(windowStates),
  round: z.object({
    code: z.string(),
    name: z.string(),
    /** The version for each respondent type: with an organisations' version, the phone first asks who answers. */
    questionnaires: z.object({ citizen: z.string(), organisation: z.string().optional() }),
    provinceCodes: z.array(z.string()),
    periodStart: z.string(),
    periodEnd: z.string(),
  }),
  office: OfficeOfLink,
  localities: z
    .array(LocalityChoiceView)
    .optional()
    .describe(
      'With ?include=questionnaire on an open online link: the provinces of the round and their districts and communes valid in its period, for the citizen to choose from',
    ),
  questionnaire: QuestionnaireDefinitionView.optional().describe(
    "With ?include=questionnaire on an open link: the round's questionnaire for the respondent type asked (citizens by default) in every language it has",
  ),
});
export type SurveyLinkView = z.output<typeof SurveyLinkView>;

/** A link as a survey manager handles it: its address, poster and state. */
export const OfficeLinkView = z.object({
  token: z.string(),
  channel: z.enum(linkChannels).describe("An office link (QR poster) or the round's online link (portal, Zalo, SMS)"),
  active: z.boolean(),
  open: z.boolean().describe("Whether citizens can answer now: link, office and round open, within the round's days"),
  state: z.enum(windowStates),
  office: OfficeOfLink,
  surveyUrl: z.string().describe("The address the QR code carries: SIPAS_PUBLIC_URL, never the request's Host"),
  publicUrlConfigured: z.boolean().describe("False when SIPAS_PUBLIC_URL is not set: surveyUrl is this server's own address, not a public one"),
  printable: z
    .boolean()
    .describe('Whether its poster may be printed: SIPAS_PUBLIC_URL is set and names a public host (not localhost, a private address or a local name)'),
  posterPath: z.string().describe('The print-ready A4 poster with the QR code'),
});
export type OfficeLinkView = z.output<typeof OfficeLinkView>;

export const LinkActiveBody = z.object({ active: z.boolean() });
export type LinkActiveBody = z.input<typeof LinkActiveBody>;
