/** Paper forms: serials issued and returned, batches, double entry, reconciliation and progress. */
import { z } from 'zod';
import { AuditEventView } from './audit.ts';
import { INTEGER_MAX, RowId, RowIdParam } from './fields.ts';
import { AnswerValue, StoredAnswers } from './responses.ts';

/** Where a numbered form stands (db/schema/paper.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree). */
export const formStatuses = ['issued', 'returned', 'keyed_once', 'keyed_twice', 'verified', 'spoiled', 'unreturned'] as const;
export type FormStatus = (typeof formStatuses)[number];

// Each answer is then checked against its question (text up to the question's length, options of its scale).
const AnswerItem = z.union([z.string().max(10_000), z.number().int().min(-INTEGER_MAX).max(INTEGER_MAX)]);
export const KeyedAnswerValue = z.union([AnswerItem, z.array(AnswerItem)]);
export type KeyedAnswerValue = z.output<typeof KeyedAnswerValue>;
const KeyedAnswers = z.record(z.string().max(64), KeyedAnswerValue);
export type KeyedAnswers = z.output<typeof KeyedAnswers>;

/** One keyer's entry of a form (also the reconciler's final values). */
export const KeyedFormBody = z.object({ profile: KeyedAnswers.default({}), answers: KeyedAnswers.default({}) });
export type KeyedFormBody = z.input<typeof KeyedFormBody>;
/** An entry as stored and shown back. */
export const KeyedFormView = z.object({ profile: StoredAnswers, answers: StoredAnswers });
export type KeyedForm = z.output<typeof KeyedFormView>;
export const EntryBody = KeyedFormBody.extend({ seconds: z.number().int().min(0).max(86_400).optional() });
export type EntryBody = z.input<typeof EntryBody>;

export const BatchParams = z.object({ id: RowIdParam });
export const FormParams = BatchParams.extend({ serial: RowIdParam });

export const IssueFormsBody = z.object({
  localityCode: z.string().min(1).max(16),
  communeCode: z.string().min(1).max(16).optional().describe('The commune the forms are filled in (a commune of the round, inside localityCode)'),
  serials: z.string().min(1).max(10_000).describe('e.g. "1-500, 601-650"'),
  target: z.number().int().min(0).max(INTEGER_MAX).optional(),
});
export type IssueFormsBody = z.input<typeof IssueFormsBody>;
export const IssuedView = z.object({ issued: z.number() });
export type IssuedView = z.output<typeof IssuedView>;

export const MarkFormsBody = z.object({ serials: z.string().min(1).max(10_000), status: z.enum(['returned', 'spoiled', 'unreturned']) });
export type MarkFormsBody = z.input<typeof MarkFormsBody>;
export const ChangedView = z.object({ changed: z.number() });
export type ChangedView = z.output<typeof ChangedView>;

export const NewBatchBody = z.object({
  code: z.string().min(1).max(40),
  serials: z.string().min(1).max(10_000),
  firstKeyerId: RowId,
  secondKeyerId: RowId,
  reconcilerId: RowId.optional(),
});
export type NewBatchBody = z.input<typeof NewBatchBody>;
export const NewBatchView = z.object({ id: z.number(), code: z.string() });
export type NewBatchView = z.output<typeof NewBatchView>;

export const StatusCountsView = z.partialRecord(z.enum(formStatuses), z.number());
export type StatusCountsView = z.output<typeof StatusCountsView>;

export const batchParts = ['first', 'second', 'reconciler'] as const;
export type BatchPart = (typeof batchParts)[number];
const MyPart = z.enum(batchParts).nullable().describe("The caller's part in the batch, if any");

export const BatchesQuery = z.object({ round: z.string().min(1).max(64).optional() });
export const BatchSummaryView = z.object({
  id: z.number(),
  code: z.string(),
  roundId: z.number(),
  round: z.string(),
  firstKeyerId: z.number(),
  secondKeyerId: z.number(),
  reconcilerId: z.number().nullable(),
  keyers: z.array(z.string()),
  reconciler: z.string().nullable(),
  myPart: MyPart,
  forms: z.number(),
  statuses: StatusCountsView,
});
export type BatchSummaryView = z.output<typeof BatchSummaryView>;

export const BatchFormView = z.object({
  serial: z.number(),
  status: z.enum(formStatuses),
  localityCode: z.string(),
  communeCode: z.string().nullable().describe('The commune the form is filled in, the PSU of its response'),
  communeName: z.string().nullable(),
  keyedByMe: z.boolean().optional(),
});
export type BatchFormView = z.output<typeof BatchFormView>;

export const BatchDetailView = z.object({
  id: z.number(),
  code: z.string(),
  round: z.string(),
  questionnaireVersion: z.string(),
  myPart: MyPart,
  forms: z.array(BatchFormView),
});
export type BatchDetailView = z.output<typeof BatchDetailView>;

export const FormHistoryView = z.object({
  serial: z.number(),
  status: z.enum(formStatuses),
  localityCode: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  responseId: z.string().nullable(),
  batch: z.object({ id: z.number(), code: z.string() }).nullable(),
  questionnaireVersion: z.string().describe("The round's questionnaire: the history names questions as its paper form prints them"),
  trail: z.array(AuditEventView),
});
export type FormHistoryView = z.output<typeof FormHistoryView>;

export const EntrySavedView = z.object({ status: z.enum(formStatuses), differences: z.number().optional() });
export type EntrySavedView = z.output<typeof EntrySavedView>;

export const FieldDifferenceView = z.object({
  field: z.string().describe('profile.sex or answers.A1_1'),
  first: AnswerValue.nullable(),
  second: AnswerValue.nullable(),
});
export type FieldDifferenceView = z.output<typeof FieldDifferenceView>;

/** Both entries of a form side by side (reconcilers only). */
export const ComparisonView = z.object({
  serial: z.number(),
  status: z.enum(formStatuses),
  first: KeyedFormView.nullable(),
  second: KeyedFormView.nullable(),
  differences: z.array(FieldDifferenceView),
});
export type ComparisonView = z.output<typeof ComparisonView>;

export const ReconciledView = z.object({ responseId: z.string() });

const KeyerTally = z.object({ id: z.number(), name: z.string(), keyed: z.number() });
export const PaperProgressView = z.object({
  round: z.string(),
  totals: StatusCountsView,
  returnedNotBatched: z.string().describe('Returned forms in no batch yet, as a serial list to paste'),
  localities: z.array(
    z.object({
      localityCode: z.string(),
      localityName: z.string(),
      issued: z.number(),
      statuses: StatusCountsView,
      target: z.number().nullable(),
      verifiedShareOfTarget: z.number().nullable(),
    }),
  ),
  batches: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      forms: z.number(),
      statuses: StatusCountsView,
      firstKeyer: KeyerTally,
      secondKeyer: KeyerTally,
      reconcilerId: z.number().nullable(),
    }),
  ),
  keyers: z.array(
    z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      formsKeyed: z.number(),
      formsCompared: z.number(),
      formsIdentical: z.number(),
      fieldAgreement: z.number().nullable().describe('Share of fields agreeing with the other keyer, over forms both keyed'),
      formsPerHour: z.number().nullable(),
    }),
  ),
});
export type PaperProgressView = z.output<typeof PaperProgressView>;
