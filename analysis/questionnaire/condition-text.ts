/**
 * Skip rules written as text, for the questionnaire template's `skip_rules` sheet:
 *
 *   had_procedure = yes
 *   age_group in (18_25, 26_34)
 *   all(had_procedure = yes, made_feedback = yes)     any(…)     not(…)
 *
 * A value of digits is a number (the value of a rating scale); anything else is text, written bare
 * when it is a plain word and between single quotes otherwise ('a b', '1' for the text "1").
 * Every condition has exactly one text and reads back as the same condition.
 */
import type { Condition, OptionValue } from './definition.ts';

const BARE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function valueText(value: OptionValue): string {
  if (typeof value === 'number') return String(value);
  return BARE.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

export function conditionText(condition: Condition): string {
  if ('all' in condition) return `all(${condition.all.map(conditionText).join(', ')})`;
  if ('any' in condition) return `any(${condition.any.map(conditionText).join(', ')})`;
  if ('not' in condition) return `not(${conditionText(condition.not)})`;
  if ('equals' in condition) return `${condition.question} = ${valueText(condition.equals)}`;
  return `${condition.question} in (${condition.in.map(valueText).join(', ')})`;
}

export type ParsedCondition = { ok: true; condition: Condition } | { ok: false; vi: string; en: string };

class SyntaxProblem extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const MAX_DEPTH = 20;

export function parseConditionText(text: string): ParsedCondition {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const fail = (vi: string, en: string): never => {
    throw new SyntaxProblem(`${vi} (ký tự thứ ${at + 1})`, `${en} (character ${at + 1})`);
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) fail(`thiếu "${char}"`, `"${char}" expected`);
    at++;
  };
  const word = (): string => {
    skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(text.slice(at));
    if (!match) fail('thiếu mã câu hỏi hoặc giá trị', 'a question code or value expected');
    at += match![0].length;
    return match![0];
  };
  const value = (): OptionValue => {
    skipSpace();
    const number = /^-?[0-9]+(?![A-Za-z0-9_.])/.exec(text.slice(at));
    if (number) {
      at += number[0].length;
      const n = Number(number[0]);
      if (!Number.isSafeInteger(n)) fail('số quá lớn', 'number too large');
      return n;
    }
    if (text[at] === "'") {
      let out = '';
      at++;
      for (;;) {
        if (at >= text.length) fail('thiếu dấu nháy đơn đóng', 'closing quote expected');
        if (text[at] === "'") {
          if (text[at + 1] === "'") {
            out += "'";
            at += 2;
            continue;
          }
          at++;
          break;
        }
        out += text[at++];
      }
      if (out === '') fail('giá trị rỗng', 'empty value');
      return out;
    }
    return word();
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const items = [item()];
    skipSpace();
    while (text[at] === ',') {
      at++;
      items.push(item());
      skipSpace();
    }
    expect(')');
    return items;
  };
  const condition = (depth: number): Condition => {
    if (depth > MAX_DEPTH) fail('điều kiện lồng nhau quá sâu', 'conditions nested too deeply');
    const name = word();
    skipSpace();
    if (text[at] === '(' && (name === 'all' || name === 'any' || name === 'not')) {
      const parts = list(() => condition(depth + 1));
      if (name === 'not') {
        if (parts.length !== 1) fail('not(…) nhận đúng một điều kiện', 'not(…) takes exactly one condition');
        return { not: parts[0] };
      }
      return name === 'all' ? { all: parts } : { any: parts };
    }
    if (text[at] === '=') {
      at++;
      return { question: name, equals: value() };
    }
    if (text.slice(at, at + 2) === 'in' && /[\s(]/.test(text[at + 2] ?? '')) {
      at += 2;
      return { question: name, in: list(value) };
    }
    return fail(`sau "${name}" cần "=", "in (…)" hoặc "(" của all/any/not`, `"=", "in (…)" or all/any/not "(" expected after "${name}"`);
  };
  try {
    const parsed = condition(0);
    skipSpace();
    if (at < text.length) fail('thừa ký tự sau điều kiện', 'unexpected text after the condition');
    return { ok: true, condition: parsed };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, vi: error.vi, en: error.en };
    throw error;
  }
}
