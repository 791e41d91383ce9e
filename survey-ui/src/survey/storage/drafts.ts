/** The draft of each office link on this phone. */
import type { Draft } from '../model/draft.ts';
import { getOne, putOne, STORES } from './idb.ts';

export function loadDraft(token: string): Promise<Draft | undefined> {
  return getOne<Draft>(STORES.drafts, token);
}

let writing: Promise<unknown> = Promise.resolve();

/**
 * Runs draft writes one after another in the order asked, so a slow write never overwrites a
 * later answer, and finishing a survey lands after its last answer.
 */
export function writeInOrder<T>(work: () => Promise<T>): Promise<T> {
  const result = writing.then(work);
  writing = result.catch(() => undefined);
  return result;
}

export function saveDraft(draft: Draft): Promise<void> {
  return writeInOrder(() => putOne(STORES.drafts, draft));
}
