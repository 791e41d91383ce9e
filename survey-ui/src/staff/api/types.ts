/**
 * What the staff API takes and sends back, under the names the screens use: every type here is the
 * contract's own (contract/, inferred from the schemas the server checks its replies with), so a
 * field changed there breaks the build here. Types only: no zod in the staff bundle.
 */
export type {
  AccountChangeBody,
  FirstAdminBody,
  LogInBody,
  NewUserBody,
  OwnPasswordBody,
  PasswordResetView as PasswordReset,
  RedeemResetBody,
  Role,
  SetupStatusView as SetupStatus,
  StaffAccountView as StaffAccount,
  SessionView as Session,
  StaffUserView as StaffUser,
} from '../../../../contract/accounts.ts';
export type { AuditEventView as AuditEvent } from '../../../../contract/audit.ts';
export type { QuestionnaireStoredView as QuestionnaireStored, QuestionnaireVersionView as QuestionnaireVersion } from '../../../../contract/questionnaires.ts';
export type { LinkActiveBody, OfficeLinkView as OfficeLink } from '../../../../contract/links.ts';
export type {
  CreateLocalityBody,
  LocalityView as Locality,
  MappingBody,
  MappingView as Mapping,
  UnitLevel,
  UnitView as Unit,
  MappingsImportedView as MappingsImported,
  UnitsImportedView as UnitsImported,
} from '../../../../contract/localities.ts';
export type {
  CreateOfficeBody,
  OfficeLevel,
  OfficesImportedView as OfficesImported,
  OfficeView as Office,
} from '../../../../contract/offices.ts';
export type {
  BatchDetailView as BatchDetail,
  BatchFormView as BatchForm,
  BatchPart,
  BatchSummaryView as BatchSummary,
  ChangedView as Changed,
  ComparisonView as Comparison,
  FormHistoryView as FormHistory,
  FormStatus,
  IssuedView as Issued,
  IssueFormsBody,
  KeyedForm,
  MarkFormsBody,
  NewBatchBody,
  NewBatchView as NewBatch,
  PaperProgressView as Progress,
  StatusCountsView as StatusCounts,
} from '../../../../contract/paper-forms.ts';
export type { RowProblemView as ImportProblem } from '../../../../contract/problems.ts';
export type {
  FlagFactsView as FlagFacts,
  FlaggedResponseView as FlaggedResponse,
  ReviewBody,
  ReviewDecision,
} from '../../../../contract/response-review.ts';
export type { AnswerValue } from '../../../../contract/responses.ts';
export type {
  RoundChoicesView as RoundChoices,
  RoundCreateBody,
  RoundDetailView as RoundDetail,
  RoundSummaryView as Round,
  RoundView,
  SamplePlanBody,
} from '../../../../contract/rounds.ts';
// free text
export type {
  FreeAnswersView as FreeAnswers,
  FreeAnswerView as FreeAnswer,
  FreeTextCountsView as FreeTextCounts,
} from '../../../../contract/free-text.ts';
