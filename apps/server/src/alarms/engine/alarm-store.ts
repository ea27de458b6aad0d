import {
  ANOMALY_RULE_LABELS,
  type AnomalyFinding,
  type ExceedanceEpisode,
  type Judged,
  mergeEpisodes,
  pollutantName,
  verdictText,
} from '@dabiao/domain';
import { approvedWindowsCovering } from '../../filings/filing-windows';
import type { DbOrTrx } from '../../platform/db/database';
import type { InboxEvent } from '../inbox/inbox-bus';
import type { OutboundMessage } from '../inbox/outbound';
import { dispatchSheet } from '../sheets/sheet-dispatch';

/** Who and where an alarm is about (registry names for the verdict and the inbox). */
export interface AlarmSubject {
  monitorId: number;
  mn: string;
  outletId: number;
  outletCode: string;
  outletName: string;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
}

/** What a committed engine transaction leaves to do: push to inboxes, send SMS, count. */
export interface EngineEffects {
  events: InboxEvent[];
  outbound: OutboundMessage[];
  /** Sheets dispatched, with the alarm they answer. */
  dispatched: { sheetId: number; alarmId: number; at: Date }[];
  alarmsCreated: number;
  alarmsExtended: number;
}

export const noEffects = (): EngineEffects => ({
  events: [],
  outbound: [],
  dispatched: [],
  alarmsCreated: 0,
  alarmsExtended: 0,
});

type StoredPeriod = Omit<Judged, 'start' | 'end'> & { start: string; end: string };
const revive = (p: StoredPeriod): Judged => ({ ...p, start: new Date(p.start), end: new Date(p.end) });

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function episodeTitle(s: AlarmSubject, e: ExceedanceEpisode): string {
  const name = pollutantName(e.limit.pollutant, 'zh');
  const how =
    e.maxMultiple !== null
      ? `超标（最高为限值的 ${round(e.maxMultiple)} 倍）`
      : `超出 ${e.limit.value.kind === 'range' ? `${e.limit.value.lo}–${e.limit.value.hi}` : ''} 范围`;
  return `${s.enterpriseName} ${s.outletCode} ${name}${how}`;
}

/** Alarms of the same monitor, rule and pollutant that overlap or touch [start, end). */
async function touching(
  trx: DbOrTrx,
  s: AlarmSubject,
  rule: string,
  pollutant: string,
  start: Date,
  end: Date,
) {
  return trx
    .selectFrom('alarm')
    .selectAll()
    .where('monitor_id', '=', s.monitorId)
    .where('rule', '=', rule)
    .where('pollutant', '=', pollutant)
    .where('started_at', '<=', end)
    .where('ended_at', '>=', start)
    .orderBy('started_at')
    .forUpdate()
    .execute();
}

/**
 * A1: one exceeding period. It extends the episode it continues (same limit, next period) or
 * opens a new one; a new episode outside an approved filing is dispatched as a sheet at once.
 */
export async function recordExceedance(
  trx: DbOrTrx,
  s: AlarmSubject,
  period: Judged,
  now: Date,
  fx: EngineEffects,
): Promise<void> {
  const pollutant = period.limit.pollutant;
  for (const a of await touching(trx, s, 'exceedance', pollutant, period.start, period.end)) {
    const stored = ((a.evidence as { periods?: StoredPeriod[] }).periods ?? []).map(revive);
    const merged = mergeEpisodes([
      ...stored.filter((p) => p.start.getTime() !== period.start.getTime()),
      period,
    ]);
    if (merged.length !== 1) continue; // another limit in force: a new episode
    const e = merged[0]!;
    await trx
      .updateTable('alarm')
      .set({
        started_at: e.start,
        ended_at: e.end,
        peak: e.peak,
        mean: e.mean,
        max_multiple: e.maxMultiple,
        evidence: JSON.stringify(episodeEvidence(e)),
        verdict: verdictOf(s, e),
        updated_at: now,
      })
      .where('id', '=', a.id)
      .execute();
    fx.alarmsExtended++;
    return;
  }
  const e = mergeEpisodes([period])[0]!;
  await createAlarm(
    trx,
    s,
    {
      kind: 'exceedance',
      rule: 'exceedance',
      pollutant,
      averaging: e.averaging,
      start: e.start,
      end: e.end,
      peak: e.peak,
      mean: e.mean,
      maxMultiple: e.maxMultiple,
      limit: e.limit,
      evidence: episodeEvidence(e),
      verdict: verdictOf(s, e),
      title: episodeTitle(s, e),
      filingId: null,
    },
    now,
    fx,
  );
}

function episodeEvidence(e: ExceedanceEpisode) {
  return { averaging: e.averaging, maxDistanceOutside: e.maxDistanceOutside, periods: e.periods };
}

