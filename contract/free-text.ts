/**
 * Citizens' free answers (comments, "other — specify", expectations in their own words): the list
 * analysts read with filters and search, the categories they tag answers into, and the counts.
 * Personal data in the text is masked by the server unless the reader is cleared to see it.
 */
import { z } from 'zod';
import { RowIdParam } from './fields.ts';
import { respondentTypes } from './questionnaires.ts';
import { RoundParams } from './rounds.ts';

/** The longest search accepted: longer than any phrase worth looking for, short of any abuse. */
export const SEARCH_MAX = 200;

const respondentType = z.enum(respondentTypes).default('citizen').describe('citizen (người dân, the default) or organisation (tổ chức, doanh nghiệp)');
const Code = z.string().trim().min(1).max(64);

/** What narrows the answers: every filter is optional and they combine. */
export const FreeTextFilters = z.object({
  respondentType,
  locality: z.string().trim().min(1).max(16).optional().describe('A province, district or commune code: answers from there and below'),
  office: Code.optional().describe('An office code'),
  item: Code.optional().describe('A free-text question of the round, by its code (comment, ethnicity_other …)'),
  category: z
    .union([z.literal('none'), RowIdParam])
    .optional()
    .describe('A category id: answers tagged with it; none: answers not tagged yet'),
  q: z
    .string()
    .max(SEARCH_MAX)
    .optional()
    .describe('Words to find in the text, with or without diacritics, in any case; in masked text for readers not cleared'),
});
export type FreeTextFilters = z.output<typeof FreeTextFilters>;

export const FreeTextListQuery = FreeTextFilters.extend({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FreeTextListQuery = z.output<typeof FreeTextListQuery>;

export const countLevels = ['province', 'district', 'commune', 'office'] as const;
export const FreeTextCountsQuery = FreeTextFilters.extend({
  by: z.enum(countLevels).default('district').describe('What each row of counts is: a province, district, commune or office'),
});
export type FreeTextCountsQuery = z.output<typeof FreeTextCountsQuery>;

const Place = z.object({ code: z.string(), name: z.string() });

export const FreeAnswerView = z.object({
  responseId: z.string(),
  item: z.string().describe('The question answered'),
  text: z.string().describe('As written, or with personal data masked ([SĐT], [HỌ TÊN] …) for readers not cleared'),
  channel: z.string(),
  office: Place.nullable(),
  province: Place,
  district: Place.nullable(),
  commune: Place.nullable(),
  receivedAt: z.string(),
  categories: z.array(z.number()).describe('Ids of the categories the answer is tagged with'),
});
export type FreeAnswerView = z.output<typeof FreeAnswerView>;

export const FreeTextItemView = z.object({ code: z.string(), vi: z.string(), en: z.string().nullable() });
export const CategoryView = z.object({ id: z.number(), name: z.string() });
export type CategoryView = z.output<typeof CategoryView>;
export const CategoryCountView = CategoryView.extend({ count: z.number().describe('Answers matching the filters tagged with it') });

export const FreeAnswersView = z.object({
  round: z.string(),
  respondentType: z.enum(respondentTypes),
  clear: z.boolean().describe('Whether the reader sees personal data; false: it is masked'),
  items: z.array(FreeTextItemView).describe('The free-text questions of the questionnaire'),
  total: z.number().describe('Answers matching every filter'),
  page: z.number(),
  pageSize: z.number(),
  categories: z.array(CategoryCountView).describe('Every category of the round, with the answers matching the other filters'),
  untagged: z.number().describe('Answers matching the other filters with no category'),
  answers: z.array(FreeAnswerView),
});
export type FreeAnswersView = z.output<typeof FreeAnswersView>;

export const FreeTextCountsView = z.object({
  by: z.enum(countLevels),
  categories: z.array(CategoryView),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      total: z.number(),
      untagged: z.number(),
      counts: z.array(z.number()).describe('Answers tagged with each category, in the order of `categories`'),
    }),
  ),
});
export type FreeTextCountsView = z.output<typeof FreeTextCountsView>;

export const CategoryBody = z.object({ name: z.string().trim().min(1).max(80).describe('The category, as analysts name it') });
export type CategoryBody = z.input<typeof CategoryBody>;
export const CategoryParams = RoundParams.extend({ id: RowIdParam });
export const CategoryDeletedView = z.object({ id: z.number(), untagged: z.number().describe('Answers the category was taken off') });

export const AnswerTagParams = RoundParams.extend({ responseId: z.uuid(), item: Code, id: RowIdParam });
export const AnswerTagsView = z.object({ responseId: z.string(), item: z.string(), categories: z.array(z.number()) });
export type AnswerTagsView = z.output<typeof AnswerTagsView>;
