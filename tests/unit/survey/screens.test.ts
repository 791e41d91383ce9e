import { describe, expect, it } from 'vitest';
import type { QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { answerLabel } from '../../../survey-ui/src/survey/model/fields.ts';
import { progressOf, REVIEW, SCREEN_ROWS, screenAt, screenIndex, splitRun, visibleScreens } from '../../../survey-ui/src/survey/model/screens.ts';

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
  it('makes a screen per run of sections of one kind, with the fields, options and hints the data describes', () => {
    const screens = visibleScreens(tinyVi, { visited: 'y' });
    // 'first' and 'open' are not elements, 'rated' is the part's element: three runs, three screens.
    expect(screens.map((s) => s.code)).toEqual(['first', 'rated', 'open']);
    expect(screens[1]).toEqual({
      code: 'rated',
      title: 'Phần',
      groups: [
        {
          code: 'rated',
          title: 'Đánh giá',
          heading: true,
          description: 'Chọn một mức',
          fields: screens[1].fields,
        },
      ],
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
    // Without the element, the sections around it share a screen, titled by the first.
    const joined = visibleScreens(tinyVi, { visited: 'n' });
    expect(joined.map((s) => [s.code, s.title, s.groups.map((g) => [g.code, g.heading])])).toEqual([
      [
        'first',
        'Bắt đầu',
        [
          ['first', false],
          ['open', true],
        ],
      ],
    ]);
  });

  it('words everything in English where the data has it, and in Vietnamese where it does not', () => {
    const en = localizeQuestionnaire(parseQuestionnaire(tiny), 'en');
    const screens = visibleScreens(en, { visited: 'y' });
    expect(screens.flatMap((s) => s.groups.map((g) => g.title))).toEqual(['Start', 'Đánh giá', 'Ý kiến']);
    expect(screens[1].fields[0].options.map((o) => o.label)).toEqual(['Poor', 'Được', 'Good']);
  });

  it('hides a section whose condition fails and a question whose condition fails', () => {
    const sections = (answers: Record<string, string | string[]>) => visibleScreens(tinyVi, answers).flatMap((s) => s.groups.map((g) => g.code));
    const fields = (answers: Record<string, string | string[]>) => visibleScreens(tinyVi, answers).flatMap((s) => s.fields.map((f) => f.code));
    expect(sections({ visited: 'n' })).toEqual(['first', 'open']);
    expect(fields({})).toEqual(['visited', 'likes']);
    expect(fields({ likes: ['cam', 'xoai'] })).toEqual(['visited', 'likes', 'note']);
  });

  it('shows the SIPAS service part only after a procedure, and complaint handling only after a complaint', () => {
    for (const version of ['2022', '2024']) {
      const sipas = localizeQuestionnaire(seededQuestionnaire(version)!, 'vi');
      const codes = (answers: Record<string, string>) => visibleScreens(sipas, answers).flatMap((s) => s.groups.map((g) => g.code));
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

  it('puts a complete 2024 form on at most seven screens before the review, each of at most SCREEN_ROWS questions, the screening on the first', () => {
    const sipas = localizeQuestionnaire(seededQuestionnaire('2024')!, 'vi');
    for (const answers of [{ had_procedure: 'yes', made_feedback: 'yes', ethnicity: 'khac', info_channels: ['khac'] }, { had_procedure: 'no' }]) {
      const screens = visibleScreens(sipas, answers);
      expect(screens.length).toBeLessThanOrEqual(7);
      for (const screen of screens) expect(screen.fields.length).toBeLessThanOrEqual(SCREEN_ROWS);
      expect(screens[0].fields.map((f) => f.code)).toContain('had_procedure');
    }
    const full = visibleScreens(sipas, { had_procedure: 'yes', made_feedback: 'yes' });
    expect(full.map((s) => s.groups.map((g) => g.code))).toEqual([
      ['profile', 'experience'],
      ['interest', 'policy_info'],
      ['A1', 'A2'],
      ['A3', 'A4'],
      ['B1', 'B2'],
      ['B3', 'B4', 'B5'],
      ['service_opinion', 'expectations', 'comment'],
    ]);
    // The elements of a part are titled by the part, each element by its own heading.
    expect(full[2].title).toBe('Xây dựng, tổ chức thực hiện chính sách');
    expect(full[2].groups.every((g) => g.heading)).toBe(true);
  });
});

describe('splitting a run of sections into screens', () => {
  it('takes the fewest screens, then the split whose fullest screen is least full, never reordering', () => {
    expect(splitRun([2, 2, 9, 2], 14)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(splitRun([3, 4, 5, 3, 3], 14)).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
    expect(splitRun([1, 2, 3], 14)).toEqual([[0, 1, 2]]);
    // A section larger than a screen has a screen of its own.
    expect(splitRun([20, 1], 14)).toEqual([[0], [1]]);
    expect(splitRun([], 14)).toEqual([]);
  });
});

describe('moving through the screens', () => {
  it('finds the current screen, the next visible one when an answer hid it, and the review past the end', () => {
    const yes = visibleScreens(tinyVi, { visited: 'y' });
    const no = visibleScreens(tinyVi, { visited: 'n' });
    expect(screenIndex(tinyVi, yes, 'rated')).toBe(1);
    // Without 'rated', 'first' and 'open' share a screen: a hidden section resolves to the next shown.
    expect(screenIndex(tinyVi, no, 'rated')).toBe(0);
    expect(screenIndex(tinyVi, no, 'open')).toBe(0);
    expect(screenIndex(tinyVi, no, REVIEW)).toBe(1);
    expect(screenAt(no, 1)).toBe(REVIEW);
    expect(screenAt(no, 0)).toBe('first');
  });

  it('counts the review as the last step of the progress', () => {
    const screens = visibleScreens(tinyVi, { visited: 'y' });
    expect(progressOf(screens, 0)).toEqual({ step: 1, steps: 4 });
    expect(progressOf(screens, 3)).toEqual({ step: 4, steps: 4 });
  });

  it('words an answer with its option labels, in the scale order chosen', () => {
    const likes = visibleScreens(tinyVi, {})
      .flatMap((s) => s.fields)
      .find((f) => f.code === 'likes')!;
    expect(answerLabel(likes, ['xoai', 'cam'])).toBe('Xoài; Cam');
    expect(answerLabel(likes, undefined)).toBeUndefined();
  });
});
