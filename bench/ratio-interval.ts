/**
 * How far a ratio of two medians can be trusted: a percentile bootstrap. Both sample sets are
 * resampled with replacement, the ratio of the resamples' medians taken each time, and the
 * middle 90 % of those ratios is the interval. `bench:popup` prints it beside each ratio: a
 * run of one build against a copy of itself gave 1.06 at 15 rounds (README, Speed), so a
 * ratio alone says less than its figures suggest.
 */
import { median, seededRandom } from "./stats.ts";

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]!);
}

/** The 90 % interval of median(a) / median(b); null when either side has no sample. */
export function ratioInterval(
  a: readonly number[],
  b: readonly number[],
  resamples = 2000,
  seed = 1,
): { low: number; high: number } | null {
  if (a.length === 0 || b.length === 0) return null;
  const random = seededRandom(seed);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) ratios.push(median(resample(a, random)) / median(resample(b, random)));
  ratios.sort((x, y) => x - y);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!;
  return { low: at(0.05), high: at(0.95) };
}
