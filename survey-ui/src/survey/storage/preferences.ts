/** The reader's language choice, kept on the device (read synchronously so the first paint is right). */
import type { Language } from '../messages/catalogue.ts';

const KEY = 'sipas.language';

export function savedLanguage(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
