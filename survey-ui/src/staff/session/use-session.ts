import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiClient, type ApiClient } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import type { Language } from '../messages/catalogue.ts';

/**
 * The staff session (undefined while asked for, null when logged out) and an API client that
 * sends its CSRF token and language and drops the session when the server no longer knows it.
 * The staff app and the results dashboard share the log-in through this.
 */
export function useStaffSession(language: Language) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const current = useRef({ session, language });
  current.current = { session, language };
  const api: ApiClient = useMemo(
    () =>
      apiClient({
        csrfToken: () => current.current.session?.csrfToken,
        language: () => current.current.language,
        onUnauthorised: () => setSession(null),
      }),
    [],
  );
  useEffect(() => {
    api.get<Session>('/session').then(setSession, () => setSession(null));
  }, [api]);
  const logOut = async () => {
    await api.send('DELETE', '/session').catch(() => undefined);
    setSession(null);
  };
  return { session, setSession, api, logOut };
}
