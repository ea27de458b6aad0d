import {
  type AssessmentFigures,
  type CountBy,
  type ExceedingEnterprise,
  endOfShanghaiDay,
  PROBLEM_HANDLING_ZH,
  PROBLEM_STATUS_ZH,
  PROBLEM_TYPE_ZH,
  programmeIndustry,
  registryPollutant,
  shanghaiDateText,
  startOfShanghaiDay,
  transmissionValidityRate,
} from '@dabiao/domain';
import { sql } from 'kysely';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';

export interface FiguresRequest {
  regionCode: string;
  regionName: string;
  industry: string | null;
  campaignId: number;
  campaignName: string;
  periodFrom: string;
  periodTo: string;
}

const n = (x: unknown) => Number(x ?? 0);
const pollutantZh = (code: string) => registryPollutant(code)?.zh ?? code;
const BATCH_ZH: Record<string, string> = {
  '1': '第一批',
  '2': '第二批',
  '3': '第三批及其他',
  none: '未分批',
};

function countBy(rows: { key: string | null; count: unknown }[], labels: Record<string, string>): CountBy[] {
  const out = rows.map((r) => ({
    key: r.key ?? 'none',
    label: labels[r.key ?? 'none'] ?? r.key ?? '未定',
    count: n(r.count),
  }));
  const order = Object.keys(labels);
  return out.sort((a, b) => {
    const ia = order.indexOf(a.key);
    const ib = order.indexOf(b.key);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || b.count - a.count || a.key.localeCompare(b.key);
  });
}

/**
 * Counts everything an assessment report states, from the data as it is at `now`: the enterprises of
 * the region (and industry), their self-check forms of the campaign, problems and sign-offs, online
 * monitoring (monitor_day_rate), alarms and sheets of the period, rectification notices of the period.
 */
