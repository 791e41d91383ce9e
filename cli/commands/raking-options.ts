import { defaultRakingOptions, type RakingOptions } from '../../analysis/estimation/raking.ts';
import { UsageError } from '../command.ts';

export const RAKING_HELP = `  --tolerance T       raking stops when every margin is within T (relative) of its total
                      (default ${defaultRakingOptions.tolerance})
  --max-iterations N  at most N raking iterations (default ${defaultRakingOptions.maxIterations})
  --bounds LO,HI      keep every raked weight within LO–HI times its starting weight (trimming)`;

export function rakingOptions(values: { tolerance?: string; 'max-iterations'?: string; bounds?: string }): RakingOptions {
  const options: RakingOptions = { ...defaultRakingOptions };
  if (values.tolerance !== undefined) {
    options.tolerance = Number(values.tolerance);
    if (!(options.tolerance > 0)) throw new UsageError('--tolerance takes a positive number');
  }
  if (values['max-iterations'] !== undefined) {
    options.maxIterations = Number(values['max-iterations']);
    if (!Number.isInteger(options.maxIterations) || options.maxIterations < 1) throw new UsageError('--max-iterations takes a positive whole number');
  }
  if (values.bounds !== undefined) {
    const [lower, upper] = values.bounds.split(',').map(Number);
    if (!(lower >= 0 && upper > lower)) throw new UsageError('--bounds takes LO,HI with 0 ≤ LO < HI, e.g. 0.3,3');
    options.bounds = { lower, upper };
  }
  return options;
}
