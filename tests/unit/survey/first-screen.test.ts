import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import type { SurveyLinkView } from '../../../contract/links.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { linkDataBlock } from '../../../server/domain/links/survey-page.ts';
import { firstScreenHtml } from '../../../survey-ui/src/survey/first-screen/first-screen-html.ts';

function officeLink(questionnaire: QuestionnaireDefinition = seededQuestionnaire('2024')!, officeName = 'Bộ phận Một cửa thành phố Gia Nghĩa'): SurveyLinkView {
  return {
    token: 'AAAAAAAAAAAAAAAAAAAAAA',
    channel: 'office',
    open: true,
    state: 'open',
    round: {
      code: 'DN',
      name: 'Đợt',
      questionnaires: { citizen: questionnaire.version },
      provinceCodes: ['67'],
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    },
    office: { code: 'MC-660', name: officeName, localityCode: '660' },
    questionnaire,
  };
}

const hostile = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> \u2028\u2029 & "\'';

describe('the first screen the server writes into the survey page', () => {
  it('holds the profile and the screening questions, every choice a labelled radio in a fieldset with its legend', () => {
    const html = firstScreenHtml(officeLink())!;
    expect(html).toContain('data-screen="profile"');
    for (const code of ['sex', 'age_group', 'ethnicity', 'education', 'occupation', 'area', 'terrain', 'had_procedure']) {
      expect(html).toContain(`data-question="${code}"`);
    }
    // made_feedback applies only after a procedure: the app shows it once had_procedure is answered.
    expect(html).not.toContain('data-question="made_feedback"');
    expect(html.match(/<input type="radio"/g)!.length).toBe(2 + 5 + 2 + 6 + 7 + 2 + 3 + 2);
    expect(html.match(/<label class="option[^"]*"><input type="radio"/g)!.length).toBe(29);
    expect(html.match(/<fieldset /g)!.length).toBe(html.match(/<legend>/g)!.length);
    expect(html).toContain('<progress class="progress-track"');
    // No style attribute or inline handler: the strict Content-Security-Policy would block them.
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it('escapes every text that comes from data, whatever it holds', () => {
    const questionnaire = structuredClone(seededQuestionnaire('2024')!);
    questionnaire.questions[0].text.vi = hostile;
    questionnaire.scales.find((s) => s.code === 'sex')!.options[0].label.vi = hostile;
    const html = firstScreenHtml(officeLink(questionnaire, hostile))!;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is left to the app for the online link, a round that also asks organisations, and a closed link', () => {
    const online: SurveyLinkView = { ...officeLink(), channel: 'online', office: null };
    const withOrganisations: SurveyLinkView = {
      ...officeLink(),
      round: { ...officeLink().round, questionnaires: { citizen: '2024', organisation: '2024-to-chuc' } },
    };
    const { questionnaire: _none, ...closedView } = officeLink();
    const closed: SurveyLinkView = { ...closedView, open: false, state: 'closed' };
    expect(firstScreenHtml(online)).toBeUndefined();
    expect(firstScreenHtml(withOrganisations)).toBeUndefined();
    expect(firstScreenHtml(closed)).toBeUndefined();
  });
});

describe('the link data written into the survey page', () => {
  it('cannot be ended or bent by any text it holds, and reads back as the same link', () => {
    const link = officeLink(undefined, hostile);
    const block = linkDataBlock(link);
    const body = block.slice('<script type="application/json" id="sipas-link">'.length, -'</script>'.length);
    expect(block.startsWith('<script type="application/json" id="sipas-link">')).toBe(true);
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(body)).toEqual(link);
  });

  it('reads back as the same link when the questionnaire is spliced in from its cached JSON', () => {
    const { questionnaire, ...view } = officeLink(undefined, hostile);
    const block = linkDataBlock(view, JSON.stringify(questionnaire));
    const body = block.slice('<script type="application/json" id="sipas-link">'.length, -'</script>'.length);
    expect(JSON.parse(body)).toEqual({ ...view, questionnaire });
    expect(JSON.stringify(JSON.parse(body)).startsWith('{"token"')).toBe(true);
  });
});
