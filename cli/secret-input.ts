/**
 * Passwords at the command line never come from its arguments (they would stay in shell history and
 * in every process listing) and are never echoed: typed at a terminal with echo off, or read from
 * standard input (`--password-stdin`, or whatever is piped in), or, for older scripts, from
 * SIPAS_PASSWORD.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { UsageError } from './command.ts';

/** Refuses `--password …` and `--password=…` before anything reads the arguments, without repeating the value. */
export function refusePasswordArguments(argv: string[]): void {
  if (argv.some((arg) => /^--?(password|pass|pw)(=|$)/i.test(arg))) {
    throw new UsageError(
      'passwords are never taken on the command line (shell history and process lists would keep them): type it when asked, or pipe it in with --password-stdin',
    );
  }
}

/** Asks on the terminal with echo off; Ctrl-C ends the command. */
async function askHidden(question: string): Promise<string> {
  // readline echoes what is typed through its output: this one shows the prompt, then nothing.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output, terminal: true });
  lines.on('SIGINT', () => {
    lines.close();
    process.stderr.write('\n');
    process.exit(130);
  });
  process.stderr.write(question);
  muted = true;
  try {
    return await lines.question('');
  } finally {
    lines.close();
    process.stderr.write('\n');
  }
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new UsageError('no password on standard input');
}

/**
 * A new password: from SIPAS_PASSWORD if set, from standard input when it is not a terminal (or
 * `--password-stdin` says so), else typed twice at the terminal without echo.
 */
export async function readNewPassword(options: { fromStdin: boolean }): Promise<string> {
  if (process.env.SIPAS_PASSWORD) return process.env.SIPAS_PASSWORD;
  if (options.fromStdin || !process.stdin.isTTY) return firstLineOfStdin();
  const first = await askHidden('Mật khẩu mới / new password (ít nhất 10 ký tự / at least 10 characters): ');
  const again = await askHidden('Nhập lại / again: ');
  if (first !== again) throw new UsageError('the two passwords typed differ');
  return first;
}
