import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../messages/catalogue.ts';
import { onOutboxChange } from '../sending/sender.ts';
import { queuedResponse, type QueuedResponse } from '../storage/outbox.ts';

/** "Saved, will be sent" or "sent", kept up to date by whoever delivers the response. */
export function DeliveryStatus({ responseId, sentWithoutStorage }: { responseId: string; sentWithoutStorage: boolean }) {
  const t = useMessages();
  const [entry, setEntry] = useState<QueuedResponse | undefined>(undefined);
  useEffect(() => {
    if (sentWithoutStorage) return;
    const refresh = () => void queuedResponse(responseId).then(setEntry, () => undefined);
    refresh();
    const stop = onOutboxChange(refresh);
    // A slow safety net for browsers without BroadcastChannel.
    const timer = setInterval(refresh, 5_000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [responseId, sentWithoutStorage]);
  const state = sentWithoutStorage ? 'delivered' : entry?.state;
  if (!state) return null;
  return (
    <div class={`delivery ${state}`} role="status" data-state={state}>
      {state === 'queued' && <><p class="delivery-state">{t.statusQueued}</p><p>{t.statusQueuedHint}</p></>}
      {state === 'delivered' && <p class="delivery-state">{t.statusDelivered}</p>}
      {state === 'refused' && <p class="delivery-state">{t.statusRefused(entry?.refusal ?? '')}</p>}
    </div>
  );
}