function verdictOf(s: AlarmSubject, e: ExceedanceEpisode): string {
  return verdictText(e, {
    enterprise: s.enterpriseName,
    outlet: s.outletName,
    outletCode: s.outletCode,
    monitor: s.mn,
  });
}

/** A2: one anomaly finding; the same run found again (or grown) updates its alarm. */
export async function recordAnomaly(
  trx: DbOrTrx,
  s: AlarmSubject,
  f: AnomalyFinding,
  now: Date,
  fx: EngineEffects,
): Promise<void> {
  const pollutant = f.pollutant ?? '';
  const [a] = await touching(trx, s, f.rule, pollutant, f.start, f.end);
  if (a) {
    const start = new Date(Math.min(new Date(a.started_at).getTime(), f.start.getTime()));
    const end = new Date(Math.max(new Date(a.ended_at).getTime(), f.end.getTime()));
    await trx
      .updateTable('alarm')
      .set({
        started_at: start,
        ended_at: end,
        evidence: JSON.stringify(f.evidence),
        verdict: f.text,
        updated_at: now,
      })
      .where('id', '=', a.id)
      .execute();
    fx.alarmsExtended++;
    return;
  }
  const label = ANOMALY_RULE_LABELS[f.rule].zh;
  await createAlarm(
    trx,
    s,
    {
      kind: 'anomaly',
      rule: f.rule,
      pollutant,
      averaging: null,
      start: f.start,
      end: f.end,
      peak: null,
      mean: null,
      maxMultiple: null,
      limit: null,
      evidence: f.evidence,
      verdict: f.text,
      title: `${s.enterpriseName} ${s.outletCode} ${f.pollutant ? pollutantName(f.pollutant, 'zh') : ''}${label}`,
      filingId: f.filingId,
    },
    now,
    fx,
  );
}

interface NewAlarm {
  kind: 'exceedance' | 'anomaly';
  rule: string;
  pollutant: string;
  averaging: 'hour' | 'day' | null;
  start: Date;
  end: Date;
  peak: number | null;
  mean: number | null;
  maxMultiple: number | null;
  limit: unknown;
  evidence: unknown;
  verdict: string;
  title: string;
  filingId: number | null;
}

async function createAlarm(trx: DbOrTrx, s: AlarmSubject, a: NewAlarm, now: Date, fx: EngineEffects) {
  const filingId =
    a.filingId ??
    (await approvedWindowsCovering(trx, { monitorId: s.monitorId, from: a.start, to: a.end }))[0]?.id ??
    null;
  const { id } = await trx
    .insertInto('alarm')
    .values({
      kind: a.kind,
      rule: a.rule,
      monitor_id: s.monitorId,
      outlet_id: s.outletId,
      enterprise_id: s.enterpriseId,
      district_code: s.districtCode,
      pollutant: a.pollutant,
      averaging: a.averaging,
      started_at: a.start,
      ended_at: a.end,
      peak: a.peak,
      mean: a.mean,
      max_multiple: a.maxMultiple,
      limit_snapshot: a.limit === null ? null : JSON.stringify(a.limit),
      evidence: JSON.stringify(a.evidence),
      verdict: a.verdict,
      filing_id: filingId,
      detected_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  fx.alarmsCreated++;
  const alarmId = Number(id);
  if (filingId !== null) return; // inside an approved filing: annotated, not dispatched
  const d = await dispatchSheet(
    trx,
    {
      alarmId,
      monitorId: s.monitorId,
      enterpriseId: s.enterpriseId,
      districtCode: s.districtCode,
      title: a.title,
    },
    now,
  );
  fx.events.push(...d.notify.events);
  fx.outbound.push(...d.notify.outbound);
  fx.dispatched.push({ sheetId: d.sheetId, alarmId, at: now });
}

/** Subjects (registry names) of monitors, for verdicts and titles. */
export async function loadSubjects(trx: DbOrTrx, monitorIds: readonly number[]) {
  if (!monitorIds.length) return new Map<number, AlarmSubject>();
  const rows = await trx
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
    .select([
      'monitor.id',
      'monitor.mn',
      'outlet.id as outlet_id',
      'outlet.code',
      'outlet.name as outlet_name',
      'enterprise.id as enterprise_id',
      'enterprise.name as enterprise_name',
      'enterprise.region_code',
    ])
    .where('monitor.id', 'in', monitorIds)
    .execute();
  return new Map(
    rows.map((r): [number, AlarmSubject] => [
      r.id,
      {
        monitorId: r.id,
        mn: r.mn,
        outletId: r.outlet_id,
        outletCode: r.code,
        outletName: r.outlet_name,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        districtCode: r.region_code.slice(0, 6),
      },
    ]),
  );
}
