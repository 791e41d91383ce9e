/**
 * Questionnaire versions as the API sends them: in every language they have (to the survey page,
 * which lets the citizen switch), or in one (?lang=en, to staff screens). The stored definition is
 * checked by its own schema (analysis/questionnaire/definition.ts); these say what a reader gets,
 * and are typed as that definition so that a change to it breaks the build here first.
 */
import { z } from 'zod';
import type { Condition, QuestionnaireDefinition } from '../analysis/questionnaire/definition.ts';
import type { LocalizedQuestionnaire } from '../analysis/questionnaire/localize.ts';

export const languages = ['vi', 'en'] as const;
export const LanguageQuery = z.object({ lang: z.enum(languages).optional() });

export const QuestionnaireParams = z.object({ version: z.string().min(1).max(32) });
export const QuestionnaireSummaryView = z.object({ version: z.string(), title: z.string(), respondentType: z.enum(['citizen', 'organisation']) });
export type QuestionnaireSummaryView = z.output<typeof QuestionnaireSummaryView>;

const OptionValue = z.union([z.string(), z.number().int()]);
const ConditionView: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: z.string(), equals: OptionValue }),
    z.object({ question: z.string(), in: z.array(OptionValue) }),
    z.object({ all: z.array(ConditionView) }),
    z.object({ any: z.array(ConditionView) }),
    z.object({ not: ConditionView }),
  ]),
);

/** Whom a questionnaire is for: citizens (người dân) or organisations and businesses (tổ chức, doanh nghiệp). */
export const respondentTypes = ['citizen', 'organisation'] as const;
export type RespondentType = (typeof respondentTypes)[number];

/** The shape of a questionnaire whatever its texts are: both languages, or one. */
function questionnaireOf<Text extends z.ZodType>(text: Text) {
  const weights = z.record(z.string(), z.number());
  return z.object({
    version: z.string(),
    respondentType: z.enum(respondentTypes),
    title: text,
    intro: text.optional(),
    scales: z.array(z.object({ code: z.string(), options: z.array(z.object({ value: OptionValue, label: text })) })),
    questions: z.array(
      z.object({
        code: z.string(),
        role: z.enum(['profile', 'screening', 'satisfaction', 'opinion', 'expectation', 'comment']),
        type: z.enum(['rating', 'single', 'multi', 'text']),
        scale: z.string().optional(),
        text,
        number: z.string().optional().describe('The number printed beside the question on the paper form'),
        hint: text.optional(),
        required: z.boolean().default(false),
        showIf: ConditionView.optional(),
        maxLength: z.number().int().optional(),
        relatesTo: z.string().optional(),
      }),
    ),
    sections: z.array(
      z.object({ code: z.string(), title: text, description: text.optional(), questions: z.array(z.string()), showIf: ConditionView.optional() }),
    ),
    parts: z.array(z.object({ code: z.string(), label: text, elements: z.array(z.string()) })),
    elements: z.array(z.object({ code: z.string(), part: z.string(), label: text, items: z.array(z.string()) })),
    aggregation: z.object({
      satisfiedValues: z.array(z.number().int()),
      validValues: z.array(z.number().int()),
      elementWeights: weights.optional(),
      partWeights: weights.optional(),
      overall: z.object({ code: z.string(), weights }),
      emptyComponents: z.enum(['reweight', 'require']).optional(),
    }),
  });
}

/** A questionnaire version in every language it has: each text `{ vi, en? }`. */
export const QuestionnaireDefinitionView: z.ZodType<QuestionnaireDefinition> = questionnaireOf(z.object({ vi: z.string(), en: z.string().optional() }));
export type QuestionnaireDefinitionView = QuestionnaireDefinition;

/** A questionnaire version in one language: English where a text has it, Vietnamese otherwise. */
export const LocalizedQuestionnaireView: z.ZodType<LocalizedQuestionnaire> = questionnaireOf(z.string()).extend({ language: z.enum(languages) });
export type LocalizedQuestionnaireView = LocalizedQuestionnaire;

/** A version as admins see it: whom it asks, what uses it, whether it may still change. */
export const QuestionnaireVersionView = z.object({
  version: z.string(),
  title: z.string(),
  respondentType: z.enum(respondentTypes),
  createdAt: z.string(),
  rounds: z.array(z.string()).describe('Rounds that use it'),
  responses: z.number().int().describe('Responses stored under it'),
  seeded: z.boolean().describe('Shipped with the platform'),
  locked: z.boolean().describe('Shipped, or used by a round or a response: its content can no longer change'),
});
export type QuestionnaireVersionView = z.output<typeof QuestionnaireVersionView>;

export const QuestionnaireStoredView = z.object({ version: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) });
export type QuestionnaireStoredView = z.output<typeof QuestionnaireStoredView>;

export const QuestionnaireFileQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
