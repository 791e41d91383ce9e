/** What the staff API sends back, as the screens use it. */
import type { Action } from '../../../../contract/permissions.ts';

export type Role = 'admin' | 'manager' | 'keyer' | 'analyst';
export type FormStatus = 'issued' | 'returned' | 'keyed_once' | 'keyed_twice' | 'verified' | 'spoiled' | 'unreturned';
export type AnswerValue = string | number | Array<string | number>;
export type AnswerMap = Record<string, AnswerValue>;

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
}

/** An account as the Users screen lists it. */
export interface StaffAccount extends StaffUser {
  /** Until when repeated failed log-ins hold back further ones (ISO 8601), or null. */
  logInBlockedUntil: string | null;
}

export interface Session {
  user: StaffUser;
  csrfToken: string;
  /** What the user's role may do (contract/permissions.ts). */
  actions: Action[];
}

export interface Round {
  code: string;
  name: string;
  provinceCode: string;
  periodStart: string;
  periodEnd: string;
  questionnaireVersion: string;
  status: 'draft' | 'open' | 'closed' | 'published';
}

export interface Locality {
  code: string;
  name: string;
  level: string;
}

export type BatchPart = 'first' | 'second' | 'reconciler';
export type StatusCounts = Partial<Record<FormStatus, number>>;

export interface BatchSummary {
  id: number;
  code: string;
  round: string;
  keyers: string[];
  reconciler: string | null;
  myPart: BatchPart | null;
  forms: number;
  statuses: StatusCounts;
}

export interface BatchForm {
  serial: number;
  status: FormStatus;
  localityCode: string;
  keyedByMe?: boolean;
}

export interface BatchDetail {
  id: number;
  code: string;
  round: string;
  questionnaireVersion: string;
  myPart: BatchPart | null;
  forms: BatchForm[];
}

export interface KeyedForm {
  profile: AnswerMap;
  answers: AnswerMap;
}

export interface FieldDifference {
  field: string;
  first: AnswerValue | null;
  second: AnswerValue | null;
}

export interface Comparison {
  serial: number;
  status: FormStatus;
  first: KeyedForm | null;
  second: KeyedForm | null;
  differences: FieldDifference[];
}

export interface AuditEvent {
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

export interface FormHistory {
  serial: number;
  status: FormStatus;
  localityCode: string;
  responseId: string | null;
  batch: { id: number; code: string } | null;
  trail: AuditEvent[];
}

export interface Progress {
  round: string;
  totals: StatusCounts;
  returnedNotBatched: string;
  localities: Array<{ localityCode: string; localityName: string; issued: number; statuses: StatusCounts; target: number | null; verifiedShareOfTarget: number | null }>;
  batches: Array<{
    id: number; code: string; forms: number; statuses: StatusCounts;
    firstKeyer: { id: number; name: string; keyed: number }; secondKeyer: { id: number; name: string; keyed: number }; reconcilerId: number | null;
  }>;
  keyers: Array<{
    id: number; username: string; displayName: string; formsKeyed: number; formsCompared: number; formsIdentical: number;
    fieldAgreement: number | null; formsPerHour: number | null;
  }>;
}

export interface OfficeLink {
  token: string;
  /** An office's QR link, or the round's online link (office null). */
  channel: 'office' | 'online';
  active: boolean;
  open: boolean;
  state: 'open' | 'not_started' | 'ended' | 'closed';
  office: { code: string; name: string; localityCode: string } | null;
  surveyUrl: string;
  /** False when the server has no public address set: surveyUrl is its own, local one. */
  publicUrlConfigured: boolean;
  posterPath: string;
}

export type ReviewDecision = 'accepted' | 'excluded';

/** What the server found behind a response's flags (server/domain/response-flags.ts). */
export interface FlagFacts {
  seconds?: number;
  answered?: number;
  timing?: 'missing' | 'future' | 'reversed' | 'before_round';
  minutes?: number;
  submittedAt?: string;
  closedAt?: string;
  similar?: number;
  maxDifferent?: number;
  deviceCount?: number;
  windowMinutes?: number;
}

export interface FlaggedResponse {
  id: string;
  channel: string;
  office: { code: string; name: string } | null;
  flags: string[];
  facts: FlagFacts;
  status: string;
  receivedAt: string;
  seconds: number | null;
  rated: number;
  distinctRatings: number;
  review: { decision: ReviewDecision; by: string | null; at: string } | null;
}

export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}
