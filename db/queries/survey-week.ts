/**
 * The survey week of an office response: the ISO week (Vietnam time, UTC+7, e.g. `2025-W03`) the
 * respondent finished in, as the phone recorded it, else when the server received it. With the
 * office it forms the office response's PSU (server/domain/results/survey-design.ts); other
 * channels have none (null). A week, not a day: a round of six months gives an office some 26
 * PSUs — enough for its variance — while the cells the results sum stay few (offices × weeks).
 */
import { sql } from 'drizzle-orm';
import { responses } from '../schema/index.ts';

/** The instant an office response's week is of: when the respondent finished, else when it was received. */
const surveyInstant = sql<Date>`coalesce(${responses.submittedAt}, ${responses.receivedAt})`;

export const surveyWeek = sql<
  string | null
>`case when ${responses.channel} = 'office' then to_char(${surveyInstant} at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') end`;

/**
 * The Vietnam-time day of an office response's survey week (null for other channels), for the
 * microdata export, which makes the week's text itself (isoWeekOfDay): cheaper for PostgreSQL to
 * send a million of than surveyWeek's text.
 */
export const surveyDay = sql<string | null>`case when ${responses.channel} = 'office' then (${surveyInstant} at time zone 'Asia/Ho_Chi_Minh')::date end`;

const DAY_MS = 86_400_000;

/** The Monday of a day's ISO week, both as days since 1970-01-01 (a Thursday: (day + 3) mod 7 counts from Monday). */
export const mondayOfDay = (day: number): number => day - ((((day + 3) % 7) + 7) % 7);

/**
 * surveyWeek's text (`IYYY-"W"IW`) for a calendar day given as days since 1970-01-01: the ISO week,
 * Monday to Sunday, belongs to the year of its Thursday. tests/integration/microdata-places.test.ts
 * holds it to PostgreSQL's answer.
 */
export function isoWeekOfDay(day: number): string {
  const thursday = mondayOfDay(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const week = Math.floor((thursday - new Date(0).setUTCFullYear(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}
