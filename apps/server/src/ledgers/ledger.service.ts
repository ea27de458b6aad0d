import {
  formatShanghai,
  PROBLEM_TYPES,
  pollutantName,
  RECTIFICATION_LEDGER_COLUMNS,
  RECTIFICATION_LEDGER_NOTE,
  RECTIFICATION_LEDGER_TITLE,
  SCREENING_LEDGER_COLUMNS,
  SCREENING_LEDGER_NOTES,
  SCREENING_LEDGER_TITLE,
} from '@dabiao/domain';
import { sql } from 'kysely';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import { type LedgerColumn, ledgerWorkbook } from '../platform/documents/excel';
import { invalid, notFound, outOfScope, staleVersion } from '../platform/errors/app-error';
import { isEnterpriseInScope } from '../registry/enterprise.repository';
import { actorOf } from '../registry/enterprise.service';
import { enterpriseScope } from '../registry/registry.policy';
import { controlLevelZh, presentProblem, problemTypeZh } from './ledger.presenter';
import type { RectificationFilter, RectificationRow, ScreeningPut, ScreeningRow } from './ledger.schemas';
import { industryLabel, listProblems, regionNames } from './problem.repository';
import { assertLedgerReader, assertLedgerWriter } from './problem.service';

const DAY = 86_400_000;
const yes = (b: boolean | null | undefined) => (b === true ? '是' : b === false ? '否' : '');

/** 附件3 rows: one per problem, in the ledger's order; `pageSize` null: all of them (the export). */
export async function rectificationLedger(
  db: Db,
  p: Principal,
  f: RectificationFilter,
  page: number,
  pageSize: number | null,
): Promise<{ items: RectificationRow[]; total: number }> {
  assertLedgerReader(p);
  const [{ rows, total }, regions] = await Promise.all([
    listProblems(db, p, f, page, pageSize),
    regionNames(db),
  ]);
  const offset = pageSize === null ? 0 : (page - 1) * pageSize;
  return {
    total,
    items: rows.map((r, i) => ({
      ...presentProblem(r, regions),
      seq: offset + i + 1,
      screening: `${problemTypeZh(r.problem_type)}：${r.description}`,
      rectified: r.status === 'closed' ? '是' : '否',
    })),
  };
}

async function unitName(db: DbOrTrx, p: Principal, districtCode?: string): Promise<string> {
  if (p.role === 'enterprise' && p.enterpriseId !== null) {
    const e = await db
      .selectFrom('enterprise')
      .select('name')
      .where('id', '=', p.enterpriseId)
      .executeTakeFirst();
    return e?.name ?? '';
  }
  const regions = await regionNames(db);
  return regions.get(districtCode ?? p.regionCode) ?? '';
}

