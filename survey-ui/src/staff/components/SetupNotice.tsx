import type { ApiClient } from '../api/client.ts';
import type { SetupStatus } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * On a new installation, under the log-in form: there is no administrator yet, and — to a browser
 * on the server's own machine only — the link to the first-run setup.
 */
export function SetupNotice({ api }: { api: ApiClient }) {
  const t = useMessages();
  const status = useLoad(() => api.get<SetupStatus>('/setup'), [api]);
  if (!status.data?.needed) return null;
  return (
    <div class="notice" role="note">
      <p class="notice-title">{t.setupNeeded}</p>
      {/* A whole page load: the setup page takes the token out of the address bar as it opens. */}
      {status.data.link ? <a href={status.data.link}>{t.setupHere}</a> : <p>{t.setupElsewhere}</p>}
    </div>
  );
}
