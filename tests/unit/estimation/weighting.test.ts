import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { frameWeights, FrameError } from '../../../analysis/estimation/design-weights.ts';
import { readMicrodata } from '../../../analysis/estimation/microdata.ts';
import { InfeasibleMarginsError } from '../../../analysis/estimation/raking-feasibility.ts';
import { marginVariables, rake, RakingError, RakingNotConvergedError } from '../../../analysis/estimation/raking.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { def2024 } from './support.ts';

const column = (values: string[]) => new Map([['sex', values]]);

describe('design weights from a frame', () => {
  it('gives every respondent of a stratum N_h / n_h', () => {
    const weights = frameWeights(
      ['a', 'a', 'b', 'a'],
      new Map([
        ['a', 300],
        ['b', 50],
      ]),
    );
    expect([...weights]).toEqual([100, 100, 50, 100]);
  });

  it('refuses a stratum the frame does not know', () => {
    expect(() => frameWeights(['a', 'c'], new Map([['a', 10]]))).toThrow(FrameError);
  });
});

describe('raking', () => {
  const sex = ['nam', 'nu', 'nu', 'nam', 'nu'];
  const age = ['young', 'young', 'old', 'old', 'old'];
  const columns = new Map([
    ['sex', sex],
    ['age', age],
  ]);

  it('changes nothing when the margins are already met', () => {
    const start = Float64Array.from([1, 2, 3, 4, 5]);
    const margins = [
      { variable: 'sex', category: 'nam', total: 5 },
      { variable: 'sex', category: 'nu', total: 10 },
      { variable: 'age', category: 'young', total: 3 },
      { variable: 'age', category: 'old', total: 12 },
    ];
    const { weights, report } = rake(start, marginVariables(columns, margins, 5));
    expect([...weights]).toEqual([...start]);
    expect(report).toMatchObject({ converged: true, iterations: 0 });
  });

  it('meets every margin and reports what happened', () => {
    const margins = [
      { variable: 'sex', category: 'nam', total: 480 },
      { variable: 'sex', category: 'nu', total: 520 },
      { variable: 'age', category: 'young', total: 300 },
      { variable: 'age', category: 'old', total: 700 },
    ];
    const { weights, report } = rake(Float64Array.from([1, 1, 1, 1, 1]), marginVariables(columns, margins, 5));
    const total = (variable: string[], category: string) => variable.reduce((s, c, i) => s + (c === category ? weights[i] : 0), 0);
    expect(total(sex, 'nam')).toBeCloseTo(480, 6);
    expect(total(age, 'old')).toBeCloseTo(700, 6);
    expect(report.converged).toBe(true);
    expect(report.iterations).toBeGreaterThan(1);
    expect(report.effectiveN.before).toBeCloseTo(5, 12);
    expect(report.effectiveN.after).toBeLessThan(5);
    expect(report.margins).toHaveLength(4);
    expect(report.weightRange.before).toEqual([1, 1]);
  });

  it('keeps weights within bounds', () => {
    const margins = [
      { variable: 'sex', category: 'nam', total: 4 },
      { variable: 'sex', category: 'nu', total: 6 },
    ];
    const { weights, report } = rake(Float64Array.from([1, 1, 1, 1, 1]), marginVariables(column(sex), margins, 5), {
      tolerance: 1e-10,
      maxIterations: 50,
      bounds: { lower: 0.5, upper: 2.5 },
    });
    expect(Math.max(...weights)).toBeLessThanOrEqual(2.5);
    expect(report.converged).toBe(true);
  });

  it('refuses before iterating a target that the bounds put out of reach, naming the margin', () => {
    const margins = [
      { variable: 'sex', category: 'nam', total: 100 },
      { variable: 'sex', category: 'nu', total: 1 },
    ];
    expect(() =>
      rake(Float64Array.from([1, 1, 1, 1, 1]), marginVariables(column(sex), margins, 5), {
        tolerance: 1e-10,
        maxIterations: 50,
        bounds: { lower: 0.5, upper: 20 },
      }),
    ).toThrow(/sex=nam: the target 100 is outside what the bounds allow/);
  });

  it('refuses before iterating two margins that the sample cannot both meet, naming the categories', () => {
    // Every woman is old: the women (total 6) cannot be more than the old (total 1).
    const ages = ['young', 'old', 'old', 'young', 'old'];
    const margins = [
      { variable: 'sex', category: 'nam', total: 4 },
      { variable: 'sex', category: 'nu', total: 6 },
      { variable: 'age', category: 'young', total: 9 },
      { variable: 'age', category: 'old', total: 1 },
    ];
    expect(() =>
      rake(
        Float64Array.from([1, 1, 1, 1, 1]),
        marginVariables(
          new Map([
            ['sex', sex],
            ['age', ages],
          ]),
          margins,
          5,
        ),
      ),
    ).toThrow(InfeasibleMarginsError);
    expect(() =>
      rake(
        Float64Array.from([1, 1, 1, 1, 1]),
        marginVariables(
          new Map([
            ['sex', sex],
            ['age', ages],
          ]),
          margins,
          5,
        ),
      ),
    ).toThrow(/the respondents with sex ∈ \{nu\} are all in age ∈ \{old\}, whose total 1 is less than theirs, 6/);
  });

  it('is an error, with the largest margin gap, when it does not converge within the iteration limit', () => {
    const margins = [
      { variable: 'sex', category: 'nam', total: 6 },
      { variable: 'sex', category: 'nu', total: 9 },
      { variable: 'age', category: 'young', total: 7 },
      { variable: 'age', category: 'old', total: 8 },
    ];
    let error: unknown;
    try {
      rake(Float64Array.from([1, 1, 1, 1, 1]), marginVariables(columns, margins, 5), { tolerance: 1e-12, maxIterations: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RakingNotConvergedError);
    const report = (error as RakingNotConvergedError).report;
    expect(report.converged).toBe(false);
    expect(report.iterations).toBe(1);
    expect(report.maxMarginGap).toBeGreaterThan(1e-12);
    expect((error as Error).message).toContain(report.maxMarginGap.toExponential(3));
  });

  it('refuses margins that describe different populations, unknown categories and empty categories', () => {
    expect(() =>
      marginVariables(
        columns,
        [
          { variable: 'sex', category: 'nam', total: 5 },
          { variable: 'sex', category: 'nu', total: 5 },
          { variable: 'age', category: 'young', total: 3 },
          { variable: 'age', category: 'old', total: 3 },
        ],
        5,
      ),
    ).toThrow(/same population/);
    expect(() => marginVariables(column(sex), [{ variable: 'sex', category: 'nam', total: 5 }], 5)).toThrow(RakingError);
    expect(() =>
      marginVariables(
        column(sex),
        [
          { variable: 'sex', category: 'nam', total: 5 },
          { variable: 'sex', category: 'nu', total: 5 },
          { variable: 'sex', category: 'khac', total: 1 },
        ],
        5,
      ),
    ).toThrow(/no respondent/);
  });

  it('finds the weights R calibrate(calfun = "raking") finds', () => {
    const folder = new URL('../../golden/', import.meta.url);
    const [header, ...rows] = parse(readFileSync(new URL('microdata.csv', folder), 'utf8')) as string[][];
    const { data } = readMicrodata(header, rows, estimationPlan(def2024));
    const margins = (parse(readFileSync(new URL('margins.csv', folder), 'utf8'), { columns: true }) as Array<Record<string, string>>).map((r) => ({
      variable: r.variable,
      category: r.category,
      total: Number(r.total),
    }));
    const reference = JSON.parse(readFileSync(new URL('reference.json', folder), 'utf8')).raked_weights as number[];
    const { weights } = rake(data.weights, marginVariables(data.text, margins, data.size), { tolerance: 1e-13, maxIterations: 1000 });
    reference.forEach((w, i) => expect(Math.abs(weights[i] - w) / w).toBeLessThan(1e-9));
  });
});
