import { describe, expect, it } from 'vitest';
import type { BatchForm } from '../../../survey-ui/src/staff/api/types.ts';
import { checkSerial, nextSerialToKey } from '../../../survey-ui/src/staff/keying/serial-check.ts';
import { formOpened, formSaved, formsPerHour, newKeyingSession } from '../../../survey-ui/src/staff/keying/speed.ts';
import { matchPath } from '../../../survey-ui/src/staff/routing/match.ts';

const forms: BatchForm[] = [
  { serial: 11, status: 'keyed_once', localityCode: '660', communeCode: null, communeName: null, keyedByMe: true },
  { serial: 12, status: 'keyed_once', localityCode: '660', communeCode: null, communeName: null, keyedByMe: false },
  { serial: 13, status: 'returned', localityCode: '660', communeCode: null, communeName: null, keyedByMe: false },
  { serial: 14, status: 'verified', localityCode: '660', communeCode: null, communeName: null, keyedByMe: true },
  { serial: 15, status: 'spoiled', localityCode: '660', communeCode: null, communeName: null, keyedByMe: false },
];

describe('the serial a keyer types', () => {
  it('opens a form of the batch waiting for this keyer, or the keyer’s own entry for correction', () => {
    expect(checkSerial(' 12 ', forms)).toEqual({ ok: true, serial: 12, correcting: false });
    expect(checkSerial('11', forms)).toEqual({ ok: true, serial: 11, correcting: true });
  });

  it('refuses what is not a number, not in the batch, already keyed twice, or spoiled', () => {
    expect(checkSerial('1a', forms)).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(checkSerial('99', forms)).toMatchObject({ ok: false, reason: 'not_in_batch', serial: 99 });
    expect(checkSerial('14', forms)).toMatchObject({ ok: false, reason: 'closed' });
    expect(checkSerial('15', forms)).toMatchObject({ ok: false, reason: 'not_returned' });
  });

  it('suggests the next form this keyer has not keyed, wrapping round to the first', () => {
    expect(nextSerialToKey(forms)).toBe(12);
    expect(nextSerialToKey(forms, 12)).toBe(13);
    expect(nextSerialToKey(forms, 13)).toBe(12);
    expect(nextSerialToKey([forms[0], forms[3]])).toBeUndefined();
  });
});

describe('forms per hour', () => {
  it('counts saved forms over the time since the first form was opened', () => {
    let session = formOpened(newKeyingSession(), 0);
    expect(formsPerHour(session, 60_000)).toBeNull();
    session = formSaved(formSaved(formOpened(session, 30_000)));
    expect(formsPerHour(session, 60_000)).toBe(120);
  });
});

describe('staff routes', () => {
  it('match paths with parameters and nothing else', () => {
    expect(matchPath('/staff/batches/:id/forms/:serial', '/staff/batches/3/forms/17/')).toEqual({ id: '3', serial: '17' });
    expect(matchPath('/staff/batches/:id', '/staff/batches')).toBeUndefined();
    expect(matchPath('/staff/users', '/staff/usersx')).toBeUndefined();
    expect(matchPath('/staff/rounds/:code', '/staff/rounds/%E0%A4%A')).toBeUndefined();
  });
});
