import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyFor, defaultAgencyTable, seededAgencyTable } from '../../../server/domain/plans/agency-tables.ts';
import { planCandidates, type FigureChange, type IndexFigure } from '../../../server/domain/plans/plan-rules.ts';

const figure = (index: string, estimate: number | null, reliable = true): IndexFigure => ({ index, estimate, reliable });
const change = (index: string, difference: number | null, significant: boolean | null): FigureChange => ({ index, difference, significant });

describe('which indices go on the improvement plan', () => {
  it('puts a tracked index below the target on the plan, and leaves one at or above it off', () => {
    const out = planCandidates(['B3', 'B4', 'B5'], [figure('B3', 84.9), figure('B4', 85), figure('B5', 91)], 85, []);
    expect(out).toEqual([{ index: 'B3', reasons: ['below_target'], estimate: 84.9, target: 85, previousDifference: null, reliable: true }]);
  });

  it('puts an index that fell significantly on the plan even above the target, but not one that fell within the noise', () => {
    const out = planCandidates(['B1', 'B2'], [figure('B1', 90), figure('B2', 90)], 85, [change('B1', -4, true), change('B2', -4, false)]);
    expect(out.map((c) => [c.index, c.reasons])).toEqual([['B1', ['fell']]]);
    expect(out[0].previousDifference).toBe(-4);
  });

  it('names both reasons when an index is below target and fell significantly', () => {
    expect(planCandidates(['A1'], [figure('A1', 70)], 85, [change('A1', -6, true)])[0].reasons).toEqual(['below_target', 'fell']);
  });

  it('does not treat a significant rise, or a difference without a standard error, as a fall', () => {
    expect(planCandidates(['A1'], [figure('A1', 90)], 85, [change('A1', 5, true)])).toEqual([]);
    expect(planCandidates(['A1'], [figure('A1', 90)], 85, [change('A1', -5, null)])).toEqual([]);
  });

  it('has no below-target rule in a round without a target, and skips indices without an estimate or not tracked', () => {
    expect(planCandidates(['A1'], [figure('A1', 10)], null, [])).toEqual([]);
    expect(planCandidates(['A1'], [figure('A1', null)], 85, [change('A1', -9, true)])).toEqual([]);
    expect(planCandidates(['A1'], [figure('SIPAS', 10), figure('A2', 10)], 85, [])).toEqual([]);
  });

  it('keeps the figure’s reliability beside the entry, so an unreliable figure is never presented as certain', () => {
    expect(planCandidates(['A1'], [figure('A1', 60, false)], 85, [])[0].reliable).toBe(false);
  });

  it('lists an index exactly when it is below the target or fell significantly (any figures)', () => {
    const codes = ['A1', 'A2', 'B1', 'B2', 'B3'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.record({ d: fc.option(fc.double({ min: -50, max: 50, noNaN: true }), { nil: null }), s: fc.option(fc.boolean(), { nil: null }) }), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        (estimates, diffs, target) => {
          const out = planCandidates(
            codes,
            codes.map((c, i) => figure(c, estimates[i])),
            target,
            codes.map((c, i) => change(c, diffs[i].d, diffs[i].s)),
          );
          const expected = codes.filter((_, i) => {
            const e = estimates[i];
            if (e === null) return false;
            const below = target !== null && e < target;
            const fell = diffs[i].d !== null && diffs[i].d! < 0 && diffs[i].s === true;
            return below || fell;
          });
          expect(out.map((c) => c.index)).toEqual(expected);
        },
      ),
    );
  });
});

describe('lead agencies', () => {
  it('seeds Đắk Nông from its 2024 plan (Kế hoạch 475/KH-UBND, Phụ lục 02) and other provinces from the default', () => {
    const dn = seededAgencyTable('67');
    expect(dn.source).toBe('province_plan');
    expect(agencyFor(dn.rows, 'A3_2')?.lead).toBe('Giám đốc Sở Y tế');
    expect(agencyFor(dn.rows, 'A3_5')?.lead).toBe('Giám đốc Sở Giao thông vận tải');
    expect(agencyFor(dn.rows, 'A4')?.lead).toBe(agencyFor(defaultAgencyTable, 'A4')?.lead);
    const other = seededAgencyTable('68');
    expect(other.source).toBe('default');
    expect(other.rows.map((r) => r.index)).toEqual(dn.rows.map((r) => r.index));
  });

  it('answers for an item with its own row, else with its element’s', () => {
    expect(agencyFor(defaultAgencyTable, 'A3_3')?.index).toBe('A3_3');
    expect(agencyFor(defaultAgencyTable, 'B3_2')?.index).toBe('B3');
    expect(agencyFor(defaultAgencyTable, 'Z9')).toBeUndefined();
  });
});
