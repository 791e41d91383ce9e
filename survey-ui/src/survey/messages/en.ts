import type { Messages } from './vi.ts';

/** Every text of the survey app in English, key for key with the Vietnamese catalogue. */
export const en: Messages = {
  languageName: 'English',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  loading: 'Loading the survey…',
  linkNotFoundTitle: 'Link not valid',
  linkNotFound: 'This survey link is not valid or has been replaced. Please scan the QR code at the office again.',
  noTokenTitle: 'Please scan the QR code',
  noToken: 'The survey opens from the QR code displayed at the one-stop office.',
  closedTitle: 'This survey has ended',
  closed: (office: string) => `The survey at ${office} is not accepting responses at the moment. Thank you for your interest and your time.`,
  offlineTitle: 'No network connection',
  offline: 'The survey could not be loaded because there is no network. Please turn on mobile data or Wi-Fi and try again.',
  retry: 'Try again',
};
