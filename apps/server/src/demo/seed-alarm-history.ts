import type { ActionInput } from '@dabiao/domain';
import { hourStart } from '@dabiao/domain';
import { dataUpload, encode } from '@dabiao/hj212';
import { sql } from 'kysely';
import { runAlarmPass } from '../alarms/engine/alarm-engine';
import { LimitSource, loadOutletFacts } from '../alarms/engine/limit-source';
import { actOnSheet } from '../alarms/sheets/sheet.service';
import { runAggregation } from '../monitoring/aggregation/run-aggregation';
import { loadPrincipal } from '../platform/auth/auth.plugin';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import type { PollutantFields } from '../platform/db/schema';

const MIN = 60_000;
const HOUR = 3_600_000;
const O2 = 'a19001';
const CATEGORIES = ['industrial-coal-boiler', 'power-coal-boiler', 'cement-kiln'];
/** The pollutant each episode exceeds, in turn. */
const EXCEEDING = ['a21026', 'a21002', 'a34013'] as const;
const ZH: Record<(typeof EXCEEDING)[number], string> = {
  a21026: '二氧化硫',
  a21002: '氮氧化物',
  a34013: '颗粒物',
};
/** Flue-gas parameters sent beside the pollutants (no limit): typical values of a boiler stack. */
const PARAMETERS: Record<string, number> = {
  a01011: 12.4,
  a01012: 118,
  a01013: -0.32,
  a01014: 7.8,
  a00000: 186_000,
};

type Role = 'district' | 'enterprise' | 'operator' | 'city';
interface Step {
  /** Minutes after the dispatch. */
  after: number;
  by: Role;
  input: (zh: string) => ActionInput;
}

/**
 * One episode per sheet: when its sheet is dispatched (hours before the last full hour), how many
 * hours exceed, and the steps taken on it. Open sheets are dispatched less than 24 h ago (not yet
 * overdue), except `escalated`, whose deadline has passed. Every record is at least 10 h old: the
 * simulator backfills only the last 6 hours.
 */
