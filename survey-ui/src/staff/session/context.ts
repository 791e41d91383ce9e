/** What every staff screen needs: who is logged in, the API, the language and the chosen round. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import type { Round, Session } from '../api/types.ts';
import type { Language } from '../messages/catalogue.ts';

export interface StaffContextValue {
  session: Session;
  api: ApiClient;
  language: Language;
  rounds: Round[];
  /** The round the manager works on (kept on this computer); undefined when there is none. */
  round: Round | undefined;
  chooseRound(code: string): void;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('a staff screen was rendered outside the logged-in shell');
  return value;
}