const dateZh = (d: Date) => {
  const [y, m, day] = formatShanghai(d).slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const columnsOf = (cols: readonly { header: string; group?: string }[]): LedgerColumn[] =>
  cols.map((c) => ({ header: c.header, ...(c.group ? { group: c.group } : {}) }));

export async function rectificationWorkbook(db: Db, p: Principal, f: RectificationFilter, now: Date) {
  const { items } = await rectificationLedger(db, p, f, 1, null);
  const byKey = (r: RectificationRow, key: (typeof RECTIFICATION_LEDGER_COLUMNS)[number]['key']) => {
    switch (key) {
      case 'seq':
        return r.seq;
      case 'controlLevel':
        return controlLevelZh(r.controlLevel);
      default:
        return (r[key] as string | null) ?? '';
    }
  };
  return ledgerWorkbook([
    {
      sheetName: '问题整改台账',
      title: RECTIFICATION_LEDGER_TITLE,
      meta: [`填报单位（盖章）：${await unitName(db, p, f.districtCode)}`, `填报时间：${dateZh(now)}`],
      columns: columnsOf(RECTIFICATION_LEDGER_COLUMNS),
      rows: items.map((r) => RECTIFICATION_LEDGER_COLUMNS.map((c) => byKey(r, c.key))),
      notes: [RECTIFICATION_LEDGER_NOTE],
    },
  ]);
}

// ---- 附件1 排查台账 ---------------------------------------------------------------------------------

async function loadCampaign(db: DbOrTrx, id: number) {
  const c = await db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('达标计划');
  const batches = await db
    .selectFrom('campaign_batch')
    .select(['industries', 'includes_rest'])
    .where('campaign_id', '=', id)
    .execute();
  const parse = <T>(v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  return {
    ...c,
    covered: parse<string[]>(c.covered_regions),
    includesRest: batches.some((b) => b.includes_rest),
    industries: batches.flatMap((b) => parse<string[]>(b.industries)),
  };
}
type Campaign = Awaited<ReturnType<typeof loadCampaign>>;

/** The enterprises of the campaign (its regions and batch industries) that `p` may read. */
function campaignEnterprises(
  db: DbOrTrx,
  p: Principal,
  c: Campaign,
  f: { districtCode?: string | undefined; enterpriseId?: number | undefined },
) {
  let q = db
    .selectFrom('enterprise')
    .where((eb) => enterpriseScope(eb, p))
    .where('enterprise.active', '=', true);
  if (c.covered.length)
    q = q.where((eb) =>
      eb.or(c.covered.map((code) => eb('enterprise.region_code', 'like', `${regionPrefix(code)}%`))),
    );
  if (!c.includesRest)
    q = c.industries.length
      ? q.where('enterprise.programme_industry', 'in', c.industries)
      : q.where(sql<boolean>`false`);
  if (f.districtCode) q = q.where('enterprise.region_code', 'like', `${regionPrefix(f.districtCode)}%`);
  if (f.enterpriseId) q = q.where('enterprise.id', '=', f.enterpriseId);
  return q;
}

const fmtT = (n: number) => `${Number(n.toFixed(3))}`;

/** 附件1 rows, one per enterprise of the campaign in scope, filled from the registry, monitoring and ledgers. */
export async function screeningLedger(
  db: Db,
  p: Principal,
  q: { campaignId: number; districtCode?: string | undefined; enterpriseId?: number | undefined },
  page: number,
  pageSize: number | null,
  now: Date,
): Promise<{ items: ScreeningRow[]; total: number }> {
  assertLedgerReader(p);
  const c = await loadCampaign(db, q.campaignId);
  const base = campaignEnterprises(db, p, c, q);
  let rowsQ = base
    .select([
      'enterprise.id',
      'enterprise.name',
      'enterprise.region_code',
      'enterprise.control_level',
      'enterprise.programme_industry',
      'enterprise.industry_code',
    ])
    .orderBy('enterprise.region_code')
    .orderBy('enterprise.name')
    .orderBy('enterprise.id');
  if (pageSize !== null) rowsQ = rowsQ.limit(pageSize).offset((page - 1) * pageSize);
  const [ents, count, regions] = await Promise.all([
    rowsQ.execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    regionNames(db),
  ]);
  const total = Number(count.n);
  if (!ents.length) return { items: [], total };
  const ids = ents.map((e) => e.id);

  const campaignStart = new Date(`${c.starts_on}T00:00:00+08:00`);
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  const alarmsFrom = campaignStart < yearAgo ? campaignStart : yearAgo;
  const rateFrom = formatShanghai(campaignStart > yearAgo ? campaignStart : yearAgo).slice(0, 10);
  const today = formatShanghai(now).slice(0, 10);

  const [entries, permits, permitPollutants, facilities, problems, monitors, rates, alarms] =
    await Promise.all([
      db
        .selectFrom('screening_entry')
        .selectAll()
        .where('campaign_id', '=', c.id)
        .where('enterprise_id', 'in', ids)
        .execute(),
      db
        .selectFrom('permit')
        .select(['id', 'enterprise_id', 'number', 'valid_from', 'valid_to'])
        .where('enterprise_id', 'in', ids)
        .where('active', '=', true)
        .orderBy('valid_to', 'desc')
        .execute(),
      db
        .selectFrom('permit_pollutant')
        .innerJoin('permit', 'permit.id', 'permit_pollutant.permit_id')
        .select([
          'permit.enterprise_id',
          'permit_pollutant.pollutant_code',
          'permit_pollutant.annual_total_t',
        ])
        .where('permit.enterprise_id', 'in', ids)
        .where('permit.active', '=', true)
        .execute(),
      db
        .selectFrom('facility')
        .select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('enterprise_id', 'in', ids)
        .where('active', '=', true)
        .groupBy('enterprise_id')
        .execute(),
      db
        .selectFrom('problem')
        .select(['enterprise_id', 'problem_type', 'case_document_no', 'status'])
        .where('enterprise_id', 'in', ids)
        .where('campaign_id', '=', c.id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('monitor')
        .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
        .select(['monitor.id', 'outlet.enterprise_id', 'outlet.pollutants', 'monitor.last_seen_at'])
        .where('outlet.enterprise_id', 'in', ids)
        .where('monitor.active', '=', true)
        .execute(),
      db
        .selectFrom('monitor_day_rate')
        .innerJoin('monitor', 'monitor.id', 'monitor_day_rate.monitor_id')
        .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
        .select([
          'outlet.enterprise_id',
          (eb) => eb.fn.sum<number>('monitor_day_rate.expected').as('expected'),
          (eb) => eb.fn.sum<number>('monitor_day_rate.valid').as('valid'),
        ])
        .where('outlet.enterprise_id', 'in', ids)
        .where('monitor_day_rate.day', '>=', rateFrom)
        .where('monitor_day_rate.day', '<=', today)
        .groupBy('outlet.enterprise_id')
        .execute(),
      db
        .selectFrom('alarm')
        .select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('enterprise_id', 'in', ids)
        .where('kind', '=', 'exceedance')
        .where('started_at', '>=', alarmsFrom)
        .where('started_at', '<=', now)
        .groupBy('enterprise_id')
        .execute(),
    ]);
  const group = <T extends { enterprise_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.enterprise_id, [...(m.get(r.enterprise_id) ?? []), r]);
    return m;
  };
  const entryOf = new Map(entries.map((e) => [e.enterprise_id, e]));
  const permitsOf = group(permits);
  const pollutantsOf = group(permitPollutants);
  const facilitiesOf = new Map(facilities.map((f) => [f.enterprise_id, Number(f.n)]));
  const problemsOf = group(problems);
  const monitorsOf = group(monitors);
  const rateOf = new Map(rates.map((r) => [r.enterprise_id, r]));
  const alarmsOf = new Map(alarms.map((a) => [a.enterprise_id, Number(a.n)]));
  const offset = pageSize === null ? 0 : (page - 1) * pageSize;

  const items = ents.map((e, i): ScreeningRow => {
    const entry = entryOf.get(e.id);
    const permit = permitsOf.get(e.id)?.[0];
    const totals = (pollutantsOf.get(e.id) ?? [])
      .map((x) =>
        x.annual_total_t === null
          ? pollutantName(x.pollutant_code, 'zh')
          : `${pollutantName(x.pollutant_code, 'zh')} ${fmtT(Number(x.annual_total_t))} t/a`,
      )
      .join('、');
    const facilityCount = facilitiesOf.get(e.id) ?? 0;
    const permitSummary = [
      permit
        ? `排污许可证 ${permit.number}（有效期 ${permit.valid_from ?? '—'} 至 ${permit.valid_to ?? '—'}）`
        : '无排污许可证',
      totals ? `许可污染物及总量：${totals}` : null,
      `治理设施 ${facilityCount} 套`,
    ]
      .filter(Boolean)
      .join('；');
    const probs = problemsOf.get(e.id) ?? [];
    const types = PROBLEM_TYPES.filter((t) => probs.some((x) => x.problem_type === t.key)).map((t) => t.zh);
    const mons = monitorsOf.get(e.id) ?? [];
    const factors = [...new Set(mons.flatMap((m) => m.pollutants ?? []))].map((code) =>
      pollutantName(code, 'zh'),
    );
    const networked = mons.filter((m) => m.last_seen_at !== null).length;
    const rate = rateOf.get(e.id);
    const expected = Number(rate?.expected ?? 0);
    const validity = expected > 0 ? `${((Number(rate?.valid ?? 0) / expected) * 100).toFixed(1)}%` : '无数据';
    const onlineMonitoring = mons.length
      ? `监测因子：${factors.join('、') || '—'}；联网 ${networked}/${mons.length} 套；传输有效率 ${validity}`
      : '未安装自动监控';
    return {
      seq: offset + i + 1,
      campaignId: c.id,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionCode: e.region_code,
      regionName: regions.get(e.region_code) ?? e.region_code,
      industry: industryLabel(e),
      controlLevel: e.control_level,
      permitSummary,
      problemTypes: types.join('、'),
      monitoringReportNo: entry?.monitoring_report_no ?? null,
      exceeded: entry?.exceeded ?? null,
      exceedReason: entry?.exceed_reason ?? null,
      onlineMonitoring,
      onlineExceeded: (alarmsOf.get(e.id) ?? 0) > 0,
      onlineExceedReason: entry?.online_exceed_reason ?? null,
      caseDocuments: [...new Set(probs.map((x) => x.case_document_no).filter((x): x is string => !!x))].join(
        '、',
      ),
      rectified: probs.length ? probs.every((x) => x.status === 'closed') : null,
      problemCount: probs.length,
      notes: entry?.notes ?? null,
      version: entry?.version ?? 0,
    };
  });
  return { items, total };
}

/** The district (in scope), the city or the admin types the screening columns of one enterprise. */
export async function putScreeningEntry(
  db: Db,
  p: Principal,
  campaignId: number,
  enterpriseId: number,
  input: ScreeningPut,
  now: Date,
  ip?: string,
): Promise<ScreeningRow> {
  assertLedgerWriter(p);
  await loadCampaign(db, campaignId);
  const ent = await db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!ent) throw notFound('企业');
  if (!(await isEnterpriseInScope(db, p, enterpriseId))) throw outOfScope();
  if (input.exceeded === false && input.exceedReason?.trim())
    throw invalid([{ path: '/exceedReason', message: '未超标时不填写超标原因', code: 'NOT_EXCEEDED' }]);
  const before = await db
    .selectFrom('screening_entry')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if ((before?.version ?? 0) !== input.version) throw staleVersion();
  const clean = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const values = {
    monitoring_report_no: clean(input.monitoringReportNo),
    exceeded: input.exceeded,
    exceed_reason: clean(input.exceedReason),
    online_exceed_reason: clean(input.onlineExceedReason),
    notes: clean(input.notes),
  };
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  await db.transaction().execute(async (trx) => {
    if (!before) {
      const r = await trx
        .insertInto('screening_entry')
        .values({
          campaign_id: campaignId,
          enterprise_id: enterpriseId,
          ...set,
          updated_by: p.id,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'enterprise_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) throw staleVersion();
    } else {
      const r = await trx
        .updateTable('screening_entry')
        .set({ ...set, updated_by: p.id, updated_at: now, version: before.version + 1 })
        .where('id', '=', before.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    }
    const after = await trx
      .selectFrom('screening_entry')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: before ? 'update' : 'create',
        entity: 'screening_entry',
        entityId: after.id,
        enterpriseId,
        before: before ?? null,
        after,
      },
      now,
    );
  });
  const { items } = await screeningLedger(db, p, { campaignId, enterpriseId }, 1, 1, now);
  if (!items[0])
    throw invalid([{ path: '/enterpriseId', message: '企业不在该达标计划范围内', code: 'NOT_IN_CAMPAIGN' }]);
  return items[0];
}

export async function screeningWorkbook(
  db: Db,
  p: Principal,
  q: { campaignId: number; districtCode?: string | undefined },
  now: Date,
) {
  const { items } = await screeningLedger(db, p, q, 1, null, now);
  const cell = (r: ScreeningRow, key: (typeof SCREENING_LEDGER_COLUMNS)[number]['key']) => {
    switch (key) {
      case 'seq':
        return r.seq;
      case 'controlLevel':
        return controlLevelZh(r.controlLevel);
      case 'exceeded':
      case 'onlineExceeded':
      case 'rectified':
        return yes(r[key]);
      default:
        return r[key] ?? '';
    }
  };
  return ledgerWorkbook([
    {
      sheetName: '排查台账',
      title: SCREENING_LEDGER_TITLE,
      meta: [`填报单位（盖章）：${await unitName(db, p, q.districtCode)}`, `填报时间：${dateZh(now)}`],
      columns: columnsOf(SCREENING_LEDGER_COLUMNS),
      rows: items.map((r) => SCREENING_LEDGER_COLUMNS.map((c) => cell(r, c.key))),
      notes: [...SCREENING_LEDGER_NOTES],
    },
  ]);
}
