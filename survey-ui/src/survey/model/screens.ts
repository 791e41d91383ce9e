/**
 * The survey as a sequence of screens. A section of the questionnaire is shown only when its skip
 * rule holds and at least one of its questions applies to this respondent; then runs of sections
 * of one kind (the elements of one part, or the sections around them) share a screen, as few
 * screens as hold at most SCREEN_ROWS questions each, balanced. The screening questions sit on the
 * first screen, so what does not apply is skipped from the second screen on, and the progress bar
 * counts the right number of screens from there.
 */
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import { applicableQuestions, type Answers } from '../../../../analysis/questionnaire/skip.ts';
import { fieldOf, type Field } from './fields.ts';

/** A section on a screen: its title (unless it is the screen's own) and its questions. */
export interface ScreenGroup {
  code: string;
  title: string;
  /** False for the section whose title is the screen's heading. */
  heading: boolean;
  description?: string;
  fields: Field[];
}

export interface Screen {
  /** The code of its first section (kept in the draft: a reload resumes there). */
  code: string;
  title: string;
  groups: ScreenGroup[];
  /** Every question on the screen, in order. */
  fields: Field[];
}

/** The place of the review screen after the last section. */
export const REVIEW = 'review';

/**
 * How many questions a screen holds at most: a part's elements (policy: 15 items, service: 18)
 * take two screens each, the profile with the screening questions one.
 */
export const SCREEN_ROWS = 14;

interface VisibleSection {
  code: string;
  title: string;
  description?: string;
  fields: Field[];
  /** The part whose elements the section's questions all are, or '' for any other section. */
  kind: string;
}

function visibleSections(questionnaire: LocalizedQuestionnaire, answers: Answers): VisibleSection[] {
  const applicable = applicableQuestions(questionnaire, answers);
  const byCode = new Map(questionnaire.questions.map((q) => [q.code, q]));
  const partOfItem = new Map(questionnaire.elements.flatMap((e) => e.items.map((item) => [item, e.part] as const)));
  const sections: VisibleSection[] = [];
  for (const section of questionnaire.sections) {
    const codes = section.questions.filter((code) => applicable.has(code));
    if (codes.length === 0) continue;
    const parts = new Set(section.questions.map((code) => partOfItem.get(code) ?? ''));
    sections.push({
      code: section.code,
      title: section.title,
      ...(section.description ? { description: section.description } : {}),
      fields: codes.map((code) => fieldOf(questionnaire, byCode.get(code)!)),
      kind: parts.size === 1 ? [...parts][0] : '',
    });
  }
  return sections;
}

/**
 * Splits a run of sections into the fewest screens of at most SCREEN_ROWS questions (a section
 * larger than that alone), and among those the split whose fullest screen is least full.
 */
export function splitRun(weights: number[], limit = SCREEN_ROWS): number[][] {
  const best = new Map<number, { screens: number; fullest: number; cut: number }>();
  const solve = (start: number): { screens: number; fullest: number; cut: number } => {
    if (start === weights.length) return { screens: 0, fullest: 0, cut: start };
    const known = best.get(start);
    if (known) return known;
    let choice = { screens: Number.POSITIVE_INFINITY, fullest: Number.POSITIVE_INFINITY, cut: start + 1 };
    let sum = 0;
    for (let end = start; end < weights.length; end++) {
      sum += weights[end];
      if (sum > limit && end > start) break;
      const rest = solve(end + 1);
      const candidate = { screens: rest.screens + 1, fullest: Math.max(sum, rest.fullest), cut: end + 1 };
      if (candidate.screens < choice.screens || (candidate.screens === choice.screens && candidate.fullest < choice.fullest)) choice = candidate;
    }
    best.set(start, choice);
    return choice;
  };
  const screens: number[][] = [];
  for (let start = 0; start < weights.length; ) {
    const { cut } = solve(start);
    screens.push(Array.from({ length: cut - start }, (_, i) => start + i));
    start = cut;
  }
  return screens;
}

export function visibleScreens(questionnaire: LocalizedQuestionnaire, answers: Answers): Screen[] {
  const sections = visibleSections(questionnaire, answers);
  const partLabel = new Map(questionnaire.parts.map((p) => [p.code, p.label]));
  const screens: Screen[] = [];
  for (let start = 0; start < sections.length; ) {
    let end = start;
    while (end < sections.length && sections[end].kind === sections[start].kind) end++;
    const run = sections.slice(start, end);
    for (const indices of splitRun(run.map((s) => s.fields.length))) {
      const members = indices.map((i) => run[i]);
      const kind = members[0].kind;
      // The elements of a part are titled by the part; other sections by the first of them.
      const title = kind ? (partLabel.get(kind) ?? members[0].title) : members[0].title;
      screens.push({
        code: members[0].code,
        title,
        groups: members.map((s, i) => ({
          code: s.code,
          title: s.title,
          heading: kind !== '' || i > 0,
          ...(s.description ? { description: s.description } : {}),
          fields: s.fields,
        })),
        fields: members.flatMap((s) => s.fields),
      });
    }
    start = end;
  }
  return screens;
}

/** The screen that holds a section, by the section's code; -1 when none does. */
export function screenOfSection(screens: Screen[], section: string): number {
  return screens.findIndex((s) => s.groups.some((g) => g.code === section));
}

/**
 * Where the respondent is, as an index into the visible screens. A section that an answer has
 * since hidden resolves to the next visible one in questionnaire order; the review is past the end.
 */
export function screenIndex(questionnaire: LocalizedQuestionnaire, screens: Screen[], current: string): number {
  if (current === REVIEW) return screens.length;
  const exact = screenOfSection(screens, current);
  if (exact >= 0) return exact;
  const order = questionnaire.sections.map((s) => s.code);
  const position = order.indexOf(current);
  const next = screens.findIndex((s) => s.groups.some((g) => order.indexOf(g.code) > position));
  return next >= 0 ? next : screens.length;
}

export function screenAt(screens: Screen[], index: number): string {
  return index >= screens.length ? REVIEW : screens[Math.max(0, index)].code;
}

/** Progress as the share of screens completed, the review counting as the last step. */
export function progressOf(screens: Screen[], index: number): { step: number; steps: number } {
  return { step: Math.min(index, screens.length) + 1, steps: screens.length + 1 };
}
