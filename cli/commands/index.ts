/**
 * Every command of `npx sipas`, in the order `--help` lists them. A command's code (and what it
 * imports: the database, the server's domain, the estimation) is loaded only when it runs or shows
 * its help, so `sipas --help` starts at once.
 */
import type { Command } from '../command.ts';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'migrate', summary: 'Apply pending database migrations', load: async () => (await import('./migrate.ts')).migrateCommand },
  {
    name: 'backup',
    summary: 'Back up the database to a file (PGlite: a verified snapshot; PostgreSQL: pg_dump)',
    load: async () => (await import('./backup.ts')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Restore a backup made by `sipas backup` (checked before and after)',
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
  { name: 'seed', summary: 'Load the questionnaire versions and, once, the demo data', load: async () => (await import('./seed.ts')).seedCommand },
  {
    name: 'import-localities',
    summary: 'Import administrative units from a CSV file',
    load: async () => (await import('./import-localities.ts')).importLocalitiesCommand,
  },
  {
    name: 'import-locality-mappings',
    summary: 'Import old unit → new unit mappings (e.g. the 2025 reorganisation)',
    load: async () => (await import('./import-locality-mappings.ts')).importLocalityMappingsCommand,
  },
  { name: 'rounds', summary: 'List survey rounds; open, close, publish or withdraw one', load: async () => (await import('./rounds.ts')).roundsCommand },
  {
    name: 'offices',
    summary: 'Print each office with its survey URL (tab-separated); import FILE adds or updates offices',
    load: async () => (await import('./offices.ts')).officesCommand,
  },
  {
    name: 'user',
    summary: 'Create, list or unlock staff accounts (admin, manager, keyer, analyst)',
    load: async () => (await import('./user.ts')).userCommand,
  },
  {
    name: 'import-responses',
    summary: 'Import paper forms keyed elsewhere (CSV or XLSX in the platform template)',
    load: async () => (await import('./import-responses.ts')).importResponsesCommand,
  },
  {
    name: 'frame',
    summary: "Show, set or remove a round's sampling frame (stratum populations → design weights)",
    load: async () => (await import('./frame.ts')).frameCommand,
  },
  {
    name: 'demo-responses',
    summary: 'Load synthetic demo responses into a demo round (never into a real one)',
    load: async () => (await import('./demo-responses.ts')).demoResponsesCommand,
  },
  {
    name: 'analyze',
    summary: 'Weighted SIPAS indices with standard errors from a microdata CSV; rankings and year-on-year changes',
    load: async () => (await import('./analyze.ts')).analyzeCommand,
  },
  { name: 'rake', summary: 'Rake the weights of a microdata CSV to population margins', load: async () => (await import('./rake.ts')).rakeCommand },
];
