import type { Estimate } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { NumberFormats } from '../model/format.ts';

/** The round's target beside the overall index: reached or not, and by how much (nothing when no target was set). */
export function TargetMark({
  target,
  overall,
  label,
  formats,
}: {
  target: number | null | undefined;
  overall: Estimate | undefined;
  label: string;
  formats: NumberFormats;
}) {
  const t = useMessages();
  if (target === null || target === undefined) return null;
  const value = overall?.estimate ?? null;
  const percent = (v: number) => `${formats.percent(v)} %`;
  return (
    <section class="panel target-mark" aria-labelledby="target-title" data-target={target}>
      <h2 id="target-title">{t.targetTitle}</h2>
      <p>
        <strong>{t.targetOf(percent(target), label)}</strong>{' '}
        {value !== null && (value >= target ? t.targetReached(percent(value)) : t.targetMissed(percent(value), formats.percent(target - value)))}
      </p>
      {value !== null && (
        <div class="target-bar" aria-hidden="true">
          <span class="target-value" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
          <span class="target-line" style={{ left: `${target}%` }} />
        </div>
      )}
    </section>
  );
}
