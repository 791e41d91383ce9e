import { ApiError } from '../api/client.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * Why something failed, in the reader's language, with each field the server named: in words
 * where the screen knows them (`describe`, e.g. a question by its printed number), else its path.
 */
export function ErrorNotice({ error, describe }: { error: unknown; describe?: (path: string) => string | undefined }) {
  const t = useMessages();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const message = !apiError || apiError.status === 0 ? t.networkError : apiError.message;
  return (
    <div class="notice error" role="alert">
      <p class="notice-title">{t.errorTitle}</p>
      <p>{message}</p>
      {apiError && apiError.issues.length > 0 && (
        <ul>
          {apiError.issues.map((issue) => (
            <li key={issue.path} data-path={issue.path}>
              {describe?.(issue.path) ?? <code>{issue.path}</code>}: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
