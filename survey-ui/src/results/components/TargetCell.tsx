import type { Estimate } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { targetStanding } from '../model/target.ts';

/** A unit's overall index against the round's target: met or not, starred where its interval contains the target. */
export function TargetCell({ estimate, target }: { estimate: Estimate | undefined; target: number }) {
  const t = useMessages();
  const standing = targetStanding(estimate, target);
  if (!standing) return <td>—</td>;
  return (
    <td class={`target-${standing.status}`} data-target-status={standing.status} title={standing.certain ? undefined : t.targetUnclear}>
      {t.targetStatus[standing.status]}
      {!standing.certain && <sup class="mark">*</sup>}
    </td>
  );
}
