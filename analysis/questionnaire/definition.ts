/**
 * A questionnaire version is data: every question, scale, skip rule and aggregation weight is
 * described here and stored as JSON, so a new official wording is entered, not coded.
 */
import { z } from 'zod';

export const LocalizedText = z.object({ vi: z.string().min(1), en: z.string().optional() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const OptionValue = z.union([z.string().min(1), z.number().int()]);
export type OptionValue = z.infer<typeof OptionValue>;

export const ScaleOption = z.object({ value: OptionValue, label: LocalizedText });
export type ScaleOption = z.infer<typeof ScaleOption>;

export const Scale = z.object({ code: z.string(), options: z.array(ScaleOption).min(2) });
export type Scale = z.infer<typeof Scale>;

/** A skip rule: a question (or section) is shown only when its condition holds. */
export type Condition =
  | { question: string; equals: OptionValue }
  | { question: string; in: OptionValue[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: z.string(), equals: OptionValue }).strict(),
    z.object({ question: z.string(), in: z.array(OptionValue).min(1) }).strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

/**
 * What a question is for. `satisfaction` items feed the indices; `profile` questions describe the
 * respondent (and become microdata columns); `screening` questions drive skip rules.
 */
export const QuestionRole = z.enum(['profile', 'screening', 'satisfaction', 'opinion', 'expectation', 'comment']);
export type QuestionRole = z.infer<typeof QuestionRole>;

export const Question = z.object({
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  role: QuestionRole,
  /** rating: one value of an ordered numeric scale; single/multi: choices; text: free text. */
  type: z.enum(['rating', 'single', 'multi', 'text']),
  scale: z.string().optional(),
  text: LocalizedText,
  /** The number printed beside the question on the paper form ("Câu 4", "I.2"): staff screens name questions by it. */
  number: z.string().min(1).max(20).optional(),
  hint: LocalizedText.optional(),
  required: z.boolean().default(false),
  showIf: Condition.optional(),
  maxLength: z.number().int().positive().optional(),
  /** For opinion questions tied to one satisfaction item (e.g. interest in the policy of A3_4). */
  relatesTo: z.string().optional(),
});
export type Question = z.infer<typeof Question>;

export const Section = z.object({
  code: z.string(),
  title: LocalizedText,
  description: LocalizedText.optional(),
  questions: z.array(z.string()).min(1),
  showIf: Condition.optional(),
});
export type Section = z.infer<typeof Section>;

export const Element = z.object({
  code: z.string().regex(/^[A-Z][0-9]+$/),
  part: z.string(),
  label: LocalizedText,
  items: z.array(z.string()).min(1),
});
export type Element = z.infer<typeof Element>;

export const Part = z.object({ code: z.string(), label: LocalizedText, elements: z.array(z.string()).min(1) });
export type Part = z.infer<typeof Part>;

/**
 * How indices are built from answers. Element and part indices are weighted means of their
 * members' indices (equal weights unless given); the overall index weights the parts.
 */
export const Aggregation = z.object({
  /** Scale values that count as "satisfied" in an item index. */
  satisfiedValues: z.array(z.number().int()).min(1),
  /** Scale values that are valid answers (the denominator); anything else is missing. */
  validValues: z.array(z.number().int()).min(2),
  elementWeights: z.record(z.string(), z.number().positive()).optional(),
  overall: z.object({ code: z.string(), weights: z.record(z.string(), z.number().positive()) }),
  /**
   * A composite whose component has no valid answer in a domain: `reweight` (default) averages the
   * components present, weights rescaled; `require` leaves the composite empty (analysis/estimation/composites.ts).
   */
  emptyComponents: z.enum(['reweight', 'require']).optional(),
});
export type Aggregation = z.infer<typeof Aggregation>;

/**
 * Who a questionnaire is for. SIPAS has always asked citizens (người dân) and organisations and
 * businesses (tổ chức, doanh nghiệp) with separate forms; their results are never pooled.
 */
export const respondentTypes = ['citizen', 'organisation'] as const;
export const RespondentType = z.enum(respondentTypes);
export type RespondentType = z.infer<typeof RespondentType>;

export const QuestionnaireDefinition = z.object({
  version: z.string().regex(/^[A-Za-z0-9._-]+$/),
  /** Whom the form is for; versions written before organisations had their own form are citizens'. */
  respondentType: RespondentType.default('citizen'),
  title: LocalizedText,
  intro: LocalizedText.optional(),
  scales: z.array(Scale),
  questions: z.array(Question).min(1),
  sections: z.array(Section).min(1),
  parts: z.array(Part).min(1),
  elements: z.array(Element).min(1),
  aggregation: Aggregation,
});
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;
/** What authors write: defaults (e.g. `required`) may be left out. */
export type QuestionnaireInput = z.input<typeof QuestionnaireDefinition>;
