import { useState } from 'preact/hooks';
import type { BatchDetail, BatchForm, KeyedForm } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { KeyingForm } from '../components/KeyingForm.tsx';
import { KeyingStats } from '../components/KeyingStats.tsx';
import { Loading } from '../components/Loading.tsx';
import { SerialPrompt } from '../components/SerialPrompt.tsx';
import { clearDraft, draftsOf, loadDraft, saveDraft } from '../keying/drafts.ts';
import { entryPayload, initialState, restoredState, stateFromEntry, type FormState } from '../keying/form-state.ts';
import { questionOfPath } from '../keying/printed-number.ts';
import { loadQuestionnaire } from '../keying/questionnaires.ts';
import { checkSerial, nextSerialToKey } from '../keying/serial-check.ts';
import { formOpened, formSaved, newKeyingSession } from '../keying/speed.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

interface OpenForm {
  serial: number;
  correcting: boolean;
  initial: FormState;
  openedAt: number;
  restored: boolean;
}

/**
 * A keyer's entry screen for one batch: type the serial, key the form, Enter saves and the next
 * serial is offered. The keyer sees only their own entries, never the other keyer's.
 */
export function KeyingPage({ batchId }: { batchId: number }) {
  const t = useMessages();
  const { api, language, session } = useStaff();
  const userId = session.user.id;
  const batch = useLoad(() => api.get<BatchDetail>(`/batches/${batchId}`), [batchId]);
  const version = batch.data?.questionnaireVersion;
  const questionnaire = useLoad(() => (version ? loadQuestionnaire(api, version, language) : Promise.resolve(undefined)), [version, language]);
  const [open, setOpen] = useState<OpenForm | undefined>(undefined);
  const [serialError, setSerialError] = useState<string | undefined>(undefined);
  const [lastSaved, setLastSaved] = useState<number | undefined>(undefined);
  const [sitting, setSitting] = useState(newKeyingSession);
  const opening = useAction();
  const saving = useAction();

  const b = batch.data;
  const q = questionnaire.data;
  if (!b || !q)
    return (
      <section>
        <h1 tabIndex={-1}>{t.keyingTitle('')}</h1>
        <Loading error={batch.error ?? questionnaire.error} />
      </section>
    );

  const openSerial = async (typed: string) => {
    const check = checkSerial(typed, b.forms);
    if (!check.ok) {
      const reason = t.serialErrors[check.reason];
      setSerialError(reason(check.serial ?? 0, b.code));
      return;
    }
    setSerialError(undefined);
    saving.clear();
    await opening.run(async () => {
      // What was being keyed on this computer comes back first: it is newer than any saved entry.
      const draft = loadDraft(userId, b.id, check.serial, q.questionnaire.version, q.fields);
      const own = !draft && check.correcting ? await api.get<KeyedForm | null>(`/batches/${b.id}/forms/${check.serial}/entry`) : null;
      const initial = draft
        ? restoredState(q.questionnaire, q.fields, draft.state)
        : own
          ? stateFromEntry(q.questionnaire, q.fields, own)
          : initialState(q.questionnaire, q.fields);
      const now = Date.now();
      setSitting((s) => formOpened(s, now));
      setOpen({ serial: check.serial, correcting: check.correcting, initial, openedAt: now, restored: draft !== undefined });
      return undefined;
    });
  };

  const save = (state: FormState) =>
    void saving.run(async () => {
      if (!open) return undefined;
      const seconds = Math.round((Date.now() - open.openedAt) / 1000);
      await api.send('PUT', `/batches/${b.id}/forms/${open.serial}/entry`, { ...entryPayload(q.fields, state), seconds });
      clearDraft(userId, b.id, open.serial);
      setSitting((s) => formSaved(s));
      setLastSaved(open.serial);
      setOpen(undefined);
      batch.reload();
      return t.savedForm(open.serial);
    });

  const keepDraft = (state: FormState) => {
    if (open) saveDraft(userId, b.id, { serial: open.serial, version: q.questionnaire.version, savedAt: new Date().toISOString(), state });
  };
  const drop = () => {
    if (open) clearDraft(userId, b.id, open.serial);
    setOpen(undefined);
  };
  // A form left half keyed (a reload, a closed tab) is offered back before the next one. A draft of
  // a form this keyer can no longer key (both entries in, verified) is of no use and is forgotten.
  const drafts = open ? [] : draftsOf(userId, b.id, q.questionnaire.version, q.fields);
  for (const d of drafts) if (!checkSerial(String(d.serial), b.forms).ok) clearDraft(userId, b.id, d.serial);
  const pending = drafts.find((d) => checkSerial(String(d.serial), b.forms).ok);
  const communeWords = (form: BatchForm | undefined) => (form?.communeCode ? `${form.communeName ?? ''} (${form.communeCode})` : t.communeUnknown);
  const suggested = pending?.serial ?? nextSerialToKey(b.forms, lastSaved);
  return (
    <section class="keying">
      <h1 tabIndex={-1}>{t.keyingTitle(b.code)}</h1>
      <KeyingStats session={sitting} />
      <DoneNotice message={saving.done} />
      <ErrorNotice error={saving.error ?? opening.error} describe={(path) => questionOfPath(q.fields, path)} />
      {open ? (
        <KeyingForm
          key={`${open.serial}-${open.openedAt}`}
          questionnaire={q.questionnaire}
          fields={q.fields}
          initial={open.initial}
          serial={open.serial}
          commune={communeWords(b.forms.find((f) => f.serial === open.serial))}
          correcting={open.correcting}
          saving={saving.busy}
          onSave={save}
          onCancel={drop}
          onChange={keepDraft}
          restored={open.restored}
        />
      ) : (
        <>
          {suggested === undefined && <p class="notice done">{t.allKeyed}</p>}
          {pending && (
            <p class="notice" data-draft={pending.serial}>
              {t.draftOffered(pending.serial, new Date(pending.savedAt).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB'))}
            </p>
          )}
          <SerialPrompt suggested={suggested} error={serialError} onSerial={(typed) => void openSerial(typed)} />
        </>
      )}
    </section>
  );
}
