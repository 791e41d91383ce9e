import { describe, expect, it } from 'vitest';
import { readMicrodata, UNANSWERED } from '../../../analysis/estimation/microdata.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { def2024, itemCodes } from './support.ts';

const plan = estimationPlan(def2024);
const header = ['response_id', 'district', 'stratum', 'psu', 'weight', 'sex', ...itemCodes, 'harassment', 'info_channels'];
const row = (id: string, overrides: Record<string, string> = {}) =>
  header.map(
    (h) =>
      overrides[h] ??
      (
        {
          response_id: id,
          district: '660',
          stratum: 'S',
          psu: 'p',
          weight: '1.5',
          sex: 'nu',
          harassment: 'khong_co',
          info_channels: 'loa_xa;internet',
        } as Record<string, string>
      )[h] ??
      '4',
  );

describe('reading microdata', () => {
  it('codes answers, not applicable and missing, options and sets of options', () => {
    const { data, problems } = readMicrodata(header, [row('r1', { A1_1: '5', A1_2: '', B5_1: 'NA' })], plan);
    expect(problems).toEqual([]);
    const j = (code: string) => plan.variables.findIndex((v) => v.code === code);
    expect(data.codes[j('A1_1')][0]).toBe(4);
    expect(data.codes[j('A1_2')][0]).toBe(UNANSWERED);
    expect(data.codes[j('B5_1')][0]).toBe(UNANSWERED);
    expect(data.codes[j('harassment')][0]).toBe(0);
    expect(data.codes[j('info_channels')][0]).toBe((1 << 0) | (1 << 5));
    expect(data.present[j('willingness')]).toBe(false);
    expect(data.weights[0]).toBe(1.5);
  });

  it('lists every problem with its line, column, value and reason', () => {
    const { problems } = readMicrodata(header, [row('r1', { A1_1: '6' }), row('r2', { weight: '-2', A2_1: 'x' }), row('r1')], plan);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'A1_1', '6'],
      [3, 'weight', '-2'],
      [3, 'A2_1', 'x'],
      [4, 'response_id', 'r1'],
    ]);
    expect(problems[0].reason).toMatch(/ngoài thang đo/);
  });

  it("leaves out, with a warning, an option column whose values are not the question's options", () => {
    const { problems, warnings, data } = readMicrodata(header, [row('r1', { info_channels: 'loa_xa;tivi' }), row('r2', { harassment: '2' })], plan);
    expect(problems).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('info_channels');
    const j = (code: string) => plan.variables.findIndex((v) => v.code === code);
    expect(data.present[j('info_channels')]).toBe(false);
    expect(data.present[j('harassment')]).toBe(false);
  });

  it('names a missing item column', () => {
    const { problems } = readMicrodata(
      header.filter((h) => h !== 'A3_9'),
      [],
      plan,
    );
    expect(problems).toEqual([expect.objectContaining({ row: 1, column: 'A3_9' })]);
  });
});
