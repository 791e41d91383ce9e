/**
 * Where a response came from — channel, office, locality and survey week — as the columns the
 * results' cell counts group by and the microdata export keys its rows' places on.
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
