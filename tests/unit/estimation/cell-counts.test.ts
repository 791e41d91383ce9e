/**
 * Results from counted answer bits (what a database returns) agree with the estimation from
 * microdata rows: the same questionnaire, the same respondents, the same design and weights.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMicrodata, estimateFromStatistics } from '../../../analysis/estimation/analyze.ts';
import { answerBitsLayout, decodeAnswer, encodeAnswerBits } from '../../../analysis/estimation/answer-bits.ts';
import { countPlan, countsOfBits, statisticsFromCounts, stratumWeights, type CountedCell } from '../../../analysis/estimation/cell-counts.ts';
import { DESIGN_COLUMNS, MULTI_SEPARATOR, NOT_APPLICABLE, readMicrodata } from '../../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { demoAnswers, seededRandom } from '../../../db/seed/demo-answers.ts';
import { expectSameResults } from '../../support/results.ts';
import { def2024 } from './support.ts';

const layout = answerBitsLayout(def2024);
const plan = countPlan(def2024, layout);

const respondent = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mood: fc.double({ min: -1, max: 1, noNaN: true }),
  stratum: fc.constantFrom('660-office', '660-paper', '661-office'),
  psu: fc.constantFrom('a', 'b', 'c'),
  district: fc.constantFrom('660', '661'),
});

function bitsOf(seed: number, mood: number): Uint8Array {
  const { profile, answers } = demoAnswers(def2024, seededRandom(seed), { mood, procedureRate: 0.7 });
  return encodeAnswerBits(def2024, layout, { ...profile, ...answers });
}

describe('results from counted answer bits', () => {
  it('equal the estimation from the same responses as microdata rows, weighted by N_h / n_h', () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 3, maxLength: 40 }), fc.double({ min: 50, max: 5000, noNaN: true }), (people, population) => {
        const levels = ['all', 'district'];
        const bits = people.map((p) => bitsOf(p.seed, p.mood));
        const cells = new Map<string, CountedCell>();
        people.forEach((p, i) => {
          const key = `${p.stratum}|${p.psu}|${p.district}`;
          const cell = cells.get(key) ?? { stratum: p.stratum, psu: p.psu, domains: ['all', p.district], size: 0, counts: new Int32Array(plan.bits.length) };
          const counts = countsOfBits(plan, bits[i]);
          (cell.counts as Int32Array).forEach((_, k, all) => (all[k] += counts[k]));
          cell.size += 1;
          cells.set(key, cell);
        });
        const frame = new Map(['660-office', '660-paper', '661-office'].map((s, k) => [s, population * (k + 1)]));
        const weights = stratumWeights([...cells.values()], frame);
        const fromCounts = estimateFromStatistics(def2024, statisticsFromCounts(plan, [...cells.values()], levels, weights));

        const coded = layout.questions;
        const header = [...DESIGN_COLUMNS, ...coded.map((q) => q.code)];
        const rows = people.map((p, i) => [
          `r${i}`,
          'R',
          '67',
          p.district,
          '',
          p.stratum,
          p.psu,
          String(weights.get(p.stratum)),
          ...coded.map((q) => {
            const value = decodeAnswer(q, bits[i]);
            return value === null ? NOT_APPLICABLE : value === undefined ? '' : Array.isArray(value) ? value.join(MULTI_SEPARATOR) : String(value);
          }),
        ]);
        const { data, problems } = readMicrodata(header, rows, estimationPlan(def2024));
        expect(problems).toEqual([]);
        expectSameResults(fromCounts, analyzeMicrodata(def2024, data, { levels }));
      }),
      { numRuns: 12 },
    );
  });

  it('name the strata that a frame lacks, and weigh every response 1 without a frame', () => {
    const cells: CountedCell[] = [
      { stratum: '660-office', psu: 'a', domains: [], size: 4, counts: [] },
      { stratum: '661-paper', psu: 'b', domains: [], size: 2, counts: [] },
    ];
    expect(() => stratumWeights(cells, new Map([['660-office', 100]]))).toThrow(/"661-paper"/);
    expect(
      stratumWeights(
        cells,
        new Map([
          ['660-office', 100],
          ['661-paper', 10],
        ]),
      ),
    ).toEqual(
      new Map([
        ['660-office', 25],
        ['661-paper', 5],
      ]),
    );
    expect(stratumWeights(cells)).toEqual(
      new Map([
        ['660-office', 1],
        ['661-paper', 1],
      ]),
    );
  });
});
