import { describe, expect, it } from 'vitest';
import { acceptsLateDelivery, type ClosedSurvey } from '../../../server/domain/late-delivery.ts';

const now = new Date('2025-07-03T09:00:00+07:00');
const closed: ClosedSurvey = { roundStatus: 'closed', linkDisabledAt: new Date('2025-07-01T17:00:00+07:00'), periodEnd: '2025-06-30' };

describe('late delivery of responses finished before the survey closed', () => {
  it('accepts through a link a response finished before the link was disabled', () => {
    expect(acceptsLateDelivery(closed, true, new Date('2025-07-01T16:59:00+07:00'), now)).toBe(true);
    expect(acceptsLateDelivery(closed, true, new Date('2025-07-01T17:01:00+07:00'), now)).toBe(false);
  });

  it('takes the end of the round’s last day, Vietnam time, as the closing moment without a link', () => {
    expect(acceptsLateDelivery(closed, false, new Date('2025-06-30T23:59:00+07:00'), now)).toBe(true);
    expect(acceptsLateDelivery(closed, false, new Date('2025-07-01T00:01:00+07:00'), now)).toBe(false);
  });

  it('stops after the grace period, for published rounds, without a finishing time, and for a clock in the future', () => {
    const finished = new Date('2025-07-01T10:00:00+07:00');
    expect(acceptsLateDelivery(closed, true, finished, new Date('2025-07-20T09:00:00+07:00'))).toBe(false);
    expect(acceptsLateDelivery({ ...closed, roundStatus: 'published' }, true, finished, now)).toBe(false);
    expect(acceptsLateDelivery(closed, true, undefined, now)).toBe(false);
    expect(acceptsLateDelivery({ ...closed, linkDisabledAt: new Date('2025-07-05T00:00:00+07:00') }, true, new Date('2025-07-04T00:00:00+07:00'), now)).toBe(false);
  });

  it('refuses through a link that was never disabled, since its closing moment is unknown', () => {
    expect(acceptsLateDelivery({ ...closed, linkDisabledAt: null }, true, new Date('2025-06-01T10:00:00+07:00'), now)).toBe(false);
  });
});
