import { describe, expect, it } from 'vitest';
import { lateDeliveryClosing, windowState, type SurveyWindow } from '../../../server/domain/responses/late-delivery.ts';

const round: SurveyWindow = { roundStatus: 'open', periodStart: '2025-01-01', periodEnd: '2025-06-30', demo: false, linkActive: true, linkDisabledAt: null };
const at = (text: string) => new Date(text);

describe('the days a survey link takes responses (Vietnam time, UTC+7)', () => {
  it('opens at 00:00 of the first day and closes at 24:00 of the last day, Vietnam time', () => {
    expect(windowState(round, at('2024-12-31T23:59:00+07:00'))).toBe('not_started');
    expect(windowState(round, at('2024-12-31T17:00:00Z'))).toBe('open'); // 00:00 on 1 January in Vietnam
    expect(windowState(round, at('2025-06-30T23:59:00+07:00'))).toBe('open');
    expect(windowState(round, at('2025-06-30T17:00:00Z'))).toBe('ended'); // 00:00 on 1 July in Vietnam
  });

  it('is closed while the link is closed or the round is not open, and a draft round has not started', () => {
    const now = at('2025-03-01T10:00:00+07:00');
    expect(windowState({ ...round, linkActive: false }, now)).toBe('closed');
    expect(windowState({ ...round, roundStatus: 'closed' }, now)).toBe('closed');
    expect(windowState({ ...round, roundStatus: 'published' }, now)).toBe('closed');
    expect(windowState({ ...round, roundStatus: 'draft' }, now)).toBe('not_started');
  });

  it('lets a demo round take responses after its last day, never before its first', () => {
    expect(windowState({ ...round, demo: true }, at('2030-01-01T10:00:00+07:00'))).toBe('open');
    expect(windowState({ ...round, demo: true }, at('2024-12-01T10:00:00+07:00'))).toBe('not_started');
  });
});

describe('late delivery of responses finished before the survey closed', () => {
  const closedLink: SurveyWindow = { ...round, roundStatus: 'closed', linkActive: false, linkDisabledAt: at('2025-06-20T17:00:00+07:00') };
  const now = at('2025-06-22T09:00:00+07:00');

  it('accepts through a closed link a response finished before the link was closed', () => {
    expect(lateDeliveryClosing(closedLink, at('2025-06-20T16:59:00+07:00'), now)).toEqual(closedLink.linkDisabledAt);
    expect(lateDeliveryClosing(closedLink, at('2025-06-20T17:01:00+07:00'), now)).toBeUndefined();
  });

  it('takes the end of the round’s last day, Vietnam time, as the closing moment once it has passed', () => {
    const after = at('2025-07-03T09:00:00+07:00');
    expect(lateDeliveryClosing(round, at('2025-06-30T23:59:00+07:00'), after)).toEqual(at('2025-07-01T00:00:00+07:00'));
    expect(lateDeliveryClosing(round, at('2025-07-01T00:01:00+07:00'), after)).toBeUndefined();
  });

  it('stops after the grace period, for published rounds, without a finishing time, before the round began, and for a clock in the future', () => {
    const finished = at('2025-06-20T10:00:00+07:00');
    expect(lateDeliveryClosing(closedLink, finished, at('2025-07-20T09:00:00+07:00'))).toBeUndefined();
    expect(lateDeliveryClosing({ ...closedLink, roundStatus: 'published' }, finished, now)).toBeUndefined();
    expect(lateDeliveryClosing(closedLink, undefined, now)).toBeUndefined();
    expect(lateDeliveryClosing(closedLink, at('2024-12-31T10:00:00+07:00'), now)).toBeUndefined();
    expect(lateDeliveryClosing({ ...closedLink, linkDisabledAt: at('2025-06-25T00:00:00+07:00') }, at('2025-06-24T00:00:00+07:00'), now)).toBeUndefined();
  });

  it('refuses when the round was closed by hand with its link left open, since its closing moment is unknown', () => {
    expect(lateDeliveryClosing({ ...round, roundStatus: 'closed' }, at('2025-06-01T10:00:00+07:00'), now)).toBeUndefined();
  });

  it('takes nothing late before the round has started', () => {
    expect(lateDeliveryClosing(round, at('2024-12-30T10:00:00+07:00'), at('2024-12-31T10:00:00+07:00'))).toBeUndefined();
  });
});
