import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../../../../analysis/questionnaire/issue-messages.ts';
import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';

export type { Language, Messages };
export const catalogues: Record<Language, Messages> = { vi, en };

export const MessagesContext = createContext<Messages>(vi);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}
