import { useState } from 'preact/hooks';
import type { RoundDetail, RoundView } from '../api/types.ts';
import { useAction } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PublishChecklist } from './PublishChecklist.tsx';

/** The moves a round's status allows now (the server refuses any other): draft → open → closed → published, and back. */
function movesOf(round: RoundDetail): string[] {
  switch (round.status) {
    case 'draft':
      return ['open'];
    case 'open':
      return ['close'];
    case 'closed':
      return ['publish', 'reopen', round.keyingClosed ? 'reopen-keying' : 'close-keying'];
    case 'published':
      return ['unpublish'];
  }
}

/** A round's status and the buttons that move it on. */
export function RoundLifecycle({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const t = useMessages();
  const { api, language } = useStaff();
  const action = useAction();
  // Publishing goes through the checklist: the manager reads the warnings and acknowledges them.
  const [publishing, setPublishing] = useState(false);
  const move = (transition: string, body?: unknown) =>
    action.run(async () => {
      const changed = await api.send<RoundView>('POST', `/rounds/${encodeURIComponent(round.code)}/${transition}`, body);
      setPublishing(false);
      onChanged();
      return t.roundTransitionDone(t.roundStatuses[changed.status]);
    });
  return (
    <section class="panel stack" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t.roundLifecycleTitle}</h2>
      <p>
        <strong data-round-status={round.status}>{t.roundStatuses[round.status]}</strong>
        {round.status !== 'draft' && round.status !== 'open' && <> · {round.keyingClosed ? t.roundKeyingClosed : t.roundKeyingOpen}</>}
      </p>
      <p>{t.roundByChannel(round.byChannel.office, round.byChannel.online, round.byChannel.paper)}</p>
      <ErrorNotice error={action.error} />
      <DoneNotice message={action.done} />
      {publishing ? (
        <PublishChecklist
          api={api}
          code={round.code}
          language={language}
          busy={action.busy}
          words={{
            title: t.checklistTitle,
            none: t.checklistNone,
            acknowledge: t.checklistAcknowledge,
            confirm: t.checklistConfirm,
            cancel: t.cancel,
            loading: t.loading,
          }}
          onPublish={(acknowledgedWarnings) => move('publish', { acknowledgedWarnings })}
          onCancel={() => setPublishing(false)}
        />
      ) : (
        <div class="row">
          {movesOf(round).map((transition) => (
            <button
              key={transition}
              type="button"
              class="button"
              data-transition={transition}
              disabled={action.busy}
              onClick={() => {
                if (transition !== 'publish') return void move(transition);
                action.clear();
                setPublishing(true);
              }}
            >
              {t.roundTransitions[transition]}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
