/** A round as its manager sees it: settings, responses by channel, the sample plan and its progress; and what the round form chooses from. */
import type { RoundChoicesView, RoundDetailView } from '../../../contract/rounds.ts';
import type { Database } from '../../../db/client.ts';
import { listProvinces } from '../../../db/queries/localities.ts';
import { questionnaireVersionsByType } from '../../../db/queries/questionnaires.ts';
import { roundResponseFacts, type RoundRow } from '../../../db/queries/rounds.ts';
import { roundView } from './round-view.ts';
import { samplePlanWithProgress } from './sample-plan.ts';

export async function roundDetail(db: Database, round: RoundRow): Promise<RoundDetailView> {
  const facts = await roundResponseFacts(db, round.id);
  const byChannel = { office: 0, online: 0, paper: 0 };
  for (const f of facts) byChannel[f.channel] += f.accepted;
  const used = new Set(facts.map((f) => f.questionnaireVersion));
  return {
    ...roundView(round),
    keyingClosedAt: round.keyingClosedAt?.toISOString() ?? null,
    counted: byChannel.office + byChannel.online + byChannel.paper,
    byChannel,
    plan: await samplePlanWithProgress(db, round),
    questionnairesInUse: Object.values(round.questionnaires).some((v) => used.has(v)),
  };
}

export async function roundChoices(db: Database): Promise<RoundChoicesView> {
  const [provinces, questionnaires] = await Promise.all([listProvinces(db), questionnaireVersionsByType(db)]);
  return {
    provinces: provinces.map(({ code, name, validFrom, validTo }) => ({ code, name, validFrom, validTo })),
    questionnaires,
  };
}
