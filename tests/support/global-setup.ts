/**
 * Once before all tests: the browser tests and static-file tests need the built UI, and the tests
 * that run `npx sipas` or the server as a process run the compiled code (build/compile.mjs).
 */
import { compile, isCurrent } from '../../build/compile.mjs';
import { ensureUiBuilt } from '../../survey-ui/build/ensure-built.ts';

export default async function setup(): Promise<void> {
  ensureUiBuilt();
  if (!isCurrent()) await compile();
}
