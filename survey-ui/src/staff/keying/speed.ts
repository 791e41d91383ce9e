/** How fast a keyer works in this sitting: forms saved per hour of keying time. */
export interface KeyingSession {
  /** When the first form of the sitting was opened (ms). */
  startedAt: number | null;
  saved: number;
}

export const newKeyingSession = (): KeyingSession => ({ startedAt: null, saved: 0 });

export function formOpened(session: KeyingSession, now: number): KeyingSession {
  return session.startedAt === null ? { ...session, startedAt: now } : session;
}

export function formSaved(session: KeyingSession): KeyingSession {
  return { ...session, saved: session.saved + 1 };
}

/** Forms per hour since the first form was opened; null until one is saved. */
export function formsPerHour(session: KeyingSession, now: number): number | null {
  if (session.startedAt === null || session.saved === 0) return null;
  const hours = Math.max(now - session.startedAt, 1000) / 3_600_000;
  return session.saved / hours;
}
