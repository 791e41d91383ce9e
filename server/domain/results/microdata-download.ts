/**
 * A reader's download of a round's microdata, its codebook and the syntax files that load it into
 * SPSS, Stata and R: free text with personal data masked unless the reader is cleared to see it,
 * and every microdata download audited with what it held.
 */
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { Database, DatabaseHandle } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { roundDataVersion } from '../../../db/queries/data-version.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { readsFreeText } from '../../../db/queries/users.ts';
import { textFor } from '../free-text/free-answers.ts';
import { codebookCsv, microdataExport, type MicrodataExport } from './microdata.ts';
import type { MicrodataValues } from './microdata-labels.ts';
import type { MicrodataFileKey, MicrodataFiles } from './microdata-files.ts';
import { microdataFileName } from './microdata-names.ts';
import { microdataVariables } from './microdata-variables.ts';
import { questionnaireOfRound } from './results.ts';
import { rSyntax } from './syntax-r.ts';
import { spssSyntax } from './syntax-spss.ts';
import { stataSyntax } from './syntax-stata.ts';

/**
 * The download, from the file kept for this round's data version when there is one
 * (microdata-files.ts), else exported afresh and kept as it is sent.
 */
export async function microdataDownload(
  handle: DatabaseHandle,
  files: MicrodataFiles,
  readerId: number,
  round: RoundRow,
  respondentType: RespondentType = 'citizen',
  values: MicrodataValues = 'codes',
): Promise<MicrodataExport> {
  const clear = await readsFreeText(handle.db, readerId);
  const key = { roundId: round.id, respondentType, values, clearText: clear };
  // Read before the export reads anything: a file is kept only if no change was committed since.
  const version = await roundDataVersion(handle.db, round.id);
  const kept = await files.find(key, version);
  const exported = kept
    ? { fileName: microdataFileName(round.code, respondentType, true, 'csv', values === 'labels'), ...kept }
    : await exportedAndKept(handle, files, round, key, version);
  await recordAudit(handle.db, [
    {
      userId: readerId,
      action: 'download_microdata',
      entity: 'round',
      entityId: round.code,
      newValue: { rows: exported.rows, freeText: clear ? 'clear' : 'masked', respondentType, values },
    },
  ]);
  return exported;
}

/**
 * Once a round's data is final (the keying of paper forms closed, or the results published), its
 * microdata files are made in the background for each respondent type and either free-text
 * clearance (coded answers, the download analysts take), so that the first reader gets a kept file
 * rather than waiting for an export. One at a time; a change meanwhile keeps nothing, as for any
 * download; the server stopping ends it. Not audited: nobody has read anything yet.
 */
export function prepareMicrodataFiles(handle: DatabaseHandle, files: MicrodataFiles, round: RoundRow): void {
  const respondentTypes = (['citizen', 'organisation'] as const).filter((type) => Boolean(round.questionnaires[type]));
  files.inBackground(async (signal) => {
    for (const respondentType of respondentTypes) {
      for (const clearText of [false, true]) {
        if (signal.aborted) return;
        const key = { roundId: round.id, respondentType, values: 'codes' as const, clearText };
        const version = await roundDataVersion(handle.db, round.id);
        if (files.has(key, version)) continue;
        const { stream } = await exportedAndKept(handle, files, round, key, version);
        for await (const _chunk of stream) if (signal.aborted) break;
      }
    }
  });
}

/** A fresh export of the key's file, kept for `version` as it is sent (microdata-files.ts). */
async function exportedAndKept(
  handle: DatabaseHandle,
  files: MicrodataFiles,
  round: RoundRow,
  key: MicrodataFileKey & { respondentType: RespondentType; values: MicrodataValues },
  version: number,
): Promise<MicrodataExport> {
  const fresh = await microdataExport(handle, round, true, key.respondentType, key.values, textFor(key.clearText));
  return { ...fresh, stream: files.keep(key, version, fresh.rows, fresh.stream, () => roundDataVersion(handle.db, round.id)) };
}

export async function codebookDownload(db: Database, round: RoundRow, respondentType: RespondentType = 'citizen'): Promise<Buffer> {
  const def = await questionnaireOfRound(db, round, respondentType);
  return codebookCsv(def, true);
}

/** The statistical packages a syntax file is written for, by the file's extension. */
export const SYNTAX_FORMATS = {
  sps: { write: spssSyntax, bom: true },
  do: { write: stataSyntax, bom: false },
  R: { write: rSyntax, bom: false },
} as const;
export type SyntaxFormat = keyof typeof SYNTAX_FORMATS;

/**
 * The syntax file that loads the microdata download (the same columns: free text masked unless the
 * reader is cleared for it, the columns being the same either way) into SPSS, Stata or R, with labels and the survey design. SPSS finds
 * UTF-8 by the byte-order mark; Stata and R read their files as UTF-8 without one.
 */
export async function microdataSyntax(
  db: Database,
  round: RoundRow,
  respondentType: RespondentType,
  format: SyntaxFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  const def = await questionnaireOfRound(db, round, respondentType);
  const data = microdataVariables(def, true, microdataFileName(round.code, respondentType, true));
  const title = `SIPAS — dữ liệu vi mô đợt ${round.code} (${round.name}), phiếu ${def.version}`;
  const { write, bom } = SYNTAX_FORMATS[format];
  const text = write(data, { title });
  return { fileName: microdataFileName(round.code, respondentType, true, format), bytes: Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8') };
}
