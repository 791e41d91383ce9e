/**
 * Design weights: the inverse of each respondent's probability of selection. With a frame giving
 * each stratum's population N_h (adults for a household survey, files processed for an office) and
 * n_h respondents sampled in it, every respondent of the stratum stands for N_h / n_h people.
 */
export class FrameError extends Error {}

export function frameWeights(stratumOfRow: readonly string[], population: ReadonlyMap<string, number>): Float64Array {
  const sampled = new Map<string, number>();
  for (const stratum of stratumOfRow) sampled.set(stratum, (sampled.get(stratum) ?? 0) + 1);
  const missing = [...sampled.keys()].filter((s) => !population.has(s));
  if (missing.length > 0) throw new FrameError(`the frame has no population for stratum ${missing.map((s) => `"${s}"`).join(', ')}`);
  for (const [stratum, n] of population) {
    if (!(n > 0) || !Number.isFinite(n)) throw new FrameError(`stratum "${stratum}": the population must be a positive number`);
  }
  const weights = new Float64Array(stratumOfRow.length);
  stratumOfRow.forEach((stratum, i) => (weights[i] = population.get(stratum)! / sampled.get(stratum)!));
  return weights;
}

/**
 * Strata of the frame without a single respondent. Their population is represented by nobody: the
 * estimates then describe the other strata only, which the results must say (not an error: an
 * office can close, a commune be missed).
 */
export function strataWithoutRespondents(stratumOfRow: readonly string[], population: ReadonlyMap<string, number>): string[] {
  const sampled = new Set(stratumOfRow);
  return [...population.keys()].filter((s) => !sampled.has(s)).sort();
}
