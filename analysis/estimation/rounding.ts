/**
 * Shares shown to people are rounded so that they add up to exactly 100: each share is cut down to
 * the shown precision, and the units still missing go to the shares that lost most in the cut
 * (the largest-remainder method). Rounding each share on its own can print 81.4 % and 18.6 % for
 * 61 and 14 of 75 forms; this gives 81.3 % and 18.7 %.
 */
export function roundToHundred(shares: readonly number[], decimals = 1): number[] {
  const scale = 10 ** decimals;
  const target = 100 * scale;
  const total = shares.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return shares.map(() => 0);
  // Scale to a total of exactly 100 first: shares estimated separately may sum to 99.999….
  const scaled = shares.map((v) => (v / total) * target);
  const floors = scaled.map((v) => Math.floor(v + 1e-9));
  let missing = target - floors.reduce((s, v) => s + v, 0);
  const order = scaled.map((v, i) => ({ i, remainder: v - floors[i] })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors.map((v) => v / scale);
}

/** PAR INDEX criterion 8.1 is worth 10 points: the province's SIPAS in percent gives SIPAS × 10 / 100. */
export function parIndexPoints(sipasPercent: number): number {
  return (sipasPercent * 10) / 100;
}
