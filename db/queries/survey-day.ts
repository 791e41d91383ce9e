/**
 * The survey day of an office response: the day (Vietnam time, UTC+7) the respondent finished, as
 * the phone recorded it, else the day the server received it. With the office it forms the office
 * response's PSU (server/domain/results/survey-design.ts); other channels have none (null).
 */
import { sql } from 'drizzle-orm';
import { responses } from '../schema/index.ts';

export const surveyDay = sql<
  string | null
>`case when ${responses.channel} = 'office' then to_char(coalesce(${responses.submittedAt}, ${responses.receivedAt}) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') end`;
