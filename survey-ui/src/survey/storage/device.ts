/**
 * A random id this phone keeps, sent with its responses so rate limits and burst checks count per
 * device (a whole office may share one IP address). It identifies a device, never a person.
 */
import { randomUuid } from './uuid.ts';

const KEY = 'sipas.clientId';

export function deviceClientId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
    const made = randomUuid();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    return randomUuid();
  }
}
