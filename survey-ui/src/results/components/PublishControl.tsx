import { useState } from 'preact/hooks';
import type { ApiClient } from '../../staff/api/client.ts';
import { useAction } from '../../staff/api/use-load.ts';
import type { ResultRound } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';
import { PublishChecklist } from '../../staff/components/PublishChecklist.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** Publishing (or withdrawing) a round's results, always after an explicit confirmation. */
export function PublishControl({ api, round, formats, onChanged }: { api: ApiClient; round: ResultRound; formats: NumberFormats; onChanged: () => void }) {
  const t = useMessages();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const published = round.status === 'published';
  const act = async (acknowledgedWarnings?: string[]) => {
    const ok = await action.run(async () => {
      const path = `/rounds/${encodeURIComponent(round.code)}/${published ? 'unpublish' : 'publish'}`;
      await (published ? api.send('POST', path) : api.send('POST', path, { acknowledgedWarnings }));
      return published ? t.unpublishedDone : t.publishedDone;
    });
    if (ok) {
      setConfirming(false);
      onChanged();
    } else if (published) setConfirming(false);
    return ok;
  };
  const language = t.locale.startsWith('vi') ? 'vi' : 'en';
  return (
    <section class="panel publish no-print" aria-labelledby="publish-title">
      <h2 id="publish-title">{t.publishTitle}</h2>
      {published && round.publishedAt && (
        <p>
          {t.published(formats.date(round.publishedAt))} <a href={`/results/public/${encodeURIComponent(round.code)}`}>{t.publicLink}</a>
        </p>
      )}
      {action.done && (
        <p class="notice done" role="status">
          {action.done}
        </p>
      )}
      <ErrorNotice error={action.error} />
      {!published && round.status !== 'closed' ? (
        <p class="hint">{t.publishNeedsClosed}</p>
      ) : confirming && !published ? (
        <PublishChecklist
          api={api}
          code={round.code}
          language={language}
          busy={action.busy}
          words={{
            question: t.publishConfirm(round.code),
            title: t.checklistTitle,
            none: t.checklistNone,
            acknowledge: t.checklistAcknowledge,
            confirm: t.confirmPublish,
            cancel: t.cancel,
            loading: t.checklistLoading,
          }}
          onPublish={act}
          onCancel={() => setConfirming(false)}
        />
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="publish-confirm" class="confirm">
          <p id="publish-confirm">{published ? t.unpublishConfirm(round.code) : t.publishConfirm(round.code)}</p>
          <div class="row">
            <button type="button" class="button primary" disabled={action.busy} onClick={() => void act()} ref={(el) => el?.focus()}>
              {published ? t.confirmUnpublish : t.confirmPublish}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button"
          onClick={() => {
            action.clear();
            setConfirming(true);
          }}
        >
          {published ? t.unpublish : t.publish}
        </button>
      )}
    </section>
  );
}
