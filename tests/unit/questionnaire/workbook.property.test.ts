/**
 * The questionnaire template reads back what it was written from: a definition written to the XLSX
 * template (the download) and read again (the upload) is the same definition, for generated
 * versions with every kind of field — conditions of any shape, texts that look like formulas or
 * numbers, optional English, weights — and for the versions the platform ships.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../analysis/questionnaire/canonical.ts';
import { conditionText, parseConditionText } from '../../../analysis/questionnaire/condition-text.ts';
import { type Condition, QuestionnaireDefinition, type QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { SHEETS } from '../../../analysis/questionnaire/workbook/columns.ts';
import { definitionFromSheets } from '../../../analysis/questionnaire/workbook/read.ts';
import { seededQuestionnaires } from '../../../db/seed/questionnaires/index.ts';
import { readWorkbook } from '../../../server/files/read-workbook.ts';
import { uploadLimits } from '../../../server/files/tables.ts';
import { questionnaireXlsx } from '../../support/questionnaire-files.ts';

const specs = SHEETS.map((s) => ({ name: s.name, required: s.columns.filter((c) => c.required).map((c) => c.name), mayBeEmpty: s.mayBeEmpty }));

async function roundTrip(def: QuestionnaireDefinition): Promise<QuestionnaireDefinition> {
  const tables = await readWorkbook(await questionnaireXlsx(def), uploadLimits.questionnaire, specs);
  const read = definitionFromSheets(new Map([...tables].map(([name, t]) => [name, t.rows])));
  expect(read.problems).toEqual([]);
  return QuestionnaireDefinition.parse(read.input);
}

// Text as people type it, with what spreadsheets treat specially: formula starts, digits, quotes, commas.
const char = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộ ABCĐ=+-@,;"()\'1209.?'.split(''));
const text = fc
  .array(char, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((t) => t.length > 0 && !t.startsWith("'"));
const localized = fc.record({ vi: text, en: fc.option(text, { nil: undefined }) }).map(({ vi, en }) => (en === undefined ? { vi } : { vi, en }));
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const textValue = fc.oneof(word, text).filter((v) => !/^-?[0-9]+$/.test(v));
const optionValue = fc.oneof(fc.integer({ min: -5, max: 99 }), textValue);

const condition = (codes: string[]): fc.Arbitrary<Condition> =>
  fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ question: fc.constantFrom(...codes), equals: optionValue }),
      fc.record({ question: fc.constantFrom(...codes), in: fc.array(optionValue, { minLength: 1, maxLength: 3 }) }),
      fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('c') }),
    ),
  })).c;

/** Splits a list, in order, into `n` non-empty consecutive runs (fewer when the list is shorter). */
const runs = <T>(list: T[], cuts: number[]): T[][] => {
  const at = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, list.length - 1))))].filter((c) => c < list.length).sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const c of [...at, list.length]) {
    if (c > from) out.push(list.slice(from, c));
    from = c;
  }
  return out;
};