export async function countFigures(db: DbOrTrx, req: FiguresRequest, now: Date): Promise<AssessmentFigures> {
  const from = startOfShanghaiDay(req.periodFrom);
  const to = endOfShanghaiDay(req.periodTo);
  const today = shanghaiDateText(now);
  let entQ = db
    .selectFrom('enterprise')
    .innerJoin('region as r', 'r.code', 'enterprise.region_code')
    .select([
      'enterprise.id',
      'enterprise.name',
      'enterprise.batch',
      'enterprise.programme_industry',
      'r.name as region_name',
    ])
    .where('enterprise.active', '=', true)
    .where('enterprise.region_code', 'like', `${regionPrefix(req.regionCode)}%`);
  if (req.industry) entQ = entQ.where('enterprise.programme_industry', '=', req.industry);
  const enterprises = await entQ.orderBy('enterprise.id').execute();
  const ids = enterprises.length ? enterprises.map((e) => e.id) : [-1];
  const byId = new Map(enterprises.map((e) => [e.id, e]));

  const batchCounts = new Map<string, number>();
  const industryCounts = new Map<string, number>();
  for (const e of enterprises) {
    const b = e.batch === null ? 'none' : String(e.batch);
    batchCounts.set(b, (batchCounts.get(b) ?? 0) + 1);
    const i = e.programme_industry ?? 'none';
    industryCounts.set(i, (industryCounts.get(i) ?? 0) + 1);
  }
  const byBatch = countBy(
    [...batchCounts].map(([key, count]) => ({ key, count })),
    BATCH_ZH,
  );
  const byIndustry = [...industryCounts]
    .map(([key, count]) => ({
      key,
      label: key === 'none' ? '其他行业' : (programmeIndustry(key)?.zh ?? key),
      count,
    }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  // Self-check forms: the latest non-draft version of each enterprise, submitted by the end of the period.
  const forms = await db
    .selectFrom('self_check')
    .select(['enterprise_id', 'status', 'version_no'])
    .where('campaign_id', '=', req.campaignId)
    .where('enterprise_id', 'in', ids)
    .where('status', '!=', 'draft')
    .where('submitted_at', '<=', to)
    .orderBy('enterprise_id')
    .orderBy('version_no', 'desc')
    .execute();
  const latest = new Map<number, string>();
  for (const f of forms) if (!latest.has(f.enterprise_id)) latest.set(f.enterprise_id, f.status);
  const statusCount = (s: string) => [...latest.values()].filter((x) => x === s).length;

  // Problems of the campaign (or found in the period without a campaign).
  const problems = await db
    .selectFrom('problem')
    .select([
      'id',
      'enterprise_id',
      'problem_type',
      'handling',
      'status',
      'deadline_on',
      'description',
      'measures',
    ])
    .where('enterprise_id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('campaign_id', '=', req.campaignId),
        eb.and([
          eb('campaign_id', 'is', null),
          eb('found_on', '>=', req.periodFrom),
          eb('found_on', '<=', req.periodTo),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
  const tally = (key: (p: (typeof problems)[number]) => string | null) => {
    const m = new Map<string, number>();
    for (const p of problems) {
      const k = key(p) ?? 'none';
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].map(([k, count]) => ({ key: k, count }));
  };
  const closed = problems.filter((p) => p.status === 'closed').length;
  const overdue = problems.filter(
    (p) => p.status !== 'closed' && p.deadline_on !== null && p.deadline_on < today,
  ).length;
  const problemIds = problems.length ? problems.map((p) => p.id) : [-1];

  const signOffs = await db
    .selectFrom('sign_off')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('problem_id', 'in', problemIds)
    .groupBy('status')
    .execute();
  const so = (s: string) => n(signOffs.find((r) => r.status === s)?.count);

  // Online monitoring.
  const monitors = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .select(['monitor.id', 'outlet.enterprise_id'])
    .where('monitor.active', '=', true)
    .where('outlet.enterprise_id', 'in', ids)
    .execute();
  const monitorIds = monitors.length ? monitors.map((m) => m.id) : [-1];
  const rates = await db
    .selectFrom('monitor_day_rate')
    .select([
      'monitor_id',
      (eb) => eb.fn.sum<number>('expected').as('expected'),
      sql<number>`sum(least(received, expected))`.as('received'),
      sql<number>`sum(least(valid, received, expected))`.as('valid'),
    ])
    .where('monitor_id', 'in', monitorIds)
    .where('day', '>=', req.periodFrom)
    .where('day', '<=', req.periodTo)
    .groupBy('monitor_id')
    .execute();
  const expected = rates.reduce((a, r) => a + n(r.expected), 0);
  const received = rates.reduce((a, r) => a + n(r.received), 0);
  const valid = rates.reduce((a, r) => a + n(r.valid), 0);
  const networked = rates.filter((r) => n(r.received) > 0).length;
  const tv = transmissionValidityRate({ expected, received, valid });

  // Alarms and sheets of the period.
  const alarms = await db
    .selectFrom('alarm')
    .leftJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
    .select([
      'alarm.enterprise_id',
      'alarm.pollutant',
      'alarm_sheet.id as sheet_id',
      'alarm_sheet.conclusion',
    ])
    .where('alarm.kind', '=', 'exceedance')
    .where('alarm.enterprise_id', 'in', ids)
    .where('alarm.started_at', '>=', from)
    .where('alarm.started_at', '<=', to)
    .execute();
  const confirmed = alarms.filter((a) => a.conclusion === 'confirmed_exceedance');

  const screeningExceeded = await db
    .selectFrom('screening_entry')
    .select('enterprise_id')
    .where('campaign_id', '=', req.campaignId)
    .where('enterprise_id', 'in', ids)
    .where('exceeded', '=', true)
    .execute();
  const exceedingIds = [
    ...new Set([
      ...confirmed.map((a) => a.enterprise_id),
      ...problems.filter((p) => p.problem_type === 'exceedance').map((p) => p.enterprise_id),
      ...screeningExceeded.map((s) => s.enterprise_id),
    ]),
  ].sort((a, b) => a - b);

  const notices = await db
    .selectFrom('rectification_notice')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('enterprise_id', 'in', ids)
    .where('issued_on', '>=', req.periodFrom)
    .where('issued_on', '<=', req.periodTo)
    .executeTakeFirstOrThrow();

  const exceeding = await exceedingDetails(db, exceedingIds, byId, alarms, problems);

  return {
    regionCode: req.regionCode,
    regionName: req.regionName,
    industry: req.industry,
    industryName: req.industry ? (programmeIndustry(req.industry)?.zh ?? req.industry) : null,
    campaignName: req.campaignName,
    periodFrom: req.periodFrom,
    periodTo: req.periodTo,
    generatedAt: now.toISOString(),
    enterprises: { total: enterprises.length, byBatch, byIndustry },
    selfChecks: {
      enterprisesSubmitted: latest.size,
      enterprisesNotSubmitted: enterprises.length - latest.size,
      submitted: statusCount('submitted'),
      approved: statusCount('approved'),
      returned: statusCount('returned'),
    },
    problems: {
      total: problems.length,
      byType: countBy(
        tally((p) => p.problem_type),
        PROBLEM_TYPE_ZH,
      ),
      byHandling: countBy(
        tally((p) => p.handling),
        PROBLEM_HANDLING_ZH,
      ),
      byStatus: countBy(
        tally((p) => p.status),
        PROBLEM_STATUS_ZH,
      ),
      closed,
      closureRate: problems.length ? closed / problems.length : null,
      overdue,
      enterprises: new Set(problems.map((p) => p.enterprise_id)).size,
    },
    signOffs: {
      applied: so('applied'),
      districtVerified: so('district_verified'),
      closed: so('closed'),
      refused: so('district_refused') + so('city_refused'),
    },
    monitoring: {
      monitors: monitors.length,
      networkedMonitors: networked,
      networkedShare: monitors.length ? networked / monitors.length : null,
      enterprisesWithMonitors: new Set(monitors.map((m) => m.enterprise_id)).size,
      expected,
      received,
      valid,
      transmissionValidityRate: tv.transmissionValidityRate,
      meetsTarget: tv.meetsTarget,
    },
    alarms: {
      exceedanceAlarms: alarms.length,
      sheets: alarms.filter((a) => a.sheet_id !== null).length,
      confirmedSheets: confirmed.length,
      exceedingEnterprises: new Set(confirmed.map((a) => a.enterprise_id)).size,
    },
    notices: { issued: n(notices.count) },
    exceeding,
  };
}

async function exceedingDetails(
  db: DbOrTrx,
  ids: number[],
  byId: Map<number, { name: string; region_name: string; programme_industry: string | null }>,
  alarms: { enterprise_id: number; pollutant: string; conclusion: string | null }[],
  problems: {
    enterprise_id: number;
    problem_type: string;
    description: string;
    measures: string | null;
    deadline_on: string | null;
    status: string;
  }[],
): Promise<ExceedingEnterprise[]> {
  if (!ids.length) return [];
  const [outlets, facilities] = await Promise.all([
    db
      .selectFrom('outlet')
      .select(['enterprise_id', 'pollutants'])
      .where('enterprise_id', 'in', ids)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('facility')
      .select(['enterprise_id', 'name', 'process', 'feasible_technology'])
      .where('enterprise_id', 'in', ids)
      .where('active', '=', true)
      .orderBy('id')
      .execute(),
  ]);
  return ids.map((id) => {
    const e = byId.get(id)!;
    const mine = alarms.filter((a) => a.enterprise_id === id);
    const pollutants = [
      ...new Set(
        outlets
          .filter((o) => o.enterprise_id === id)
          .flatMap((o) => o.pollutants)
          .filter((c) => registryPollutant(c)?.role !== 'parameter' && registryPollutant(c)?.role !== 'flow'),
      ),
    ];
    return {
      id,
      name: e.name,
      regionName: e.region_name,
      industryName: e.programme_industry ? (programmeIndustry(e.programme_industry)?.zh ?? null) : null,
      pollutants: pollutants.map(pollutantZh),
      exceededPollutants: [...new Set(mine.map((a) => a.pollutant).filter(Boolean))].map(pollutantZh),
      facilities: facilities
        .filter((f) => f.enterprise_id === id)
        .map((f) => ({ name: f.name, process: f.process, feasibleTechnology: f.feasible_technology })),
      exceedanceAlarms: mine.length,
      confirmedSheets: mine.filter((a) => a.conclusion === 'confirmed_exceedance').length,
      problems: problems
        .filter((p) => p.enterprise_id === id)
        .map((p) => ({
          type: p.problem_type,
          description: p.description,
          measures: p.measures,
          deadlineOn: p.deadline_on,
          status: p.status,
        })),
    };
  });
}
