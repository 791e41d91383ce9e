import type { OfficesImported } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';
import { TableUploadForm } from './TableUploadForm.tsx';

/** The template to download and a list of offices to import: all rows or none, every problem listed. */
export function OfficeImportForm({ onImported }: { onImported: () => void }) {
  const t = useMessages();
  return (
    <TableUploadForm<OfficesImported>
      id="offices-import"
      title={t.officesImportTitle}
      intro={t.officesImportIntro}
      path="/offices/imports"
      done={(result) => t.officesImported(result.added, result.updated, result.unchanged)}
      onDone={onImported}
      button={t.officesImportButton}
    >
      <p class="row">
        <a class="button" href="/api/offices/template?format=xlsx" download>
          {t.downloadXlsx}
        </a>
        <a class="button" href="/api/offices/template?format=csv" download>
          {t.downloadCsv}
        </a>
      </p>
    </TableUploadForm>
  );
}
