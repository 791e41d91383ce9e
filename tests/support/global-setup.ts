/** Once before all tests: the browser tests and static-file tests need the built UI. */
import { ensureUiBuilt } from '../../survey-ui/build/ensure-built.ts';

export default function setup(): void {
  ensureUiBuilt();
}
