/**
 * A reader's download of a round's microdata and its codebook: free text only for readers cleared
 * for it, and every microdata download audited with what it held.
 */
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';
import type { Database, DatabaseHandle } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { readsFreeText } from '../../../db/queries/users.ts';
import { codebookCsv, microdataExport, type MicrodataExport } from './microdata.ts';
import { questionnaireOfRound } from './results.ts';

export async function microdataDownload(
  handle: DatabaseHandle,
  readerId: number,
  round: RoundRow,
  respondentType: RespondentType = 'citizen',
): Promise<MicrodataExport> {
  const withText = await readsFreeText(handle.db, readerId);
  const exported = await microdataExport(handle, round, withText, respondentType);
  await recordAudit(handle.db, [
    {
      userId: readerId,
      action: 'download_microdata',
      entity: 'round',
      entityId: round.code,
      newValue: { rows: exported.rows, freeText: withText, respondentType },
    },
  ]);
  return exported;
}

export async function codebookDownload(db: Database, readerId: number, round: RoundRow, respondentType: RespondentType = 'citizen'): Promise<Buffer> {
  const def = await questionnaireOfRound(db, round, respondentType);
  return codebookCsv(def, await readsFreeText(db, readerId));
}
