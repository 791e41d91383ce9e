import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublishChecklistView } from '../../../../contract/plans.ts';
import type { ApiClient } from '../api/client.ts';
import { useLoad } from '../api/use-load.ts';

export interface ChecklistWords {
  /** The question the dialog asks, when the screen words one ("Publish the results of round X?"). */
  question?: string;
  title: string;
  none: string;
  acknowledge: (count: number) => string;
  confirm: string;
  cancel: string;
  loading: string;
}

/**
 * What a manager reads before publishing, shared by the staff round page and the results
 * dashboard (each passes its own words): every warning of the round's checklist, a box to tick
 * that they were read, and the publish button, which sends the warnings acknowledged. When the
 * server answers that the list changed, the list is read again and the box unticked.
 */
export function PublishChecklist({
  api,
  code,
  language,
  words,
  busy,
  onPublish,
  onCancel,
}: {
  api: ApiClient;
  code: string;
  language: 'vi' | 'en';
  words: ChecklistWords;
  busy: boolean;
  onPublish: (acknowledged: string[]) => Promise<boolean>;
  onCancel: () => void;
}) {
  const checklist = useLoad(() => api.get<PublishChecklistView>(`/rounds/${encodeURIComponent(code)}/publish-checklist`), [code]);
  const [read, setRead] = useState(false);
  const warnings = checklist.data?.warnings;
  const first = useRef<HTMLElement>(null);
  // Once the list is in, the keyboard lands on the box to tick (or on the button when there is nothing to read).
  useEffect(() => first.current?.focus(), [warnings]);
  const publish = async () => {
    if (!warnings) return;
    if (!(await onPublish(warnings.map((w) => w.key)))) {
      setRead(false);
      checklist.reload();
    }
  };
  return (
    <div role="alertdialog" aria-labelledby="publish-checklist-title" aria-busy={!warnings} class="confirm publish-checklist">
      {words.question && <p>{words.question}</p>}
      <h3 id="publish-checklist-title">{words.title}</h3>
      {!warnings ? (
        <p role="status">{words.loading}</p>
      ) : warnings.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <>
          <ul class="publish-warnings">
            {warnings.map((w) => (
              <li key={w.key} data-warning-kind={w.kind}>
                {w[language]}
              </li>
            ))}
          </ul>
          <label class="acknowledge">
            <input ref={first as never} type="checkbox" checked={read} onChange={(e) => setRead((e.currentTarget as HTMLInputElement).checked)} />{' '}
            {words.acknowledge(warnings.length)}
          </label>
        </>
      )}
      <div class="row">
        <button
          type="button"
          class="button primary"
          data-publish-confirm
          ref={warnings?.length === 0 ? (first as never) : undefined}
          disabled={busy || !warnings || (warnings.length > 0 && !read)}
          onClick={() => void publish()}
        >
          {words.confirm}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {words.cancel}
        </button>
      </div>
    </div>
  );
}