const PLAN: {
  key: string;
  needsEnterprise: boolean;
  dispatchedHoursAgo: number;
  hours: number;
  steps: Step[];
}[] = [
  {
    key: 'closed',
    needsEnterprise: true,
    dispatchedHoursAgo: 64,
    hours: 4,
    steps: [
      {
        after: 35,
        by: 'district',
        input: () => ({ action: 'sign', note: '已签收，安排执法人员赴现场核查' }),
      },
      {
        after: 130,
        by: 'enterprise',
        input: (zh) => ({
          action: 'explain',
          explanation: `脱硫系统循环泵故障，浆液循环量不足，导致${zh}浓度升高`,
          selfCorrection: '已更换循环泵并恢复正常运行，排放浓度已回落至标准限值以内',
          deviceSuspected: false,
        }),
      },
      {
        after: 300,
        by: 'district',
        input: (zh) => ({
          action: 'conclude',
          conclusion: 'confirmed_exceedance',
          note: `现场核查确认${zh}超标排放，已责令整改并立案调查`,
        }),
      },
      {
        after: 26 * 60,
        by: 'city',
        input: () => ({ action: 'close', note: '整改到位，复核合格，同意办结' }),
      },
    ],
  },
  {
    key: 'confirmed',
    needsEnterprise: true,
    dispatchedHoursAgo: 58,
    hours: 3,
    steps: [
      { after: 25, by: 'district', input: () => ({ action: 'sign' }) },
      {
        after: 110,
        by: 'enterprise',
        input: (zh) => ({
          action: 'explain',
          explanation: `脱硝系统喷氨调节阀卡滞，喷氨量不足，${zh}短时超标`,
          selfCorrection: '已检修调节阀并重新标定喷氨量，运行恢复正常',
          deviceSuspected: false,
        }),
      },
      {
        after: 360,
        by: 'district',
        input: (zh) => ({
          action: 'conclude',
          conclusion: 'confirmed_exceedance',
          note: `现场核查确认超标：${zh}小时均值超过排放标准限值，已下达责令改正违法行为决定书`,
        }),
      },
    ],
  },
  {
    key: 'false-alarm',
    needsEnterprise: false,
    dispatchedHoursAgo: 52,
    hours: 3,
    steps: [
      { after: 40, by: 'district', input: () => ({ action: 'sign', note: '已签收' }) },
      {
        after: 270,
        by: 'district',
        input: () => ({
          action: 'conclude',
          conclusion: 'false_alarm',
          note: '现场核查：该时段为在线监测设备标气校准，数据未正确标记，排放正常，判定为误报',
        }),
      },
    ],
  },
  { key: 'escalated', needsEnterprise: false, dispatchedHoursAgo: 46, hours: 3, steps: [] },
  {
    key: 'operator-verified',
    needsEnterprise: true,
    dispatchedHoursAgo: 20,
    hours: 3,
    steps: [
      { after: 30, by: 'district', input: () => ({ action: 'sign' }) },
      {
        after: 100,
        by: 'enterprise',
        input: (zh) => ({
          action: 'explain',
          explanation: `生产工况稳定，治理设施运行正常，${zh}读数异常，疑似在线监测设备采样探头堵塞`,
          selfCorrection: '已通知运维单位到场检查，同时加强治理设施巡检',
          deviceSuspected: true,
        }),
      },
      {
        after: 200,
        by: 'operator',
        input: () => ({
          action: 'verify_device',
          finding: '现场检查发现采样探头过滤器堵塞、伴热管线温度偏低，已清理更换并完成标定，数据恢复正常',
          deviceFaulty: true,
        }),
      },
    ],
  },
  {
    key: 'explained',
    needsEnterprise: true,
    dispatchedHoursAgo: 17,
    hours: 4,
    steps: [
      { after: 45, by: 'district', input: () => ({ action: 'sign', note: '请企业说明超标原因' }) },
      {
        after: 150,
        by: 'enterprise',
        input: (zh) => ({
          action: 'explain',
          explanation: `锅炉启炉阶段除尘器未及时投运，${zh}浓度短时升高`,
          selfCorrection: '已修订启停炉操作规程，除尘器先于锅炉投运',
          deviceSuspected: false,
        }),
      },
    ],
  },
  {
    key: 'signed',
    needsEnterprise: false,
    dispatchedHoursAgo: 14,
    hours: 3,
    steps: [{ after: 50, by: 'district', input: () => ({ action: 'sign', note: '已签收，正在核实' }) }],
  },
  { key: 'dispatched', needsEnterprise: false, dispatchedHoursAgo: 10, hours: 3, steps: [] },
];

interface Candidate {
  monitorId: number;
  mn: string;
  password: string;
  outletId: number;
  referenceO2: number | null;
  pollutants: string[];
  enterpriseId: number;
  regionCode: string;
  operatorId: number | null;
  hasLogin: boolean;
}

/**
 * The demo's exceedance history (demo mode only, once, after the demo city): eight flue-gas
 * monitors of different districts exceed their limit for 3-4 hours on one of the last three days,
 * and their sheets stand in every state of the workflow. All through the real paths: HJ 212
 * frames and minute records as the gateway stores them, the aggregator, the alarm engine at the
 * dispatch time, and the demo users' workflow steps. Deterministic for a given city and `now`.
 */
