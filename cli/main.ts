import { OWNER_ONLY_UMASK } from '../db/owner-only.ts';
import { commands } from './commands/index.ts';
import { Problem } from '../server/errors.ts';
import { UsageError } from './command.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: sipas <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `sipas <command> --help` for the options of a command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // Whatever a command writes — the data folder's files, backups — is born owner-only (db/owner-only.ts).
  process.umask(OWNER_ONLY_UMASK);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`sipas: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`sipas ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    if (error instanceof Problem) {
      (await import('./csv.ts')).printProblem(error);
      return 1;
    }
    console.error(`sipas ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
