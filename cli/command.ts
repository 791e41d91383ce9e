/** A command of `npx sipas` (named in commands/index.ts): its help text and what it does. Returns the process exit code. */
export interface Command {
  /** Full help: usage line, options, examples. Printed by `sipas COMMAND --help`. */
  help: string;
  run(argv: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
