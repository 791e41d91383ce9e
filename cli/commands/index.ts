import type { Command } from '../command.ts';
import { analyzeCommand } from './analyze.ts';
import { backupCommand } from './backup.ts';
import { demoResponsesCommand } from './demo-responses.ts';
import { frameCommand } from './frame.ts';
import { importLocalitiesCommand } from './import-localities.ts';
import { importResponsesCommand } from './import-responses.ts';
import { importLocalityMappingsCommand } from './import-locality-mappings.ts';
import { migrateCommand } from './migrate.ts';
import { officesCommand } from './offices.ts';
import { rakeCommand } from './rake.ts';
import { restoreCommand } from './restore.ts';
import { roundsCommand } from './rounds.ts';
import { seedCommand } from './seed.ts';
import { userCommand } from './user.ts';

/** Every command of `npx sipas`, in the order `--help` lists them. */
export const commands: Command[] = [
  migrateCommand,
  backupCommand,
  restoreCommand,
  seedCommand,
  importLocalitiesCommand,
  importLocalityMappingsCommand,
  roundsCommand,
  officesCommand,
  userCommand,
  importResponsesCommand,
  frameCommand,
  demoResponsesCommand,
  analyzeCommand,
  rakeCommand,
];
