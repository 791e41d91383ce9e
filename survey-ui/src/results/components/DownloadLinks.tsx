import type { RespondentType } from '../../../../contract/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * The round's files at the level shown: first the report's tables (to read and print), then the
 * analysts' files (long tables, microdata, its codebook, the syntax that loads it into SPSS, Stata
 * and R). The server decides what each account may receive.
 */
export function DownloadLinks({ round, by, respondentType }: { round: string; by: string; respondentType: RespondentType }) {
  const t = useMessages();
  const base = `/api/rounds/${encodeURIComponent(round)}`;
  const whose = `respondentType=${respondentType}`;
  const link = (href: string, text: string, title?: string) => (
    <li>
      <a class="button" href={href} title={title} download>
        {text}
      </a>
    </li>
  );
  return (
    <section class="downloads no-print" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t.downloadsTitle}</h2>
      <h3>{t.downloadReportTitle}</h3>
      <ul class="row plain">
        {link(`${base}/results.xlsx?by=${by}&${whose}&layout=wide`, t.downloadReportXlsx)}
        {link(`${base}/results.csv?by=${by}&${whose}&layout=wide`, t.downloadReportCsv)}
      </ul>
      <p class="hint">{t.downloadReportNote}</p>
      <h3>{t.downloadAnalysisTitle}</h3>
      <ul class="row plain">
        {link(`${base}/results.csv?by=${by}&${whose}`, t.downloadCsv)}
        {link(`${base}/results.xlsx?by=${by}&${whose}`, t.downloadXlsx)}
        {link(`${base}/microdata.csv?${whose}`, t.downloadMicrodata)}
        {link(`${base}/microdata.csv?${whose}&values=labels`, t.downloadMicrodataLabelled)}
        {link(`${base}/codebook.csv?${whose}`, t.downloadCodebook)}
        {link(`${base}/microdata.sps?${whose}`, t.downloadSpss)}
        {link(`${base}/microdata.do?${whose}`, t.downloadStata)}
        {link(`${base}/microdata.R?${whose}`, t.downloadR)}
      </ul>
      <p class="hint">{t.microdataNote}</p>
      <p class="hint">{t.downloadSyntaxNote}</p>
    </section>
  );
}
