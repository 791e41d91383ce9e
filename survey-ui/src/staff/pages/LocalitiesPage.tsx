import { useState } from 'preact/hooks';
import type { Locality, MappingsImported, Unit, UnitLevel, UnitsImported } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { Loading } from '../components/Loading.tsx';
import { TableUploadForm } from '../components/TableUploadForm.tsx';
import { UnitForm } from '../components/UnitForm.tsx';
import { UnitMappings } from '../components/UnitMappings.tsx';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

/**
 * Administrative units: the provinces (the 34 since 1 July 2025 are there from the start), the units
 * below the one chosen, a unit added or edited, old → new mappings, and whole files of either.
 */
export function LocalitiesPage() {
  const t = useMessages();
  const { api } = useStaff();
  const provinces = useLoad(() => api.get<Unit[]>('/localities/provinces'), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | null>(null);
  const children = useLoad(() => (chosen ? api.get<Locality[]>(`/localities?parent=${encodeURIComponent(chosen)}`) : Promise.resolve([])), [chosen]);
  const reload = () => {
    provinces.reload();
    children.reload();
  };
  const validity = (u: { validFrom: string; validTo: string | null }) => (u.validTo ? `${u.validFrom} – ${u.validTo}` : t.validSince(u.validFrom));
  // A unit listed below its parent carries no parent code of its own: it is the one chosen.
  const asUnit = (u: Unit | Locality): Unit => ('parentCode' in u ? u : { ...u, level: u.level as UnitLevel, parentCode: chosen });
  const unitRow = (u: Unit | Locality, choose: boolean) => (
    <tr key={u.code} data-unit={u.code}>
      <td>{u.code}</td>
      <th scope="row">{u.name}</th>
      <td>{validity(u)}</td>
      <td class="actions">
        {choose && (
          <button type="button" class="button small" onClick={() => setChosen(u.code)}>
            {t.showUnitsBelow}
          </button>
        )}
        <button type="button" class="button small" onClick={() => setEditing(asUnit(u))}>
          {t.editOffice}
        </button>
      </td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col">{t.unitCode}</th>
        <th scope="col">{t.unitName}</th>
        <th scope="col">{t.validity}</th>
        <th scope="col">{t.actions}</th>
      </tr>
    </thead>
  );
  return (
    <section>
      <h1 tabIndex={-1}>{t.localitiesTitle}</h1>
      <p>{t.localitiesIntro}</p>
      <TableUploadForm<UnitsImported>
        id="units-import"
        title={t.unitsImportTitle}
        intro={t.unitsImportIntro}
        path="/localities/imports"
        done={(r) => t.unitsImported(r.added, r.updated, r.unchanged)}
        onDone={reload}
      />
      <TableUploadForm<MappingsImported>
        id="mappings-import"
        title={t.mappingsImportTitle}
        intro={t.mappingsImportIntro}
        path="/locality-mappings/imports"
        done={(r) => t.mappingsImported(r.stored)}
        onDone={reload}
      />
      <UnitForm
        key={editing?.code ?? `new-${chosen ?? ''}`}
        unit={editing ?? undefined}
        parentCode={chosen ?? undefined}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      {editing && <UnitMappings code={editing.code} />}
      {chosen && (
        <>
          <h2>{t.unitsBelow(chosen)}</h2>
          {!children.data ? (
            <Loading error={children.error} />
          ) : children.data.length === 0 ? (
            <p>{t.noUnitsBelow}</p>
          ) : (
            <table data-units-below={chosen}>
              {head}
              <tbody>{children.data.map((u) => unitRow(u, true))}</tbody>
            </table>
          )}
        </>
      )}
      <h2>{t.provincesTitle}</h2>
      {!provinces.data ? (
        <Loading error={provinces.error} />
      ) : (
        <table data-provinces>
          {head}
          <tbody>{provinces.data.map((u) => unitRow(u, true))}</tbody>
        </table>
      )}
    </section>
  );
}
