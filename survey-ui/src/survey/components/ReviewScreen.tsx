import { useEffect, useRef } from 'preact/hooks';
import { useMessages } from '../messages/catalogue.ts';
import type { ReviewSection } from '../model/review.ts';
import { ScreenHeading } from './ScreenHeading.tsx';

/**
 * Every answer before sending, with a way back to each section; coming back from one, the review
 * opens at that section (its "Sửa" button takes the focus) rather than at the top.
 */
export function ReviewScreen({
  sections,
  sending,
  failed,
  returnedFrom,
  onEdit,
  onBack,
  onSend,
}: {
  sections: ReviewSection[];
  sending: boolean;
  failed: boolean;
  returnedFrom?: string;
  onEdit: (section: string) => void;
  onBack: () => void;
  onSend: () => void;
}) {
  const t = useMessages();
  const returnedTo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    returnedTo.current?.focus();
    returnedTo.current?.scrollIntoView?.({ block: 'center' });
  }, [returnedFrom]);
  return (
    <section class="screen review">
      <ScreenHeading focus={!returnedFrom}>{t.reviewTitle}</ScreenHeading>
      <p>{t.reviewIntro}</p>
      {sections.map((section) => (
        <section class="review-section" key={section.code} aria-label={section.title}>
          <div class="review-head">
            <h2>{section.title}</h2>
            <button
              type="button"
              class="button small"
              ref={section.code === returnedFrom ? returnedTo : undefined}
              aria-label={t.editSection(section.title)}
              onClick={() => onEdit(section.code)}
            >
              {t.edit}
            </button>
          </div>
          <dl>
            {section.rows.map((row) => (
              <div class="review-row" key={row.code} data-question={row.code}>
                <dt>{row.question}</dt>
                <dd class={row.answer === undefined ? 'unanswered' : undefined}>{row.answer ?? t.notAnswered}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {failed && (
        <p class="error-summary" role="alert">
          {t.saveFailed}
        </p>
      )}
      <div class="navigation">
        <button type="button" class="button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" class="button primary" disabled={sending} onClick={onSend}>
          {sending ? t.sending : t.send}
        </button>
      </div>
    </section>
  );
}
