/**
 * The choices a respondent made on the first screen the server drew, before the app's code
 * arrived: read from the page's inputs when the app starts, so taking over loses none of them.
 */
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { AnswerMap } from '../model/answers.ts';
import { visibleScreens } from '../model/screens.ts';

/** The inputs' values by question code, as the page holds them (radio: one value; checkbox: a list). */
export type PageChoices = Record<string, string | string[]>;

export function choicesOnPage(root: ParentNode): PageChoices {
  const choices: PageChoices = {};
  for (const input of root.querySelectorAll<HTMLInputElement>('form.screen input:checked')) {
    if (input.type === 'checkbox') choices[input.name] = [...((choices[input.name] as string[] | undefined) ?? []), input.value];
    else choices[input.name] = input.value;
  }
  for (const box of root.querySelectorAll<HTMLTextAreaElement>('form.screen textarea')) {
    if (box.value.trim() !== '') choices[box.name] = box.value;
  }
  return choices;
}

/** The choices as answers of the questionnaire's first screen: only its questions, only its options' values. */
export function earlyAnswers(questionnaire: LocalizedQuestionnaire, choices: PageChoices): AnswerMap {
  const answers: AnswerMap = {};
  const first = visibleScreens(questionnaire, {})[0];
  for (const field of first?.fields ?? []) {
    const chosen = choices[field.code];
    if (chosen === undefined) continue;
    if (field.kind === 'text') {
      if (typeof chosen === 'string') answers[field.code] = chosen;
      continue;
    }
    const values = (Array.isArray(chosen) ? chosen : [chosen]).map((v) => field.options.find((o) => String(o.value) === v)?.value);
    const known = values.filter((v) => v !== undefined);
    if (known.length === 0) continue;
    answers[field.code] = field.kind === 'multi' ? known : known[0];
  }
  return answers;
}
