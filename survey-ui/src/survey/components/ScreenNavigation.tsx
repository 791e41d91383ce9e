import { useMessages } from '../messages/catalogue.ts';

/** Back and next at the foot of a screen; next submits the screen's form, so Enter works too. */
export function ScreenNavigation({ onBack, nextLabel }: { onBack?: () => void; nextLabel: string }) {
  const t = useMessages();
  return (
    <div class="navigation">
      {onBack && (
        <button type="button" class="button" onClick={onBack}>
          {t.back}
        </button>
      )}
      <button type="submit" class="button primary">
        {nextLabel}
      </button>
    </div>
  );
}
