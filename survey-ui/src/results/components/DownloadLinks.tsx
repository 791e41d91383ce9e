import type { RespondentType } from '../../../../contract/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';

/** The round's files at the level shown; the server decides what each account may receive. */
export function DownloadLinks({ round, by, respondentType }: { round: string; by: string; respondentType: RespondentType }) {
  const t = useMessages();
  const base = `/api/rounds/${encodeURIComponent(round)}`;
  const whose = `respondentType=${respondentType}`;
  return (
    <section class="downloads no-print" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t.downloadsTitle}</h2>
      <ul class="row plain">
        <li>
          <a class="button" href={`${base}/results.csv?by=${by}&${whose}`} download>
            {t.downloadCsv}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/results.xlsx?by=${by}&${whose}`} download>
            {t.downloadXlsx}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/microdata.csv?${whose}`} download>
            {t.downloadMicrodata}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/codebook.csv?${whose}`} download>
            {t.downloadCodebook}
          </a>
        </li>
      </ul>
      <p class="hint">{t.microdataNote}</p>
    </section>
  );
}
