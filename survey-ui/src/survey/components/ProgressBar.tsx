import { useMessages } from '../messages/catalogue.ts';

/** How far along the respondent is, for eyes and for screen readers. */
export function ProgressBar({ step, steps }: { step: number; steps: number }) {
  const t = useMessages();
  const text = t.progress(step, steps);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={t.progressLabel}
        aria-valuemin={1}
        aria-valuemax={steps}
        aria-valuenow={step}
        aria-valuetext={text}
      >
        <div class="progress-fill" style={{ width: `${Math.round((step / steps) * 100)}%` }} />
      </div>
      <p class="progress-text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}
