/**
 * A form being keyed, kept on this computer after every key so that a reload, a closed tab or a
 * crashed browser loses nothing: one draft per keyer, batch and serial, dropped once the server
 * has saved the entry (or the keyer chose to drop the form). localStorage is enough: a draft is a
 * few kilobytes and written synchronously, so the last key before a crash is in it.
 */
import type { Cell, Field, FormState } from './form-state.ts';

export interface Draft {
  serial: number;
  version: string;
  savedAt: string;
  state: FormState;
}

const PREFIX = 'sipas.keying-draft';
const keyOf = (userId: number, batchId: number, serial: number) => `${PREFIX}.${userId}.${batchId}.${serial}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage refused (private mode, policy): keying goes on without drafts
  }
}

export function saveDraft(userId: number, batchId: number, draft: Draft): void {
  try {
    storage()?.setItem(keyOf(userId, batchId, draft.serial), JSON.stringify(draft));
  } catch {
    // A full storage must never stop the keyer; the form is still saved to the server as usual.
  }
}

export function clearDraft(userId: number, batchId: number, serial: number): void {
  storage()?.removeItem(keyOf(userId, batchId, serial));
}

const isCell = (c: unknown): c is Cell => {
  if (!c || typeof c !== 'object') return false;
  const kind = (c as { kind?: unknown }).kind;
  return kind === 'blank' || kind === 'na' || (kind === 'value' && 'value' in c);
};

/** A stored draft, if it is one for these fields: anything else found under the key is ignored. */
function parseDraft(text: string | null, version: string, fields: Field[]): Draft | undefined {
  if (!text) return undefined;
  try {
    const raw = JSON.parse(text) as Partial<Draft>;
    if (raw.version !== version || typeof raw.serial !== 'number' || typeof raw.savedAt !== 'string' || !raw.state) return undefined;
    const values: Record<string, Cell> = {};
    for (const f of fields) {
      const cell = raw.state.values?.[f.code];
      if (isCell(cell)) values[f.code] = cell;
    }
    const cursor = Number.isInteger(raw.state.cursor) ? Math.min(Math.max(0, raw.state.cursor), fields.length) : 0;
    const draft = typeof raw.state.draft === 'string' ? raw.state.draft : undefined;
    return { serial: raw.serial, version, savedAt: raw.savedAt, state: { values, cursor, ...(draft !== undefined ? { draft } : {}) } };
  } catch {
    return undefined;
  }
}

export function loadDraft(userId: number, batchId: number, serial: number, version: string, fields: Field[]): Draft | undefined {
  return parseDraft(storage()?.getItem(keyOf(userId, batchId, serial)) ?? null, version, fields);
}

/** The keyer's drafts of this batch, the latest first: the form they were keying is offered back. */
export function draftsOf(userId: number, batchId: number, version: string, fields: Field[]): Draft[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}.${userId}.${batchId}.`;
  const drafts: Draft[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(prefix)) continue;
    const draft = parseDraft(store.getItem(key), version, fields);
    if (draft) drafts.push(draft);
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
