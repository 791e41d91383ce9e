/**
 * Once before all tests: the browser tests and static-file tests need the built UI, the tests
 * that run `npx sipas` or the server as a process run the compiled code (build/compile.mjs), and
 * each test file's database starts from one migrated and seeded template.
 */
import { compile, isCurrent } from '../../build/compile.mjs';
import { ensureUiBuilt } from '../../survey-ui/build/ensure-built.ts';
import { prepareDatabaseTemplate } from './database.ts';

export default async function setup(): Promise<() => Promise<void>> {
  ensureUiBuilt();
  if (!isCurrent()) await compile();
  return prepareDatabaseTemplate();
}
