/**
 * The survey week of an office response: the ISO week (Vietnam time, UTC+7, e.g. `2025-W03`) the
 * respondent finished in, as the phone recorded it, else when the server received it. With the
 * office it forms the office response's PSU (server/domain/results/survey-design.ts); other
 * channels have none (null). A week, not a day: a round of six months gives an office some 26
 * PSUs — enough for its variance — while the cells the results sum stay few (offices × weeks).
 */
import { sql } from 'drizzle-orm';
import { responses } from '../schema/index.ts';

export const surveyWeek = sql<
  string | null
>`case when ${responses.channel} = 'office' then to_char(coalesce(${responses.submittedAt}, ${responses.receivedAt}) at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') end`;
