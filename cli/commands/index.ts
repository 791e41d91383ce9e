import type { Command } from '../command.ts';

/** Every command of `npx sipas`, in the order `--help` lists them. */
export const commands: Command[] = [];
