import {
  industryName,
  PROGRAMME_INDUSTRIES,
  pollutantName,
  registryPollutant,
  type SelfCheckApplicability,
} from '@dabiao/domain';
import type { DbOrTrx } from '../platform/db/database';
import { findEnterprise } from '../registry/enterprise.repository';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(Number(n.toFixed(4)));
const day = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d).slice(0, 10);

/** True pollutants of an outlet (not flows nor flue/water conditions). */
const pollutantsOf = (codes: string[]) =>
  codes.filter((c) => {
    const p = registryPollutant(c);
    return !p || p.role === 'pollutant';
  });

export interface SelfCheckPrefill {
  content: Record<string, unknown>;
  prefill: Record<string, unknown> & { applicability: SelfCheckApplicability };
}

/**
 * What the platform already knows, written into a new form: 企业基本信息 from the registry, the permit
 * (number, pollutants and totals, expiry), outlets and facilities into the water/air tables with the
 * permit's limits, the monitors per outlet, and the last year's online exceedances (alarms of kind
 * exceedance, and the sheets that confirmed them) into (二) and the 在线监测超标率 column.
 */
export async function buildSelfCheckPrefill(
  db: DbOrTrx,
  enterpriseId: number,
  now: Date,
): Promise<SelfCheckPrefill> {
  const e = await findEnterprise(db, enterpriseId);
  if (!e) throw new Error(`enterprise ${enterpriseId} missing`);
  const since = new Date(now.getTime() - YEAR_MS);

  const permit = await db
    .selectFrom('permit')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('active', '=', true)
    .orderBy('valid_to', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const permitPollutants = permit
    ? await db
        .selectFrom('permit_pollutant')
        .selectAll()
        .where('permit_id', '=', permit.id)
        .orderBy('pollutant_code')
        .execute()
    : [];
  const limits = permit
    ? await db.selectFrom('permit_limit').selectAll().where('permit_id', '=', permit.id).execute()
    : [];
  const outlets = await db
    .selectFrom('outlet')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const outletIds = outlets.map((o) => o.id);
  const facilities = outletIds.length
    ? await db
        .selectFrom('facility')
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('active', '=', true)
        .orderBy('id')
        .execute()
    : [];
  const monitors = outletIds.length
    ? await db
        .selectFrom('monitor')
        .selectAll()
        .where('outlet_id', 'in', outletIds)
        .where('active', '=', true)
        .orderBy('id')
        .execute()
    : [];
  const alarms = await db
    .selectFrom('alarm')
    .select(['id', 'outlet_id', 'pollutant', 'started_at', 'ended_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'exceedance')
    .where('started_at', '>=', since)
    .where('started_at', '<', now)
    .execute();
  const confirmed = await db
    .selectFrom('alarm_sheet')
    .innerJoin('alarm', 'alarm.id', 'alarm_sheet.alarm_id')
    .select(['alarm_sheet.number', 'alarm.outlet_id', 'alarm.pollutant'])
    .where('alarm_sheet.enterprise_id', '=', enterpriseId)
    .where('alarm_sheet.conclusion', '=', 'confirmed_exceedance')
    .where('alarm.started_at', '>=', since)
    .where('alarm.started_at', '<', now)
    .orderBy('alarm_sheet.number')
    .execute();
  const validHours = monitors.length
    ? await db
        .selectFrom('hourly_value')
        .innerJoin('monitor', 'monitor.id', 'hourly_value.monitor_id')
        .select(['monitor.outlet_id', 'hourly_value.pollutant'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'hourly_value.monitor_id',
          'in',
          monitors.map((m) => m.id),
        )
        .where('hourly_value.valid', '=', true)
        .where('hourly_value.hour', '>=', since)
        .where('hourly_value.hour', '<', now)
        .groupBy(['monitor.outlet_id', 'hourly_value.pollutant'])
        .execute()
    : [];

  const key = (outletId: number, pollutant: string) => `${outletId}|${pollutant}`;
  const exceed = new Map<string, { count: number; hours: number }>();
  for (const a of alarms) {
    const k = key(a.outlet_id, a.pollutant);
    const cur = exceed.get(k) ?? { count: 0, hours: 0 };
    cur.count += 1;
    cur.hours += Math.max(1, Math.round((a.ended_at.getTime() - a.started_at.getTime()) / HOUR_MS));
    exceed.set(k, cur);
  }
  const valid = new Map(validHours.map((v) => [key(v.outlet_id, v.pollutant), Number(v.n)]));
  const monitored = new Set(monitors.map((m) => m.outlet_id));
  const outletLabel = (o: (typeof outlets)[number]) => `${o.code} ${o.name}`;
  const rate = (outletId: number, pollutant: string): string => {
    if (!monitored.has(outletId)) return '';
    const x = exceed.get(key(outletId, pollutant));
    const n = valid.get(key(outletId, pollutant)) ?? 0;
    if (!x) return n > 0 ? '0' : '';
    if (n === 0) return `超标${x.count}次`;
    return `${fmt(Math.min(100, (x.hours / n) * 100))}（超标${x.count}次）`;
  };
  const limitOf = (outletCode: string, pollutant: string) => {
    const l = limits.find((x) => x.outlet_code === outletCode && x.pollutant === pollutant);
    if (!l) return '';
    return l.value_kind === 'range' ? `${fmt(l.value_lo)}-${fmt(l.value_hi)}` : fmt(l.value_max);
  };

  const waterOutlets = outlets.filter((o) => o.kind === 'water');
  const airOutlets = outlets.filter((o) => o.kind === 'air');
  const facilityRows = (kind: 'water' | 'air') =>
    (kind === 'water' ? waterOutlets : airOutlets).flatMap((o) => {
      const own = facilities.filter((f) => f.outlet_id === o.id);
      const base =
        kind === 'water'
          ? { outlet: outletLabel(o) }
          : {
              stack: outletLabel(o),
              stackParams: [
                o.stack_height_m !== null ? `高度 ${fmt(o.stack_height_m)} m` : '',
                o.stack_diameter_m !== null ? `出口内径 ${fmt(o.stack_diameter_m)} m` : '',
                o.flue_temperature_c !== null ? `烟温 ${fmt(o.flue_temperature_c)} ℃` : '',
              ]
                .filter(Boolean)
                .join('、'),
            };
      if (!own.length) return [base];
      return own.map((f) => ({
        ...base,
        facilityName: f.name,
        ...(kind === 'water' ? { processCapacity: [f.process, f.capacity].filter(Boolean).join('，') } : {}),
        ...(f.feasible_technology !== null ? { feasible: f.feasible_technology } : {}),
      }));
    });
  const emissionRows = (kind: 'water' | 'air') =>
    (kind === 'water' ? waterOutlets : airOutlets).flatMap((o) =>
      pollutantsOf(o.pollutants).map((p) => ({
        [kind === 'water' ? 'outlet' : 'stack']: outletLabel(o),
        pollutant: pollutantName(p, 'zh'),
        limit: limitOf(o.code, p),
        onlineExceedRate: rate(o.id, p),
      })),
    );

  // (二): the platform's record of the last year, for the enterprise to complete.
  const byOutlet = [...exceed.entries()]
    .map(([k, v]) => {
      const [outletId, pollutant] = k.split('|');
      const o = outlets.find((x) => x.id === Number(outletId));
      return `${o ? outletLabel(o) : outletId} ${pollutantName(pollutant!, 'zh')} ${v.count}次`;
    })
    .sort();
  const period = `${day(since)}至${day(now)}`;
  const violations = alarms.length
    ? `【平台记录】近一年（${period}）在线监控超标报警${alarms.length}次：${byOutlet.join('；')}。` +
      (confirmed.length
        ? `经核实确认超标${confirmed.length}次（报警处理单${confirmed.map((c) => c.number).join('、')}）。`
        : '经核实确认超标0次。')
    : `【平台记录】近一年（${period}）无在线监控超标报警。`;

  const monitorsText = outlets
    .filter((o) => monitored.has(o.id))
    .map(
      (o) =>
        `${outletLabel(o)}：${monitors
          .filter((m) => m.outlet_id === o.id)
          .map((m) =>
            [`MN ${m.mn}`, [m.manufacturer, m.model].filter(Boolean).join(' ')].filter(Boolean).join('，'),
          )
          .join('；')}`,
    )
    .join('\n');

  const cls = e.industry_code ? (industryName(e.industry_code) ?? e.industry_code) : '';
  const programme = PROGRAMME_INDUSTRIES.find((i) => i.key === e.programme_industry)?.zh ?? '';
  const industry = cls && programme ? `${cls}（达标计划行业：${programme}）` : cls || programme;

  const applicability = {
    water: waterOutlets.length > 0,
    air: airOutlets.length > 0,
    online: monitors.length > 0,
  };
  const content = {
    basic: {
      enterpriseName: e.name,
      creditCode: e.credit_code,
      legalRepresentative: e.legal_representative ?? '',
      productsAndScale: e.products_and_scale ?? '',
      startedOn: e.started_on ?? '',
      address: e.address ?? '',
      lng: e.lng,
      lat: e.lat,
      envContact: e.env_contact ?? '',
      envContactPhone: e.env_contact_phone ?? '',
      industry,
    },
    permits: {
      permitNumber: permit?.number ?? '',
      permittedPollutants: permitPollutants
        .map(
          (p) =>
            `${pollutantName(p.pollutant_code, 'zh')}${p.annual_total_t !== null ? ` ${fmt(p.annual_total_t)} t/年` : ''}`,
        )
        .join('；'),
      permitValidTo: permit?.valid_to ?? '',
    },
    violations: { text: violations },
    supervisoryMonitoring: { text: '' },
    selfMonitoring: {},
    online: { monitors: monitorsText },
    process: {},
    water: { facilities: facilityRows('water'), emissions: emissionRows('water'), totals: '' },
    air: { facilities: facilityRows('air'), emissions: emissionRows('air'), totals: '' },
    fugitive: { sources: [], boundary: [] },
    conclusion: {},
  };
  return {
    content,
    prefill: {
      applicability,
      generatedAt: now.toISOString(),
      period,
      permitId: permit?.id ?? null,
      outlets: outlets.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind })),
      onlineExceedances: alarms.length,
      confirmedExceedances: confirmed.map((c) => c.number),
      content,
    },
  };
}