export async function seedAlarmHistory(db: Db, now: Date): Promise<void> {
  const limits = new LimitSource();
  const picks = await pickMonitors(db, limits, now);
  if (picks.length < PLAN.length) return;
  const lastHour = hourStart(new Date(now.getTime() - HOUR + 1));
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'region_code', 'enterprise_id', 'operator_id'])
    .where('active', '=', true)
    .where('role', 'in', ['district', 'enterprise', 'operator', 'city'])
    .orderBy('id')
    .execute();
  if (!users.some((u) => u.role === 'operator' && u.operator_id !== null)) return;
  const principals = new Map<number, Principal>();
  const principal = async (userId: number) => {
    const cached = principals.get(userId);
    if (cached) return cached;
    const p = await loadPrincipal(db, userId);
    if (!p) throw new Error(`demo user ${userId} not found`);
    principals.set(userId, p);
    return p;
  };

  type Event = { at: Date; order: number; run: () => Promise<void> };
  const events: Event[] = [];
  for (const [i, plan] of PLAN.entries()) {
    const m = picks[i]!;
    let pollutant: (typeof EXCEEDING)[number] = EXCEEDING[i % EXCEEDING.length]!;
    const dispatchAt = new Date(lastHour.getTime() - plan.dispatchedHoursAgo * HOUR);
    const userOf = (role: Role) => {
      const u = users.find((x) =>
        role === 'district'
          ? x.role === 'district' && x.region_code === m.regionCode
          : role === 'enterprise'
            ? x.role === 'enterprise' && x.enterprise_id === m.enterpriseId
            : role === 'operator'
              ? x.role === 'operator' && x.operator_id === m.operatorId
              : x.role === 'city',
      );
      if (!u) throw new Error(`no demo ${role} user for monitor ${m.monitorId}`);
      return u.id;
    };
    events.push({
      at: dispatchAt,
      order: i,
      run: async () => {
        // The episode's hours, a compliant hour either side; the engine dispatches an hour after.
        const first = new Date(dispatchAt.getTime() - (plan.hours + 2) * HOUR);
        const h = await hourValues(db, limits, m, pollutant, plan.hours, first, now);
        pollutant = h.exceeding;
        await ingestMinutes(db, m, first, h.values);
        await runAggregation(db, { now: dispatchAt });
        await runAlarmPass(db, limits, dispatchAt);
      },
    });
    for (const step of plan.steps) {
      events.push({
        at: new Date(dispatchAt.getTime() + step.after * MIN),
        order: i,
        run: async () => {
          const sheet = await db
            .selectFrom('alarm')
            .innerJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
            .select(['alarm.id', 'alarm_sheet.version'])
            .where('alarm.monitor_id', '=', m.monitorId)
            .where('alarm.kind', '=', 'exceedance')
            .orderBy('alarm.started_at', 'desc')
            .executeTakeFirstOrThrow();
          const at = new Date(dispatchAt.getTime() + step.after * MIN);
          await actOnSheet(
            db,
            await principal(userOf(step.by)),
            sheet.id,
            step.input(ZH[pollutant]),
            sheet.version,
            at,
          );
        },
      });
    }
    if (plan.key === 'escalated') {
      // The engine's next pass after the 24-hour deadline turns the sheet into a 督办单.
      const at = new Date(dispatchAt.getTime() + 24 * HOUR + 5 * MIN);
      events.push({ at, order: i, run: async () => void (await runAlarmPass(db, limits, at)) });
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const e of events) {
    if (e.at.getTime() >= now.getTime()) throw new Error('demo alarm history must lie in the past');
    await e.run();
  }
}

/**
 * Flue-gas monitors ordered by id whose outlet has a standard category: the first of each
 * enterprise with a demo login (they explain their sheets), then the first of each further
 * district. ent-1's enterprise is left alone (the alarm tests use its monitor). The monitor whose
 * sheet goes to the operator is handed to the demo operator company (its maintenance contract).
 */
