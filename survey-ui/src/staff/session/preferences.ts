/** Choices kept on this computer: the language and the round a manager works on. */
import type { Language } from '../messages/catalogue.ts';

const LANGUAGE = 'sipas.staff.language';
const ROUND = 'sipas.staff.round';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

export const savedLanguage = (): Language => (read(LANGUAGE) === 'en' ? 'en' : 'vi');
export const saveLanguage = (language: Language) => write(LANGUAGE, language);
export const savedRound = (): string | null => read(ROUND);
export const saveRound = (code: string) => write(ROUND, code);
