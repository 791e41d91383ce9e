import { useState } from 'preact/hooks';
import type { BatchDetail, KeyedForm } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { DoneNotice } from '../components/DoneNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { KeyingForm } from '../components/KeyingForm.tsx';
import { KeyingStats } from '../components/KeyingStats.tsx';
import { Loading } from '../components/Loading.tsx';
import { SerialPrompt } from '../components/SerialPrompt.tsx';
import { entryPayload, initialState, stateFromEntry, type FormState } from '../keying/form-state.ts';
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
}

/**
 * A keyer's entry screen for one batch: type the serial, key the form, Enter saves and the next
 * serial is offered. The keyer sees only their own entries, never the other keyer's.
 */
export function KeyingPage({ batchId }: { batchId: number }) {
  const t = useMessages();
  const { api, language } = useStaff();
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
      const own = check.correcting ? await api.get<KeyedForm | null>(`/batches/${b.id}/forms/${check.serial}/entry`) : null;
      const initial = own ? stateFromEntry(q.questionnaire, q.fields, own) : initialState(q.questionnaire, q.fields);
      const now = Date.now();
      setSitting((s) => formOpened(s, now));
      setOpen({ serial: check.serial, correcting: check.correcting, initial, openedAt: now });
      return undefined;
    });
  };

  const save = (state: FormState) =>
    void saving.run(async () => {
      if (!open) return undefined;
      const seconds = Math.round((Date.now() - open.openedAt) / 1000);
      await api.send('PUT', `/batches/${b.id}/forms/${open.serial}/entry`, { ...entryPayload(q.fields, state), seconds });
      setSitting((s) => formSaved(s));
      setLastSaved(open.serial);
      setOpen(undefined);
      batch.reload();
      return t.savedForm(open.serial);
    });

  const suggested = nextSerialToKey(b.forms, lastSaved);
  return (
    <section class="keying">
      <h1 tabIndex={-1}>{t.keyingTitle(b.code)}</h1>
      <KeyingStats session={sitting} />
      <DoneNotice message={saving.done} />
      <ErrorNotice error={saving.error ?? opening.error} />
      {open ? (
        <KeyingForm
          key={`${open.serial}-${open.openedAt}`}
          questionnaire={q.questionnaire}
          fields={q.fields}
          initial={open.initial}
          serial={open.serial}
          correcting={open.correcting}
          saving={saving.busy}
          onSave={save}
          onCancel={() => setOpen(undefined)}
        />
      ) : (
        <>
          {suggested === undefined && <p class="notice done">{t.allKeyed}</p>}
          <SerialPrompt suggested={suggested} error={serialError} onSerial={(typed) => void openSerial(typed)} />
        </>
      )}
    </section>
  );
}
