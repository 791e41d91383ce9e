/**
 * Which unit a unit became: the 2025 reorganisation merged units (old → new, from a date), so a
 * trend compares rounds by the units in force at its latest round. A merge maps many old units to
 * one new unit; a unit split between several new units cannot carry its responses into any one of
 * them, so it is left out of that comparison rather than guessed.
 */
import type { LocalityMappingRow } from '../../../db/queries/locality-mappings.ts';

/** A function from a unit code to the code of the unit in force on `asOf` (null when split). */
export function successorsAsOf(mappings: readonly LocalityMappingRow[], asOf: string): (code: string) => string | null {
  const next = new Map<string, string[]>();
  for (const m of mappings) {
    if (m.effectiveFrom > asOf) continue;
    next.set(m.oldCode, [...(next.get(m.oldCode) ?? []), m.newCode]);
  }
  return (code) => {
    let current = code;
    const seen = new Set<string>();
    for (;;) {
      const targets = next.get(current);
      if (!targets) return current;
      if (targets.length > 1) return null;
      if (seen.has(current)) return current;
      seen.add(current);
      current = targets[0];
    }
  };
}
