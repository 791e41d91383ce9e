/**
 * Whether a keyer may key the serial they typed: it must be a form of their batch that is waiting
 * for their entry. A form they already keyed can be corrected until the second entry is in.
 */
import type { BatchForm } from '../api/types.ts';

export type SerialCheck =
  | { ok: true; serial: number; correcting: boolean }
  | { ok: false; reason: 'not_a_number' | 'not_in_batch' | 'closed' | 'not_returned'; serial?: number };

export function checkSerial(typed: string, forms: BatchForm[]): SerialCheck {
  const text = typed.trim();
  if (!/^\d{1,9}$/.test(text)) return { ok: false, reason: 'not_a_number' };
  const serial = Number(text);
  const form = forms.find((f) => f.serial === serial);
  if (!form) return { ok: false, reason: 'not_in_batch', serial };
  if (form.status === 'keyed_twice' || form.status === 'verified') return { ok: false, reason: 'closed', serial };
  if (form.status !== 'returned' && form.status !== 'keyed_once') return { ok: false, reason: 'not_returned', serial };
  return { ok: true, serial, correcting: form.keyedByMe === true };
}

/** The next form of the batch the keyer has not keyed yet, after `after` if given. */
export function nextSerialToKey(forms: BatchForm[], after?: number): number | undefined {
  const open = forms.filter((f) => !f.keyedByMe && (f.status === 'returned' || f.status === 'keyed_once'));
  return (open.find((f) => after === undefined || f.serial > after) ?? open[0])?.serial;
}
