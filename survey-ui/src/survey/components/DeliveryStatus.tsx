import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../messages/catalogue.ts';
import { onControllerChange, onOutboxChange, requestBackgroundSync } from '../sending/sender.ts';
import { queuedResponse, type QueuedResponse } from '../storage/outbox.ts';

/**
 * Where the response is, told truthfully: "you may close the page" only once the server has
 * acknowledged it, or while it waits in the outbox with a service worker that the browser will
 * wake to send it without the page (Background Sync); otherwise "keep this page open until it is
 * sent". A response the server refused stays on the phone, and the citizen reads why.
 */
export function DeliveryStatus({ responseId, sentWithoutStorage }: { responseId: string; sentWithoutStorage: boolean }) {
  const t = useMessages();
  const [entry, setEntry] = useState<QueuedResponse | undefined>(undefined);
  const [background, setBackground] = useState(false);
  useEffect(() => {
    if (sentWithoutStorage) return;
    const refresh = () => void queuedResponse(responseId).then(setEntry, () => undefined);
    // The service worker may start controlling the page only after the response was queued (first visit).
    const checkBackground = () => void requestBackgroundSync().then(setBackground, () => setBackground(false));
    refresh();
    checkBackground();
    const stopOutbox = onOutboxChange(refresh);
    const stopController = onControllerChange(checkBackground);
    // A slow safety net for browsers without BroadcastChannel.
    const timer = setInterval(refresh, 5_000);
    return () => {
      stopOutbox();
      stopController();
      clearInterval(timer);
    };
  }, [responseId, sentWithoutStorage]);
  const state = sentWithoutStorage ? 'delivered' : entry?.state;
  if (!state) return null;
  const waiting = state === 'queued' ? (background ? 'background' : 'keep-open') : undefined;
  return (
    <div class={`delivery ${state}`} role="status" data-state={state} data-waiting={waiting}>
      {state === 'queued' && (
        <>
          <p class="delivery-state">{t.statusQueued}</p>
          {background ? <p>{t.statusQueuedBackground}</p> : <p class="keep-open">{t.statusQueuedKeepOpen}</p>}
        </>
      )}
      {state === 'delivered' && <p class="delivery-state">{t.statusDelivered}</p>}
      {state === 'refused' && (
        <>
          <p class="delivery-state">{t.statusRefused(entry?.refusal ?? '')}</p>
          <p>{t.statusRefusedKept}</p>
        </>
      )}
    </div>
  );
}