const definition: fc.Arbitrary<QuestionnaireDefinition> = fc
  .record({
    version: fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/),
    respondentType: fc.constantFrom('citizen' as const, 'organisation' as const),
    title: localized,
    intro: fc.option(localized, { nil: undefined }),
    choiceScales: fc.array(fc.uniqueArray(optionValue, { minLength: 2, maxLength: 4, selector: (v) => `${typeof v}:${v}` }), { minLength: 1, maxLength: 2 }),
    labels: fc.array(localized, { minLength: 8, maxLength: 8 }),
    shapes: fc.array(
      fc.record({
        satisfaction: fc.boolean(),
        kind: fc.constantFrom('single' as const, 'multi' as const, 'text' as const),
        role: fc.constantFrom('profile' as const, 'screening' as const, 'opinion' as const, 'expectation' as const, 'comment' as const),
        text: localized,
        hint: fc.option(localized, { nil: undefined }),
        required: fc.boolean(),
        conditional: fc.boolean(),
        maxLength: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
        relates: fc.boolean(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    cuts: fc.array(fc.nat(), { maxLength: 3 }),
    elementCuts: fc.array(fc.nat(), { maxLength: 3 }),
    partCuts: fc.array(fc.nat(), { maxLength: 2 }),
    weights: fc.array(fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    seed: fc.integer(),
    satisfied: fc.uniqueArray(fc.integer({ min: -1, max: 9 }), { minLength: 1, maxLength: 3 }),
    valid: fc.uniqueArray(fc.integer({ min: -1, max: 9 }), { minLength: 2, maxLength: 5 }),
    overallCode: word,
    emptyComponents: fc.option(fc.constantFrom('reweight' as const, 'require' as const), { nil: undefined }),
    conditions: fc.array(condition(['q0', 'q1', 'q2', 'x']), { minLength: 8, maxLength: 8 }),
  })
  .map((g) => {
    const scales = [
      { code: 'rating', options: [1, 2, 3].map((value, k) => ({ value, label: g.labels[k] })) },
      ...g.choiceScales.map((values, s) => ({ code: `s${s}`, options: values.map((value, k) => ({ value, label: g.labels[(k + s) % 8] })) })),
    ];
    // At least one satisfaction item: an element needs one.
    const shapes = g.shapes.some((s) => s.satisfaction) ? g.shapes : [{ ...g.shapes[0], satisfaction: true }, ...g.shapes.slice(1)];
    const questions = shapes.map((s, i) => ({
      code: `q${i}`,
      role: s.satisfaction ? ('satisfaction' as const) : s.role,
      type: s.satisfaction ? ('rating' as const) : s.kind,
      ...(s.satisfaction ? { scale: 'rating' } : s.kind === 'text' ? {} : { scale: `s${i % g.choiceScales.length}` }),
      text: s.text,
      ...(s.hint ? { hint: s.hint } : {}),
      required: s.required,
      ...(s.conditional ? { showIf: g.conditions[i % 8] } : {}),
      ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
      ...(s.relates && i > 0 ? { relatesTo: 'q0' } : {}),
    }));
    const sections = runs(questions, g.cuts).map((qs, k) => ({
      code: `sec_${k}`,
      title: g.labels[k % 8],
      ...(k % 2 === 1 ? { description: g.labels[(k + 3) % 8] } : {}),
      questions: qs.map((q) => q.code),
      ...(k > 0 && g.seed % 3 === 0 ? { showIf: g.conditions[(k + 5) % 8] } : {}),
    }));
    const items = questions.filter((q) => q.role === 'satisfaction').map((q) => q.code);
    const elementItems = runs(items, g.elementCuts);
    const partElements = runs(
      elementItems.map((_, e) => `E${e + 1}`),
      g.partCuts,
    );
    const partOf = new Map(partElements.flatMap((es, p) => es.map((e) => [e, `part_${p}`] as const)));
    const elements = elementItems.map((its, e) => ({ code: `E${e + 1}`, part: partOf.get(`E${e + 1}`)!, label: g.labels[e % 8], items: its }));
    const parts = partElements.map((es, p) => ({ code: `part_${p}`, label: g.labels[(p + 2) % 8], elements: es }));
    const elementWeights = Object.fromEntries(elements.flatMap((e, k) => (g.weights[k] === undefined ? [] : [[e.code, g.weights[k]!]])));
    const overallWeights = Object.fromEntries(parts.flatMap((p, k) => (g.weights[7 - k] === undefined ? [] : [[p.code, g.weights[7 - k]!]])));
    const input: QuestionnaireInput = {
      version: g.version,
      respondentType: g.respondentType,
      title: g.title,
      ...(g.intro ? { intro: g.intro } : {}),
      scales,
      questions,
      sections,
      parts,
      elements,
      aggregation: {
        satisfiedValues: g.satisfied,
        validValues: g.valid,
        ...(Object.keys(elementWeights).length > 0 ? { elementWeights } : {}),
        overall: { code: g.overallCode, weights: overallWeights },
        ...(g.emptyComponents ? { emptyComponents: g.emptyComponents } : {}),
      },
    };
    return QuestionnaireDefinition.parse(input);
  });

describe('the questionnaire template', () => {
  it('reads back every shipped version as the same definition', async () => {
    for (const def of seededQuestionnaires()) expect(canonicalJson(await roundTrip(def))).toBe(canonicalJson(def));
  });

  it('reads back any definition written to it as the same definition', async () => {
    await fc.assert(
      fc.asyncProperty(definition, async (def) => {
        expect(await roundTrip(def)).toEqual(def);
      }),
      { numRuns: 40 },
    );
  });

  it('writes every skip rule as text that reads back as the same rule', () => {
    fc.assert(
      fc.property(condition(['a', 'had_procedure', 'x_1']), (c) => {
        expect(parseConditionText(conditionText(c))).toEqual({ ok: true, condition: c });
      }),
      { numRuns: 300 },
    );
  });

  it('says where a skip rule cannot be read', () => {
    expect(parseConditionText('all(a = 1, b = 2')).toEqual({ ok: false, vi: 'thiếu ")" (ký tự thứ 17)', en: '")" expected (character 17)' });
    expect(parseConditionText('a == 1').ok).toBe(false);
    expect(parseConditionText("a in ('x', 2)")).toEqual({ ok: true, condition: { question: 'a', in: ['x', 2] } });
  });
});
