import { useMessages } from '../messages/catalogue.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** What a screen shows while its data is on the way, or why it did not come. */
export function Loading({ error }: { error?: unknown }) {
  const t = useMessages();
  return error ? (
    <ErrorNotice error={error} />
  ) : (
    <p role="status" class="loading">
      {t.loading}
    </p>
  );
}