async function pickMonitors(db: Db, limits: LimitSource, now: Date): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('monitor')
    .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
    .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
    .select([
      'monitor.id',
      'monitor.mn',
      'monitor.password',
      'monitor.operator_id',
      'outlet.id as outlet_id',
      'outlet.reference_o2',
      'outlet.pollutants',
      'enterprise.id as enterprise_id',
      'enterprise.region_code',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('app_user')
              .select('app_user.id')
              .whereRef('app_user.enterprise_id', '=', 'enterprise.id')
              .where('app_user.role', '=', 'enterprise')
              .where('app_user.active', '=', true),
          )
          .as('has_login'),
    ])
    .where('outlet.kind', '=', 'air')
    .where('outlet.standard_category', 'in', CATEGORIES)
    .where('monitor.active', '=', true)
    .where('outlet.active', '=', true)
    .where('enterprise.active', '=', true)
    .where('enterprise.id', 'not in', (eb) =>
      eb
        .selectFrom('app_user')
        .select('enterprise_id')
        .where('username', '=', 'ent-1')
        .where('enterprise_id', 'is not', null)
        .$narrowType<{ enterprise_id: number }>(),
    )
    .orderBy('monitor.id')
    .execute();
  const listed: Candidate[] = rows.map((r) => ({
    monitorId: r.id,
    mn: r.mn,
    password: r.password,
    outletId: r.outlet_id,
    referenceO2: r.reference_o2,
    pollutants: r.pollutants,
    enterpriseId: r.enterprise_id,
    regionCode: r.region_code,
    operatorId: r.operator_id,
    hasLogin: !!r.has_login,
  }));
  // Only outlets the resolver finds an hourly limit for (e.g. not those of unknown source age).
  const facts = await loadOutletFacts(db, [...new Set(listed.map((c) => c.outletId))]);
  const all: Candidate[] = [];
  for (const c of listed) {
    const f = facts.get(c.outletId);
    if (!f) continue;
    for (const p of EXCEEDING) {
      const r = c.pollutants.includes(p) ? await limits.resolve(db, f, p, 'hour', now, now) : null;
      if (r?.limit?.value.kind === 'max') {
        all.push(c);
        break;
      }
    }
  }
  const withLogin: Candidate[] = [];
  for (const c of all)
    if (c.hasLogin && !withLogin.some((x) => x.enterpriseId === c.enterpriseId)) withLogin.push(c);
  const others: Candidate[] = [];
  const districts = new Set(withLogin.map((c) => c.regionCode));
  for (const c of all)
    if (!c.hasLogin && !districts.has(c.regionCode)) {
      others.push(c);
      districts.add(c.regionCode);
    }
  for (const c of all) if (!c.hasLogin && !others.includes(c)) others.push(c);
  const picks: Candidate[] = [];
  for (const plan of PLAN) {
    const pool = plan.needsEnterprise ? withLogin : others;
    const c = pool.shift() ?? others.shift();
    if (!c) return [];
    picks.push(c);
  }
  const verified = picks[PLAN.findIndex((p) => p.key === 'operator-verified')]!;
  const operator = await db
    .selectFrom('app_user')
    .select('operator_id')
    .where('role', '=', 'operator')
    .where('active', '=', true)
    .where('operator_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  if (operator?.operator_id != null && verified.operatorId !== operator.operator_id) {
    await db
      .updateTable('monitor')
      .set({ operator_id: operator.operator_id })
      .where('id', '=', verified.monitorId)
      .execute();
    verified.operatorId = operator.operator_id;
  }
  return picks;
}

/**
 * Per hour from `first`: the pollutants' 10-minute values. The exceeding pollutant is 1.3-2.2 × its
 * limit in the episode's hours and about half of it otherwise; the others stay at about half of
 * theirs. O2 is the limit's reference O2, so the values need no correction.
 */
