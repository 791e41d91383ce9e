import { useMessages } from '../messages/catalogue.ts';
import { DeliveryStatus } from './DeliveryStatus.tsx';
import { ScreenHeading } from './ScreenHeading.tsx';

/** The end: thanks, whether the response has left the phone, and a fresh survey for the next person. */
export function ThankYouScreen({ responseId, sentWithoutStorage, onAnother }: { responseId: string; sentWithoutStorage: boolean; onAnother: () => void }) {
  const t = useMessages();
  return (
    <section class="screen thanks">
      <ScreenHeading focus>{t.thanksTitle}</ScreenHeading>
      <p>{t.thanks}</p>
      <DeliveryStatus responseId={responseId} sentWithoutStorage={sentWithoutStorage} />
      <div class="navigation">
        <button type="button" class="button" onClick={onAnother}>
          {t.anotherResponse}
        </button>
      </div>
    </section>
  );
}
