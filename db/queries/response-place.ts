/**
 * Where a response came from — channel, office, locality and survey week — as the columns the
 * results' cell counts group by. The microdata export reads the same columns raw, the survey day in
 * place of the week (db/queries/microdata.ts), and makes the week from it as PostgreSQL would.
 */
import { responses } from '../schema/index.ts';
import { surveyWeek } from './survey-week.ts';

export const responsePlace = {
  channel: responses.channel,
  officeId: responses.officeId,
  province: responses.provinceCode,
  district: responses.districtCode,
  commune: responses.communeCode,
  week: surveyWeek,
};
