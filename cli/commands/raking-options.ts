import { strictNumber } from '../../analysis/estimation/numbers.ts';
import { defaultRakingOptions, type RakingOptions } from '../../analysis/estimation/raking.ts';
import { UsageError } from '../command.ts';

export const RAKING_HELP = `  --tolerance T       raking stops when every margin is within T (relative) of its total
                      (default ${defaultRakingOptions.tolerance})
  --max-iterations N  at most N raking iterations (default ${defaultRakingOptions.maxIterations}); not converging
                      by then is an error that prints the largest margin gap
  --bounds LO,HI      keep every raked weight within LO–HI times its starting weight (trimming)`;

function positive(name: string, text: string, kind: 'positive' | 'count' = 'positive'): number {
  const parsed = strictNumber(text, kind);
  if ('reason' in parsed) throw new UsageError(`${name} "${text}": ${parsed.reason}`);
  return parsed.value;
}

export function rakingOptions(values: { tolerance?: string; 'max-iterations'?: string; bounds?: string }): RakingOptions {
  const options: RakingOptions = { ...defaultRakingOptions };
  if (values.tolerance !== undefined) options.tolerance = positive('--tolerance', values.tolerance);
  if (values['max-iterations'] !== undefined) options.maxIterations = positive('--max-iterations', values['max-iterations'], 'count');
  if (values.bounds !== undefined) {
    const parts = values.bounds.split(',');
    const [lower, upper] = parts.map((p) => (p.trim() === '0' ? 0 : positive('--bounds', p)));
    if (parts.length !== 2 || !(upper > lower)) throw new UsageError('--bounds takes LO,HI with 0 ≤ LO < HI, e.g. 0.3,3');
    options.bounds = { lower, upper };
  }
  return options;
}
