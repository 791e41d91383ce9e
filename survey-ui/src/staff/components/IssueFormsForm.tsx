import { useState } from 'preact/hooks';
import type { Issued, IssueFormsBody, Locality, Round } from '../api/types.ts';
import { useAction, useLoad } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { communesOfProvinces } from '../paper/communes.ts';
import { useStaff } from '../session/context.ts';
import { DoneNotice } from './DoneNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

const collator = new Intl.Collator('vi');

/**
 * Issue a serial range to a locality of one of the round's provinces, with the commune the forms
 * are filled in (the PSU of their responses) and its sample target.
 */
export function IssueFormsForm({ round }: { round: Round }) {
  const t = useMessages();
  const { api } = useStaff();
  const [province, setProvince] = useState(round.provinceCodes[0] ?? '');
  const localities = useLoad(() => api.get<Locality[]>(`/localities?parent=${encodeURIComponent(province)}`), [province]);
  const communes = useLoad(() => communesOfProvinces(api, [province]), [province]);
  const [localityCode, setLocalityCode] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [serials, setSerials] = useState('');
  const [target, setTarget] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const body: IssueFormsBody = {
        localityCode,
        serials,
        ...(communeCode && communeCode !== localityCode ? { communeCode } : {}),
        ...(target.trim() ? { target: Number(target) } : {}),
      };
      const result = await api.send<Issued>('POST', `/rounds/${encodeURIComponent(round.code)}/paper-forms`, body);
      return t.issued(result.issued);
    });
    if (ok) setSerials('');
  };
  const sorted = [...(localities.data ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  // A form issued to a commune is filled in there; one issued to a district names one of its communes.
  const isCommune = (communes.data ?? []).some((c) => c.code === localityCode);
  const communesHere = (communes.data ?? []).filter((c) => c.parentCode === localityCode);
  return (
    <form class="panel stack" onSubmit={submit} aria-labelledby="issue-title">
      <h2 id="issue-title">{t.issueTitle}</h2>
      <div class="row">
        {round.provinceCodes.length > 1 && (
          <label>
            <span>{t.roundProvince}</span>
            <select
              name="province"
              value={province}
              onChange={(e) => {
                setProvince(e.currentTarget.value);
                setLocalityCode('');
              }}
            >
              {round.provinceCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t.locality}</span>
          <select
            name="locality"
            required
            value={localityCode}
            onChange={(e) => {
              setLocalityCode(e.currentTarget.value);
              setCommuneCode('');
            }}
          >
            <option value="">{t.chooseLocality}</option>
            {sorted.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </label>
        {!isCommune && (
          <label>
            <span>{t.commune}</span>
            <select name="commune" value={communeCode} disabled={communesHere.length === 0} onChange={(e) => setCommuneCode(e.currentTarget.value)}>
              <option value="">{communesHere.length === 0 ? t.noCommunes : t.chooseCommune}</option>
              {communesHere.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t.serials}</span>
          <input name="issue-serials" required value={serials} onInput={(e) => setSerials(e.currentTarget.value)} aria-describedby="issue-serials-hint" />
        </label>
        <label>
          <span>{t.target}</span>
          <input name="target" type="number" min={0} inputMode="numeric" value={target} onInput={(e) => setTarget(e.currentTarget.value)} />
        </label>
      </div>
      <p id="issue-serials-hint" class="hint">
        {t.serialsHint}
      </p>
      <ErrorNotice error={localities.error ?? communes.error ?? action.error} />
      <DoneNotice message={action.done} />
      <div>
        <button type="submit" class="button primary" disabled={action.busy}>
          {t.issue}
        </button>
      </div>
    </form>
  );
}
