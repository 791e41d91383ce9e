import { useState } from 'preact/hooks';
import type { Round, RoundChoices, RoundCreateBody } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const collator = new Intl.Collator('vi');

/**
 * A round's settings: code (new rounds only), name, year, provinces (some, or all valid in the
 * period), period, a questionnaire for citizens and optionally one for organisations (each from
 * the stored versions for that respondent type), and the target. The server checks everything
 * again and names each wrong field.
 */
export function RoundForm({ round, locked, onSaved }: { round?: Round; locked?: boolean; onSaved: (code: string) => void }) {
  const t = useMessages();
  const { api } = useStaff();
  const choices = useLoad(() => api.get<RoundChoices>('/round-choices'), []);
  const [code, setCode] = useState('');
  const [name, setName] = useState(round?.name ?? '');
  const [year, setYear] = useState(String(round?.year ?? new Date().getFullYear()));
  const [all, setAll] = useState(false);
  const [provinces, setProvinces] = useState<string[]>(round?.provinceCodes ?? []);
  const [periodStart, setPeriodStart] = useState(round?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(round?.periodEnd ?? '');
  const [citizen, setCitizen] = useState(round?.questionnaires.citizen ?? '');
  const [organisation, setOrganisation] = useState(round?.questionnaires.organisation ?? '');
  const [target, setTarget] = useState(round?.target === null || round?.target === undefined ? '' : String(round.target));
  const action = useAction();
  const prefix = round ? 'edit' : 'new';

  const valid = (p: RoundChoices['provinces'][number]) =>
    (!periodEnd || p.validFrom <= periodEnd) && (!periodStart || p.validTo === null || p.validTo >= periodStart);
  const shown = [...(choices.data?.provinces ?? [])].filter((p) => valid(p) || provinces.includes(p.code)).sort((a, b) => collator.compare(a.name, b.name));
  const versions = (type: 'citizen' | 'organisation') => (choices.data?.questionnaires ?? []).filter((q) => q.respondentType === type);

  const submit = async (event: Event) => {
    event.preventDefault();
    const body: Omit<RoundCreateBody, 'code'> = {
      name,
      year: Number(year),
      provinces: all ? 'all' : provinces,
      periodStart,
      periodEnd,
      questionnaires: { citizen, organisation: organisation || null },
      target: target.trim() === '' ? null : Number(target.replace(',', '.')),
    };
    const saved = await action.run(async () => {
      if (round) {
        await api.send('PATCH', `/rounds/${encodeURIComponent(round.code)}`, body);
        return t.roundSaved;
      }
      await api.send('POST', '/rounds', { ...body, code: code.trim() } satisfies RoundCreateBody);
      return t.roundCreated(code.trim());
    });
    if (saved) onSaved(round?.code ?? code.trim());
  };
  const toggle = (province: string, on: boolean) => setProvinces((list) => (on ? [...list, province] : list.filter((p) => p !== province)));

  return (
    <form class="panel stack round-form" onSubmit={submit} aria-labelledby={`${prefix}-round-title`}>
      <h2 id={`${prefix}-round-title`}>{round ? t.roundEditTitle : t.roundCreateTitle}</h2>
      <div class="row">
        {!round && (
          <label>
            <span>{t.roundCode}</span>
            <input name="code" required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
        )}
        <label class="grow">
          <span>{t.roundName}</span>
          <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t.roundYear}</span>
          <input name="year" type="number" min={2000} max={2100} required value={year} onInput={(e) => setYear(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row">
        <label>
          <span>{t.roundPeriodStart}</span>
          <input name="periodStart" type="date" required value={periodStart} onInput={(e) => setPeriodStart(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t.roundPeriodEnd}</span>
          <input name="periodEnd" type="date" required value={periodEnd} onInput={(e) => setPeriodEnd(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t.roundTarget}</span>
          <input
            name="target"
            inputMode="decimal"
            value={target}
            onInput={(e) => setTarget(e.currentTarget.value)}
            aria-describedby={`${prefix}-target-hint`}
          />
        </label>
      </div>
      <p id={`${prefix}-target-hint`} class="hint">
        {t.roundTargetHint}
      </p>
      <fieldset class="provinces">
        <legend>{t.roundProvinces}</legend>
        <label class="check">
          <input type="checkbox" name="allProvinces" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> {t.roundAllProvinces}
        </label>
        {!all &&
          shown.map((p) => (
            <label class="check" key={p.code}>
              <input
                type="checkbox"
                name="province"
                value={p.code}
                checked={provinces.includes(p.code)}
                onChange={(e) => toggle(p.code, e.currentTarget.checked)}
              />{' '}
              {p.name} ({p.code})
            </label>
          ))}
      </fieldset>
      <div class="row">
        <label>
          <span>{t.roundCitizenQuestionnaire}</span>
          <select name="citizen" required disabled={locked} value={citizen} onChange={(e) => setCitizen(e.currentTarget.value)}>
            <option value="">—</option>
            {versions('citizen').map((q) => (
              <option key={q.version} value={q.version}>
                {q.version} — {q.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.roundOrganisationQuestionnaire}</span>
          <select name="organisation" value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)}>
            <option value="">{t.roundNoOrganisation}</option>
            {versions('organisation').map((q) => (
              <option key={q.version} value={q.version}>
                {q.version} — {q.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {locked && <p class="hint">{t.roundQuestionnairesLocked}</p>}
      <ErrorNotice error={choices.error ?? action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {round ? t.roundSave : t.roundCreate}
        </button>
      </div>
    </form>
  );
}
