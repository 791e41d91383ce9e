/**
 * The sampling design of stored responses, as data every estimate and every microdata file uses:
 *
 *  - stratum = locality × channel: the response's district (or, where a round has no districts —
 *    the two-tier local government from 07/2025 — its province) and the channel, e.g. `660-office`;
 *  - PSU (primary sampling unit) = the office's survey week for office responses: every office of
 *    the province is surveyed (offices are not drawn), and what is sampled at an office is the
 *    people served in the weeks the survey runs — the respondents of one office in one ISO week
 *    (Vietnam time) are one cluster. So an office's own figure rests on as many PSUs as it has
 *    survey weeks and its variance can be estimated (with the office as PSU it never could: one
 *    PSU); a district's office figure rests on all its offices' weeks. The commune of the form for paper
 *    responses (or the form's district when it names no commune: forms are handed out locality by
 *    locality), and each response on its own online (an online link samples people, not places).
 *
 * A frame gives each stratum's population N_h (people for paper and online, files processed at the
 * office for office strata); the design weight is N_h / n_h. Without a frame every weight is 1.
 */
import type { ResultLevel } from '../../../contract/results.ts';
import type { Channel } from '../../../db/schema/responses.ts';

export interface DesignFacts {
  id: string;
  channel: Channel;
  officeCode: string | null;
  province: string;
  district: string | null;
  commune: string | null;
  /** Office responses: the survey week, e.g. 2025-W03, ISO week in Vietnam time (db/queries/survey-week.ts). */
  week?: string | null;
}

export function stratumOf(r: Pick<DesignFacts, 'channel' | 'province' | 'district'>): string {
  return `${r.district ?? r.province}-${r.channel}`;
}

export function psuOf(r: DesignFacts): string {
  if (r.channel === 'online') return r.id;
  if (r.channel === 'office' && r.officeCode) return r.week ? `${r.officeCode}@${r.week}` : r.officeCode;
  return r.commune ?? r.district ?? r.province;
}

/** The levels a results request may group by, from the widest: the API's own list. */
export type { ResultLevel } from '../../../contract/results.ts';

/** The code of the one group of the `national` level. */
export const NATIONAL = 'national';

/** A response's domain code at a level ('' when it has no unit at that level: paper and online responses have no office). */
export function domainOf(level: ResultLevel, r: Pick<DesignFacts, 'province' | 'district' | 'commune' | 'officeCode'>): string {
  if (level === 'all') return 'all';
  if (level === 'national') return NATIONAL;
  if (level === 'office') return r.officeCode ?? '';
  return r[level] ?? '';
}