async function hourValues(
  db: Db,
  limits: LimitSource,
  m: Candidate,
  preferred: (typeof EXCEEDING)[number],
  hours: number,
  first: Date,
  now: Date,
): Promise<{ exceeding: (typeof EXCEEDING)[number]; values: Record<string, PollutantFields>[][] }> {
  const facts = (await loadOutletFacts(db, [m.outletId])).get(m.outletId);
  const limit = new Map<string, number>();
  let referenceO2 = m.referenceO2;
  for (const p of m.pollutants) {
    if (p === O2 || p in PARAMETERS || !facts) continue;
    const r = await limits.resolve(db, facts, p, 'hour', first, now);
    if (r?.limit?.value.kind === 'max') {
      limit.set(p, r.limit.value.max);
      referenceO2 = r.limit.referenceO2 ?? referenceO2;
    }
  }
  // The preferred pollutant, or the next one the outlet has an hourly limit for.
  const order = [preferred, ...EXCEEDING.filter((p) => p !== preferred)];
  const exceeding = order.find((p) => limit.has(p) && m.pollutants.includes(p)) ?? preferred;
  const factors = [1.35, 1.85, 2.2, 1.6];
  const round = (x: number) => Math.round(x * 100) / 100;
  const values = Array.from({ length: hours + 2 }, (_, h) =>
    Array.from({ length: 6 }, (_, k) => {
      const values: Record<string, PollutantFields> = {};
      for (const p of m.pollutants) {
        const max = limit.get(p);
        const wobble = 1 + ((h * 6 + k) % 5) * 0.02 - 0.04;
        if (max !== undefined) {
          const f = p === exceeding && h >= 1 && h <= hours ? factors[(h - 1) % factors.length]! : 0.45;
          const avg = round(max * f * wobble);
          values[p] = { Avg: avg, Min: round(avg * 0.95), Max: round(avg * 1.05), Flag: 'N' };
        } else if (p === O2 && referenceO2 !== null) {
          values[p] = { Avg: referenceO2, Flag: 'N' };
        } else if (PARAMETERS[p] !== undefined) {
          values[p] = { Avg: round(PARAMETERS[p]! * wobble), Flag: 'N' };
        }
      }
      return values;
    }),
  );
  return { exceeding, values };
}

/**
 * What the gateway stores for accepted minute packets (as the monitoring tests' `ingest`): the raw
 * frame with real HJ 212 bytes, the record, the hour's aggregation task and monitor.last_seen_at,
 * in one transaction; batched, as there are a few hundred of them.
 */
async function ingestMinutes(
  db: Db,
  m: Candidate,
  first: Date,
  hours: Record<string, PollutantFields>[][],
): Promise<void> {
  const packets = hours.flatMap((minutes, h) =>
    minutes.map((values, k) => {
      const time = new Date(first.getTime() + h * HOUR + k * 10 * MIN);
      return { time, receivedAt: new Date(time.getTime() + MIN), values };
    }),
  );
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string | number }>`
      select nextval('raw_frame_id_seq') as id from generate_series(1, ${packets.length})`.execute(trx);
    const ids = rows.map((r) => Number(r.id));
    const stored = await trx
      .insertInto('monitoring_record')
      .values(
        packets.map((p, i) => ({
          monitor_id: m.monitorId,
          kind: 'min' as const,
          data_time: p.time,
          received_at: p.receivedAt,
          raw_frame_id: ids[i]!,
          values: JSON.stringify(p.values),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('raw_frame_id')
      .execute();
    const inserted = new Set(stored.map((r) => Number(r.raw_frame_id)));
    await trx
      .insertInto('raw_frame')
      .values(
        packets.map((p, i) => ({
          id: ids[i]!,
          received_at: p.receivedAt,
          peer: `10.43.9.${(m.monitorId % 200) + 20}:50312`,
          mn: m.mn,
          monitor_id: m.monitorId,
          cn: '2051',
          qn: null,
          verdict: inserted.has(ids[i]!) ? ('stored' as const) : ('duplicate' as const),
          error_code: null,
          detail: null,
          tolerances: null,
          bytes: encode(
            dataUpload({ st: '31', pw: m.password, mn: m.mn }, '2051', p.time, p.values, {
              now: p.receivedAt,
            }),
          ),
        })),
      )
      .execute();
    const taskHours = [
      ...new Set(packets.filter((_, i) => inserted.has(ids[i]!)).map((p) => hourStart(p.time).getTime())),
    ];
    if (taskHours.length)
      await trx
        .insertInto('aggregation_task')
        .values(taskHours.map((h) => ({ monitor_id: m.monitorId, hour: new Date(h) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    const last = packets[packets.length - 1]!.receivedAt;
    await trx
      .updateTable('monitor')
      .set({ last_seen_at: last })
      .where('id', '=', m.monitorId)
      .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', last)]))
      .execute();
  });
}
