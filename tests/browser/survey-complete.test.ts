import { describe, expect, it } from 'vitest';
import { ensureLink } from '../../db/queries/links.ts';
import { findOfficeByCode, insertRoundIfAbsent, findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_OFFICE_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { satisfactionItems } from '../../analysis/questionnaire/structure.ts';
import { vietnamDay } from '../support/rounds.ts';
import { useBrowserApp } from './support/browser-app.ts';
import { demoLinkToken } from './support/links.ts';
import { answerUpToReview, deliveryState, sendFromReview, storedResponses } from './support/survey.ts';

const app = useBrowserApp();

/** An office link for a round that uses the 2022 questionnaire. */
async function link2022(): Promise<string> {
  const db = app.database().db;
  await insertRoundIfAbsent(db, {
    code: 'DN-2022',
    name: 'Khảo sát SIPAS 2022 (thử nghiệm)',
    provinceCodes: ['67'],
    periodStart: vietnamDay(-30),
    periodEnd: vietnamDay(30),
    questionnaires: { citizen: '2022' },
    status: 'open',
  });
  const [round, office] = [await findRoundByCode(db, 'DN-2022'), await findOfficeByCode(db, DEMO_OFFICE_CODE)];
  return ensureLink(db, office!.id, round!.id);
}

const procedureNoComplaint = { sex: 'nu', age_group: '35_49', had_procedure: 'yes', made_feedback: 'no' };

describe('completing the survey on a phone', () => {
  for (const version of ['2024', '2022'] as const) {
    it(`stores every answer of questionnaire ${version}, a part's elements two or one to a screen, once`, async () => {
      const token = version === '2024' ? await demoLinkToken(app.database().db) : await link2022();
      const { page } = await app.phone();
      await page.goto(app.url(`/s/${token}`));
      const shown = await answerUpToReview(page, { ...procedureNoComplaint, comment: 'Cán bộ rất nhiệt tình, cảm ơn.' });
      // The screening questions come with the profile; policy and service elements share screens.
      expect(shown).toEqual(
        version === '2024' ? ['profile', 'interest', 'A1', 'A3', 'B1', 'B3', 'service_opinion'] : ['profile', 'interest', 'A1', 'B1', 'B3', 'service_opinion'],
      );
      await sendFromReview(page);
      await expect.poll(() => deliveryState(page)).toBe('delivered');
      expect(await page.locator('.delivery').textContent()).toContain('Phiếu đã gửi tới máy chủ. Ông/Bà có thể đóng trang.');

      const [stored] = await storedResponses(app.database().db);
      expect(stored.questionnaireVersion).toBe(version);
      expect(stored.channel).toBe('office');
      const items = satisfactionItems(seededQuestionnaire(version)!).filter((i) => i.element !== 'B5');
      for (const item of items) expect(stored.answers[item.code]).toBe(4);
      // The versions differ in B1 and A3: each gets its own items.
      expect(Object.keys(stored.answers)).toContain(version === '2024' ? 'A3_9' : 'B1_4');
      expect(Object.keys(stored.answers)).not.toContain(version === '2024' ? 'B1_4' : 'A3_9');
      expect(stored.answers.comment).toBe('Cán bộ rất nhiệt tình, cảm ơn.');
      expect(stored.profile).toMatchObject({ sex: 'nu', age_group: '35_49' });
      expect(await storedResponses(app.database().db)).toHaveLength(1);
    });
  }
});
