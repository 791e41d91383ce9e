import { useMessages } from '../messages/catalogue.ts';

/** The round's files at the level shown; the server decides what each account may receive. */
export function DownloadLinks({ round, by }: { round: string; by: string }) {
  const t = useMessages();
  const base = `/api/rounds/${encodeURIComponent(round)}`;
  return (
    <section class="downloads no-print" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t.downloadsTitle}</h2>
      <ul class="row plain">
        <li>
          <a class="button" href={`${base}/results.csv?by=${by}`} download>
            {t.downloadCsv}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/results.xlsx?by=${by}`} download>
            {t.downloadXlsx}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/microdata.csv`} download>
            {t.downloadMicrodata}
          </a>
        </li>
        <li>
          <a class="button" href={`${base}/codebook.csv`} download>
            {t.downloadCodebook}
          </a>
        </li>
      </ul>
      <p class="hint">{t.microdataNote}</p>
    </section>
  );
}
