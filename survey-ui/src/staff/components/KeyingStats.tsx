import { formsPerHour, type KeyingSession } from '../keying/speed.ts';
import { useMessages } from '../messages/catalogue.ts';

/** How many forms this sitting saved, and at what pace. */
export function KeyingStats({ session }: { session: KeyingSession }) {
  const t = useMessages();
  return (
    <p class="keying-stats" aria-live="polite">
      <span data-stat="saved">{t.savedCount(session.saved)}</span>
      {' · '}
      <span>
        {t.speedLabel}: <strong data-stat="per-hour">{t.speed(formsPerHour(session, Date.now()))}</strong>
      </span>
    </p>
  );
}
