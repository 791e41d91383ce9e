import { describe, expect, it } from 'vitest';
import { successorsAsOf } from '../../../server/domain/localities/locality-successors.ts';

const mappings = [
  { oldCode: '67', newCode: '68', effectiveFrom: '2025-07-01' },
  { oldCode: '24611', newCode: '24700', effectiveFrom: '2025-07-01' },
  { oldCode: '24612', newCode: '24700', effectiveFrom: '2025-07-01' },
  { oldCode: '24700', newCode: '24800', effectiveFrom: '2027-01-01' },
  { oldCode: '24613', newCode: '24701', effectiveFrom: '2025-07-01' },
  { oldCode: '24613', newCode: '24702', effectiveFrom: '2025-07-01' },
];

describe('the unit a unit became', () => {
  it('follows merges from their date on, through several reorganisations', () => {
    const mid2025 = successorsAsOf(mappings, '2025-12-31');
    expect(['67', '24611', '24612', '660'].map(mid2025)).toEqual(['68', '24700', '24700', '660']);
    expect(successorsAsOf(mappings, '2027-06-30')('24611')).toBe('24800');
  });

  it('leaves units as they were before the reorganisation took effect', () => {
    expect(successorsAsOf(mappings, '2025-06-30')('67')).toBe('67');
  });

  it('leaves out a unit split between several new units rather than guessing', () => {
    expect(successorsAsOf(mappings, '2025-12-31')('24613')).toBeNull();
  });
});
