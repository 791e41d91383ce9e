/** Where the paper forms of a round stand: per batch, per keyer, per locality against its target. */
import type { AnswerMap } from '../../../analysis/questionnaire/answers-schema.ts';
import { fieldAgreement } from '../../../analysis/questionnaire/compare-entries.ts';
import { formatSerialList } from '../../../analysis/questionnaire/serials.ts';
import type { Database } from '../../../db/client.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import { entriesOfRound, formsOfRound, listBatches, listSampleTargets } from '../../../db/queries/paper.ts';
import { listUsers } from '../../../db/queries/users.ts';
import type { FormStatus } from '../../../db/schema/paper.ts';
import { roundOrFail } from './paper-forms.ts';

type StatusCounts = Partial<Record<FormStatus, number>>;

function countStatuses<T extends { status: FormStatus }>(forms: T[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const f of forms) counts[f.status] = (counts[f.status] ?? 0) + 1;
  return counts;
}

export async function paperProgress(db: Database, roundCode: string) {
  const round = await roundOrFail(db, roundCode);
  const [forms, entries, batches, targets, users] = await Promise.all([
    formsOfRound(db, round.id),
    entriesOfRound(db, round.id),
    listBatches(db, { roundId: round.id }),
    listSampleTargets(db, round.id),
    listUsers(db),
  ]);

  const byLocality = new Map<string, typeof forms>();
  for (const f of forms) byLocality.set(f.localityCode, [...(byLocality.get(f.localityCode) ?? []), f]);
  const codes = [...new Set([...byLocality.keys(), ...targets.map((t) => t.localityCode)])].sort();
  const localityNames = new Map((await findLocalities(db, codes)).map((l) => [l.code, l.name]));
  const localities = codes.map((code) => {
    const statuses = countStatuses(byLocality.get(code) ?? []);
    const target = targets.find((t) => t.localityCode === code)?.target ?? null;
    return {
      localityCode: code,
      localityName: localityNames.get(code) ?? code,
      issued: byLocality.get(code)?.length ?? 0,
      statuses,
      target,
      verifiedShareOfTarget: target ? (statuses.verified ?? 0) / target : null,
    };
  });

  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const batchRows = batches.map((b) => {
    const inBatch = forms.filter((f) => f.batchId === b.id);
    const serials = new Set(inBatch.map((f) => f.serial));
    const keyedBy = (keyerId: number) => entries.filter((e) => e.keyerId === keyerId && serials.has(e.serial)).length;
    return {
      id: b.id,
      code: b.code,
      forms: inBatch.length,
      statuses: countStatuses(inBatch),
      firstKeyer: { id: b.firstKeyerId, name: names.get(b.firstKeyerId) ?? '', keyed: keyedBy(b.firstKeyerId) },
      secondKeyer: { id: b.secondKeyerId, name: names.get(b.secondKeyerId) ?? '', keyed: keyedBy(b.secondKeyerId) },
      reconcilerId: b.reconcilerId,
    };
  });

  // Agreement: over forms both keyers have keyed, the share of fields on which this keyer agrees with the other.
  const bySerial = new Map<number, typeof entries>();
  for (const e of entries) bySerial.set(e.serial, [...(bySerial.get(e.serial) ?? []), e]);
  const keyers = users
    .filter((u) => entries.some((e) => e.keyerId === u.id))
    .map((u) => {
      const own = entries.filter((e) => e.keyerId === u.id);
      let fields = 0;
      let agreeing = 0;
      let formsCompared = 0;
      let formsIdentical = 0;
      for (const entry of own) {
        const other = bySerial.get(entry.serial)?.find((e) => e.keyerId !== u.id);
        if (!other) continue;
        const a = fieldAgreement(
          { profile: entry.profile as AnswerMap, answers: entry.answers as AnswerMap },
          { profile: other.profile as AnswerMap, answers: other.answers as AnswerMap },
        );
        fields += a.fields;
        agreeing += a.agreeing;
        formsCompared += 1;
        if (a.fields === a.agreeing) formsIdentical += 1;
      }
      const seconds = own.map((e) => e.seconds).filter((s): s is number => s !== null && s > 0);
      const totalSeconds = seconds.reduce((sum, s) => sum + s, 0);
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        formsKeyed: own.length,
        formsCompared,
        formsIdentical,
        fieldAgreement: fields > 0 ? agreeing / fields : null,
        formsPerHour: totalSeconds > 0 ? (seconds.length * 3600) / totalSeconds : null,
      };
    });

  // What the manager can batch next: returned forms not yet in a batch, as a serial list to paste.
  const returnedNotBatched = formatSerialList(forms.filter((f) => f.status === 'returned' && f.batchId === null).map((f) => f.serial));
  return { round: round.code, totals: countStatuses(forms), returnedNotBatched, localities, batches: batchRows, keyers };
}
