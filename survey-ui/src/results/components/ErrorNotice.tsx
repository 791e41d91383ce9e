import { ApiError } from '../../staff/api/client.ts';
import { useMessages } from '../messages/catalogue.ts';

/** Why something failed, in the reader's language (the server words its refusals for them). */
export function ErrorNotice({ error }: { error: unknown }) {
  const t = useMessages();
  if (!error) return null;
  const message = error instanceof ApiError && error.status !== 0 ? error.message : t.networkError;
  return (
    <div class="notice error" role="alert">
      <p class="notice-title">{t.errorTitle}</p>
      <p>{message}</p>
    </div>
  );
}
