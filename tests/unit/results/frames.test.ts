import { describe, expect, it } from 'vitest';
import { checkFrame } from '../../../server/domain/results/frames.ts';

const rows = (records: Array<Record<string, string>>) => records.map((cells, i) => ({ row: i + 2, cells }));

describe('a frame file', () => {
  it('gives each stratum its population, spaces in numbers allowed', () => {
    expect(
      checkFrame(
        rows([
          { stratum: '660-office', population: '12 500' },
          { stratum: '660-paper', population: '58000' },
        ]),
      ),
    ).toEqual({
      frame: [
        { stratum: '660-office', population: 12500 },
        { stratum: '660-paper', population: 58000 },
      ],
      problems: [],
    });
  });

  it('lists every problem with its row and column', () => {
    const { problems } = checkFrame(
      rows([
        { stratum: '660-office', population: '0' },
        { stratum: '660-office', population: '10' },
        { stratum: '', population: 'nhiều' },
      ]),
    );
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:population', '3:stratum', '4:stratum', '4:population']);
  });
});
