import { describe, expect, it } from 'vitest';
import type { QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { answerLabel } from '../../../survey-ui/src/survey/model/fields.ts';
import { progressOf, REVIEW, screenAt, screenIndex, visibleScreens } from '../../../survey-ui/src/survey/model/screens.ts';

/** A questionnaire that is not SIPAS at all: the survey must render it from its data alone. */
const tiny: QuestionnaireInput = {
  version: 'tiny-1',
  title: { vi: 'Phiếu thử', en: 'Trial form' },
  scales: [
    {
      code: 'stars3',
      options: [
        { value: 1, label: { vi: 'Kém', en: 'Poor' } },
        { value: 2, label: { vi: 'Được' } },
        { value: 3, label: { vi: 'Tốt', en: 'Good' } },
      ],
    },
    {
      code: 'yn',
      options: [
        { value: 'y', label: { vi: 'Có', en: 'Yes' } },
        { value: 'n', label: { vi: 'Không', en: 'No' } },
      ],
    },
    {
      code: 'fruit',
      options: [
        { value: 'cam', label: { vi: 'Cam' } },
        { value: 'xoai', label: { vi: 'Xoài' } },
      ],
    },
  ],
  questions: [
    { code: 'visited', role: 'screening', type: 'single', scale: 'yn', text: { vi: 'Đã đến chưa?', en: 'Visited?' }, required: true },
    { code: 'X1_1', role: 'satisfaction', type: 'rating', scale: 'stars3', text: { vi: 'Sạch sẽ', en: 'Clean' }, hint: { vi: 'nhà vệ sinh, sảnh' } },
    { code: 'likes', role: 'opinion', type: 'multi', scale: 'fruit', text: { vi: 'Thích quả gì?' } },
    { code: 'note', role: 'comment', type: 'text', maxLength: 50, text: { vi: 'Ghi chú' }, showIf: { question: 'likes', equals: 'xoai' } },
  ],
  sections: [
    { code: 'first', title: { vi: 'Bắt đầu', en: 'Start' }, questions: ['visited'] },
    { code: 'rated', title: { vi: 'Đánh giá' }, description: { vi: 'Chọn một mức' }, questions: ['X1_1'], showIf: { question: 'visited', equals: 'y' } },
    { code: 'open', title: { vi: 'Ý kiến' }, questions: ['likes', 'note'] },
  ],
  parts: [{ code: 'p', label: { vi: 'Phần' }, elements: ['X1'] }],
  elements: [{ code: 'X1', part: 'p', label: { vi: 'Yếu tố' }, items: ['X1_1'] }],
  aggregation: { satisfiedValues: [3], validValues: [1, 2, 3], overall: { code: 'ALL', weights: { p: 1 } } },
};

const tinyVi = localizeQuestionnaire(parseQuestionnaire(tiny), 'vi');

describe('screens rendered from questionnaire data', () => {
  it('makes one screen per section with the fields, options and hints the data describes', () => {
    const screens = visibleScreens(tinyVi, { visited: 'y' });
    expect(screens.map((s) => s.code)).toEqual(['first', 'rated', 'open']);
    expect(screens[1]).toEqual({
      code: 'rated',
      title: 'Đánh giá',
      description: 'Chọn một mức',
      fields: [
        {
          code: 'X1_1',
          kind: 'rating',
          text: 'Sạch sẽ',
          hint: 'nhà vệ sinh, sảnh',
          required: false,
          options: [
            { value: 1, label: 'Kém' },
            { value: 2, label: 'Được' },
            { value: 3, label: 'Tốt' },
          ],
        },
      ],
    });
    expect(screens[0].fields[0]).toMatchObject({ kind: 'single', required: true });
  });

  it('words everything in English where the data has it, and in Vietnamese where it does not', () => {
    const en = localizeQuestionnaire(parseQuestionnaire(tiny), 'en');
    const screens = visibleScreens(en, { visited: 'y' });
    expect(screens.map((s) => s.title)).toEqual(['Start', 'Đánh giá', 'Ý kiến']);
    expect(screens[1].fields[0].options.map((o) => o.label)).toEqual(['Poor', 'Được', 'Good']);
  });

  it('hides a section whose condition fails and a question whose condition fails', () => {
    expect(visibleScreens(tinyVi, { visited: 'n' }).map((s) => s.code)).toEqual(['first', 'open']);
    expect(
      visibleScreens(tinyVi, {})
        .find((s) => s.code === 'open')!
        .fields.map((f) => f.code),
    ).toEqual(['likes']);
    expect(
      visibleScreens(tinyVi, { likes: ['cam', 'xoai'] })
        .find((s) => s.code === 'open')!
        .fields.map((f) => f.code),
    ).toEqual(['likes', 'note']);
  });

  it('shows the SIPAS service part only after a procedure, and complaint handling only after a complaint', () => {
    for (const version of ['2022', '2024']) {
      const sipas = localizeQuestionnaire(seededQuestionnaire(version)!, 'vi');
      const codes = (answers: Record<string, string>) => visibleScreens(sipas, answers).map((s) => s.code);
      expect(codes({ had_procedure: 'no' }).filter((c) => c.startsWith('B'))).toEqual([]);
      expect(codes({ had_procedure: 'yes', made_feedback: 'no' }).filter((c) => c.startsWith('B'))).toEqual(['B1', 'B2', 'B3', 'B4']);
      expect(codes({ had_procedure: 'yes', made_feedback: 'yes' }).filter((c) => c.startsWith('B'))).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
      const ratings = visibleScreens(sipas, { had_procedure: 'yes', made_feedback: 'yes' })
        .flatMap((s) => s.fields)
        .filter((f) => f.kind === 'rating');
      expect(ratings).toHaveLength(33);
      expect(ratings[0].options.map((o) => o.label)).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    }
  });
});

describe('moving through the screens', () => {
  it('finds the current screen, the next visible one when an answer hid it, and the review past the end', () => {
    const yes = visibleScreens(tinyVi, { visited: 'y' });
    const no = visibleScreens(tinyVi, { visited: 'n' });
    expect(screenIndex(tinyVi, yes, 'rated')).toBe(1);
    expect(screenIndex(tinyVi, no, 'rated')).toBe(1); // 'open', the next section shown
    expect(no[screenIndex(tinyVi, no, 'rated')].code).toBe('open');
    expect(screenIndex(tinyVi, no, REVIEW)).toBe(2);
    expect(screenAt(no, 2)).toBe(REVIEW);
    expect(screenAt(no, 0)).toBe('first');
  });

  it('counts the review as the last step of the progress', () => {
    const screens = visibleScreens(tinyVi, { visited: 'y' });
    expect(progressOf(screens, 0)).toEqual({ step: 1, steps: 4 });
    expect(progressOf(screens, 3)).toEqual({ step: 4, steps: 4 });
  });

  it('words an answer with its option labels, in the scale order chosen', () => {
    const open = visibleScreens(tinyVi, {}).find((s) => s.code === 'open')!;
    expect(answerLabel(open.fields[0], ['xoai', 'cam'])).toBe('Xoài; Cam');
    expect(answerLabel(open.fields[0], undefined)).toBeUndefined();
  });
});
