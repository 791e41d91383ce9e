import { useMessages } from '../messages/catalogue.ts';

/**
 * How far along the respondent is, for eyes and for screen readers; it stays at the top of the
 * screen while the respondent scrolls. A native progress element: no style attribute, so the
 * page the server writes can show it under the Content-Security-Policy too.
 */
export function ProgressBar({ step, steps }: { step: number; steps: number }) {
  const t = useMessages();
  const text = t.progress(step, steps);
  return (
    <div class="progress">
      <progress class="progress-track" aria-label={t.progressLabel} max={steps} value={step} aria-valuetext={text} />
      <p class="progress-text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}
