/**
 * A reader's download of a round's microdata and its codebook: free text with personal data masked
 * unless the reader is cleared to see it, and every microdata download audited with what it held.
 */
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { Database, DatabaseHandle } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { readsFreeText } from '../../../db/queries/users.ts';
import { textFor } from '../free-text/free-answers.ts';
import { codebookCsv, microdataExport, type MicrodataExport } from './microdata.ts';
import { questionnaireOfRound } from './results.ts';

export async function microdataDownload(
  handle: DatabaseHandle,
  readerId: number,
  round: RoundRow,
  respondentType: RespondentType = 'citizen',
): Promise<MicrodataExport> {
  const clear = await readsFreeText(handle.db, readerId);
  const exported = await microdataExport(handle, round, true, respondentType, textFor(clear));
  await recordAudit(handle.db, [
    {
      userId: readerId,
      action: 'download_microdata',
      entity: 'round',
      entityId: round.code,
      newValue: { rows: exported.rows, freeText: clear ? 'clear' : 'masked', respondentType },
    },
  ]);
  return exported;
}

export async function codebookDownload(db: Database, round: RoundRow, respondentType: RespondentType = 'citizen'): Promise<Buffer> {
  const def = await questionnaireOfRound(db, round, respondentType);
  return codebookCsv(def, true);
}
