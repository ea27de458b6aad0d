import {
  addCalendarDays,
  chinaWorkCalendar,
  computeDue,
  type DeadlineRule,
  followUpDue,
  lastDuePeriod,
  nextDuePeriod,
  type ReportCadence,
  type ReportPeriod,
  reportDue,
  shanghaiDateText,
} from '@dabiao/domain';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import { type Audience, type RawTodo, REVIEW_WORKING_DAYS, type TodoUser } from './todo.rules';

const SHEET_ACTION_ZH = {
  sign: '签收',
  explain: '说明情况',
  verify: '核查设备',
  conclude: '核实处理',
} as const;
const cal = chinaWorkCalendar;

/**
 * Narrows each query to what a user can have to do (an enterprise's own records, a district's
 * region, a reviewer's assignments); `all` collects every user's obligations (for the reminders).
 */
export type Who = 'all' | TodoUser;

const roleIs = (who: Who, ...roles: string[]) => who === 'all' || roles.includes(who.role);
const districtPrefix = (who: Who) =>
  who !== 'all' && (who.role === 'district' || who.role === 'city') ? regionPrefix(who.regionCode) : null;

function workingDaysAfter(from: Date, n: number) {
  return computeDue({ kind: 'workingDays', n }, from, cal);
}

/** Every dated obligation (for `who`) at `now`, with its audiences; not yet filtered per user. */
export async function collectTodos(db: DbOrTrx, now: Date, who: Who): Promise<RawTodo[]> {
  const today = shanghaiDateText(now);
  const out: RawTodo[] = [];
  const prefix = districtPrefix(who);
  const enterpriseOnly = who !== 'all' && who.role === 'enterprise' ? (who.enterpriseId ?? -1) : null;

  // Alarm sheets awaiting an action (A3): who acts at which state (domain alarms/permissions).
  if (roleIs(who, 'district', 'enterprise', 'operator', 'admin', 'city')) {
    let q = db
      .selectFrom('alarm_sheet')
      .innerJoin('alarm', 'alarm.id', 'alarm_sheet.alarm_id')
      .innerJoin('enterprise', 'enterprise.id', 'alarm_sheet.enterprise_id')
      .leftJoin('monitor', 'monitor.id', 'alarm.monitor_id')
      .select([
        'alarm_sheet.id',
        'alarm_sheet.number',
        'alarm_sheet.alarm_id',
        'alarm_sheet.state',
        'alarm_sheet.device_suspected',
        'alarm_sheet.deadline_at',
        'alarm_sheet.district_code',
        'alarm_sheet.enterprise_id',
        'enterprise.name as enterprise_name',
        'monitor.operator_id',
      ])
      .where('alarm_sheet.state', 'in', ['dispatched', 'signed', 'explained', 'operator_verified']);
    if (prefix) q = q.where('alarm_sheet.district_code', 'like', `${prefix}%`);
    if (enterpriseOnly !== null) q = q.where('alarm_sheet.enterprise_id', '=', enterpriseOnly);
    if (who !== 'all' && who.role === 'operator')
      q = q.where('monitor.operator_id', '=', who.operatorId ?? -1);
    for (const s of await q.orderBy('alarm_sheet.id').execute()) {
      const district: Audience = { kind: 'district', regionCode: s.district_code };
      const enterprise: Audience = { kind: 'enterprise', enterpriseId: s.enterprise_id };
      const parts: [Audience, string][] = [];
      if (s.state === 'dispatched')
        parts.push([district, SHEET_ACTION_ZH.sign], [enterprise, SHEET_ACTION_ZH.explain]);
      else if (s.state === 'signed')
        parts.push([district, SHEET_ACTION_ZH.conclude], [enterprise, SHEET_ACTION_ZH.explain]);
      else if (s.state === 'explained' && s.device_suspected && s.operator_id !== null)
        parts.push([{ kind: 'operator', operatorId: s.operator_id }, SHEET_ACTION_ZH.verify]);
      else parts.push([district, SHEET_ACTION_ZH.conclude]);
      for (const [audience, action] of parts) {
        out.push({
          key: `alarm_sheet:${s.id}`,
          kind: 'alarm_sheet',
          title: `报警单 ${s.number}：${s.enterprise_name}，待${action}`,
          link: `/alarms/${s.alarm_id}`,
          dueAt: s.deadline_at,
          provisional: false,
          audiences: [audience],
        });
      }
    }
  }

  // Self-check forms (E2): an enterprise submits before its screening phase ends.
  if (roleIs(who, 'enterprise')) {
    const phases = await db
      .selectFrom('campaign_phase')
      .innerJoin('campaign', 'campaign.id', 'campaign_phase.campaign_id')
      .leftJoin('campaign_batch', 'campaign_batch.id', 'campaign_phase.batch_id')
      .select([
        'campaign_phase.id',
        'campaign_phase.campaign_id',
        'campaign_phase.name',
        'campaign_phase.starts_on',
        'campaign_phase.ends_on',
        'campaign.name as campaign_name',
        'campaign.covered_regions',
        'campaign_batch.ordinal',
        'campaign_batch.includes_rest',
      ])
      .where('campaign_phase.kind', '=', 'screening')
      .where('campaign_phase.starts_on', '<=', today)
      .where('campaign.ends_on', '>=', today)
      .execute();
    for (const ph of phases) {
      let eq = db
        .selectFrom('enterprise')
        .select(['enterprise.id'])
        .where('enterprise.active', '=', true)
        .where('enterprise.region_code', 'in', [...(ph.covered_regions as string[]), '-'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('self_check')
                .select('self_check.id')
                .whereRef('self_check.enterprise_id', '=', 'enterprise.id')
                .where('self_check.campaign_id', '=', ph.campaign_id)
                .where('self_check.status', '!=', 'draft'),
            ),
          ),
        );
      if (ph.ordinal !== null && !ph.includes_rest) eq = eq.where('enterprise.batch', '=', ph.ordinal);
      if (enterpriseOnly !== null) eq = eq.where('enterprise.id', '=', enterpriseOnly);
      const due = computeDue({ kind: 'date', date: ph.ends_on }, now, cal);
      for (const e of await eq.orderBy('enterprise.id').execute()) {
        out.push({
          key: `self_check_submit:${ph.id}:${e.id}`,
          kind: 'self_check_submit',
          title: `填报并提交自查表（${ph.campaign_name}）`,
          link: `/self-checks?campaign=${ph.campaign_id}&phase=${ph.id}`,
          dueAt: due.at,
          provisional: due.assumedYears.length > 0,
          audiences: [{ kind: 'enterprise', enterpriseId: e.id }],
        });
      }
    }
  }

  // Submitted forms the district reviews.
  if (roleIs(who, 'district')) {
    let q = db
      .selectFrom('self_check')
      .innerJoin('enterprise', 'enterprise.id', 'self_check.enterprise_id')
      .select(['self_check.id', 'self_check.submitted_at', 'enterprise.name', 'enterprise.region_code'])
      .where('self_check.status', '=', 'submitted');
    if (prefix) q = q.where('enterprise.region_code', 'like', `${prefix}%`);
    for (const f of await q.orderBy('self_check.id').execute()) {
      if (!f.submitted_at) continue;
      const due = workingDaysAfter(f.submitted_at, REVIEW_WORKING_DAYS);
      out.push({
        key: `self_check_review:${f.id}`,
        kind: 'self_check_review',
        title: `审核自查表：${f.name}`,
        link: `/self-checks/${f.id}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [{ kind: 'district', regionCode: f.region_code }],
      });
    }
  }

  // Sign-offs awaiting verification (L3): the district verifies an application, then the city.
  if (roleIs(who, 'district', 'city', 'admin')) {
    let q = db
      .selectFrom('sign_off')
      .innerJoin('problem', 'problem.id', 'sign_off.problem_id')
      .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
      .select([
        'sign_off.id',
        'sign_off.status',
        'sign_off.applied_at',
        'sign_off.district_verified_at',
        'sign_off.problem_id',
        'problem.district_code',
        'enterprise.name',
      ])
      .where('sign_off.status', 'in', ['applied', 'district_verified']);
    if (prefix) q = q.where('problem.district_code', 'like', `${prefix}%`);
    for (const s of await q.orderBy('sign_off.id').execute()) {
      const cityStep = s.status === 'district_verified';
      if (who !== 'all' && (who.role === 'district') === cityStep) continue;
      const from = cityStep ? (s.district_verified_at ?? s.applied_at) : s.applied_at;
      const due = workingDaysAfter(from, REVIEW_WORKING_DAYS);
      out.push({
        key: `sign_off:${s.id}:${s.status}`,
        kind: 'sign_off_verify',
        title: `${cityStep ? '市级' : '区县'}核查销号申请：${s.name}`,
        link: `/problems/${s.problem_id}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [cityStep ? { kind: 'city' } : { kind: 'district', regionCode: s.district_code }],
      });
    }
  }

  // Problems with a rectification deadline, not closed (L2): the enterprise and its district.
  if (roleIs(who, 'district', 'enterprise')) {
    let q = db
      .selectFrom('problem')
      .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
      .select([
        'problem.id',
        'problem.deadline_on',
        'problem.description',
        'problem.district_code',
        'problem.enterprise_id',
        'enterprise.name',
      ])
      .where('problem.status', '!=', 'closed')
      .where('problem.deadline_on', 'is not', null);
    if (prefix) q = q.where('problem.district_code', 'like', `${prefix}%`);
    if (enterpriseOnly !== null) q = q.where('problem.enterprise_id', '=', enterpriseOnly);
    for (const p of await q.orderBy('problem.id').execute()) {
      const due = computeDue({ kind: 'date', date: p.deadline_on! }, now, cal);
      out.push({
        key: `problem:${p.id}`,
        kind: 'problem_deadline',
        title: `完成整改：${p.name}「${p.description.split('\n')[0]!.slice(0, 40)}」`,
        link: `/problems/${p.id}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [
          { kind: 'enterprise', enterpriseId: p.enterprise_id },
          { kind: 'district', regionCode: p.district_code },
        ],
      });
    }
  }

  // The district's monthly check of open problems (004 三(三)4, dayOfMonth 31: the month's end).
  if (roleIs(who, 'district')) {
    let q = db
      .selectFrom('problem')
      .select(['district_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '!=', 'closed')
      .where('created_at', '<=', now)
      .groupBy('district_code');
    if (prefix) q = q.where('district_code', 'like', `${prefix}%`);
    const due = followUpDue(now);
    for (const d of await q.orderBy('district_code').execute()) {
      out.push({
        key: `follow_up:${d.district_code}:${today.slice(0, 7)}`,
        kind: 'problem_follow_up',
        title: `本月检查企业整改情况（未销号问题${Number(d.n)}个）`,
        link: `/ledgers/rectification?followUp=${today.slice(0, 7)}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [{ kind: 'district', regionCode: d.district_code }],
      });
    }
  }

  // Periodic reports of the previous and the next due period not yet submitted by a district (L5).
  if (roleIs(who, 'district')) out.push(...(await reportTodos(db, now, prefix)));

  // An expert's (or on-site checker's) review assignments.
  if (roleIs(who, 'expert', 'district', 'city', 'admin')) {
    let q = db
      .selectFrom('review_assignment')
      .innerJoin('enterprise', 'enterprise.id', 'review_assignment.enterprise_id')
      .select([
        'review_assignment.id',
        'review_assignment.due_on',
        'review_assignment.reviewer_id',
        'review_assignment.kind',
        'enterprise.name',
      ])
      .where('review_assignment.status', '=', 'assigned')
      .where('review_assignment.due_on', 'is not', null);
    if (who !== 'all') q = q.where('review_assignment.reviewer_id', '=', who.id);
    for (const a of await q.orderBy('review_assignment.id').execute()) {
      const due = computeDue({ kind: 'date', date: a.due_on! }, now, cal);
      out.push({
        key: `review:${a.id}`,
        kind: 'review_assignment',
        title: `${a.kind === 'onsite' ? '现场核查' : a.kind === 'expert' ? '专家复核' : '第三方评估'}：${a.name}`,
        link: `/spot-checks?assignment=${a.id}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [{ kind: 'user', userId: a.reviewer_id }],
      });
    }
  }

  // Current campaign phases ending (E1): the city and the districts covered.
  if (roleIs(who, 'city', 'district', 'admin')) {
    const phases = await db
      .selectFrom('campaign_phase')
      .innerJoin('campaign', 'campaign.id', 'campaign_phase.campaign_id')
      .select([
        'campaign_phase.id',
        'campaign_phase.name',
        'campaign_phase.ends_on',
        'campaign_phase.campaign_id',
        'campaign.name as campaign_name',
        'campaign.covered_regions',
      ])
      .where('campaign_phase.starts_on', '<=', today)
      .where('campaign_phase.ends_on', '>=', today)
      .orderBy('campaign_phase.id')
      .execute();
    for (const ph of phases) {
      const due = computeDue({ kind: 'date', date: ph.ends_on }, now, cal);
      out.push({
        key: `phase:${ph.id}`,
        kind: 'campaign_phase',
        title: `${ph.campaign_name}：${ph.name}阶段截止`,
        link: `/campaigns/${ph.campaign_id}`,
        dueAt: due.at,
        provisional: due.assumedYears.length > 0,
        audiences: [
          { kind: 'city' },
          ...(ph.covered_regions as string[]).map((c): Audience => ({ kind: 'district', regionCode: c })),
        ],
      });
    }
  }
  return out;
}

async function reportTodos(db: DbOrTrx, now: Date, prefix: string | null): Promise<RawTodo[]> {
  const defs = await db
    .selectFrom('report_definition')
    .leftJoin('campaign', 'campaign.id', 'report_definition.campaign_id')
    .select([
      'report_definition.id',
      'report_definition.key',
      'report_definition.name',
      'report_definition.cadence',
      'report_definition.due_rule',
      'campaign.starts_on',
      'campaign.ends_on',
      'campaign.covered_regions',
    ])
    .where('report_definition.active', '=', true)
    .orderBy('report_definition.id')
    .execute();
  if (!defs.length) return [];
  let dq = db.selectFrom('region').select('code').where('level', '=', 'district');
  if (prefix) dq = dq.where('code', 'like', `${prefix}%`);
  const allDistricts = (await dq.execute()).map((r) => r.code);
  const submitted = await db
    .selectFrom('report_submission')
    .select(['definition_id', 'region_code', 'period_key'])
    .where(
      'definition_id',
      'in',
      defs.map((d) => d.id),
    )
    .where('status', '!=', 'returned')
    .execute();
  const done = new Set(submitted.map((s) => `${s.definition_id} ${s.region_code} ${s.period_key}`));
  const today = shanghaiDateText(now);
  const out: RawTodo[] = [];
  for (const d of defs) {
    const schedule = { cadence: d.cadence as ReportCadence, rule: d.due_rule as unknown as DeadlineRule };
    const periods: ReportPeriod[] = [];
    try {
      periods.push(lastDuePeriod(schedule, now, cal), nextDuePeriod(schedule, now, cal).period);
    } catch {
      continue; // a rule the engine refuses is the reports module's to report
    }
    // Only periods the campaign runs in (or, without a campaign, due within the last 90 days).
    const inRange = (p: ReportPeriod, dueDate: string) =>
      d.starts_on
        ? p.end >= d.starts_on && p.start <= (d.ends_on ?? p.start)
        : dueDate >= addCalendarDays(today, -90);
    const covered = d.covered_regions ? (d.covered_regions as string[]) : null;
    const districts = covered ? allDistricts.filter((c) => covered.includes(c)) : allDistricts;
    for (const p of periods) {
      const due = reportDue(schedule, p, cal);
      if (!inRange(p, due.date)) continue;
      for (const region of districts) {
        if (done.has(`${d.id} ${region} ${p.key}`)) continue;
        out.push({
          key: `report:${d.id}:${region}:${p.key}`,
          kind: 'report_due',
          title: `报送${d.name}（${p.labelZh}）`,
          link: `/reports?definition=${encodeURIComponent(d.key)}&period=${encodeURIComponent(p.key)}`,
          dueAt: due.at,
          provisional: due.assumedYears.length > 0,
          audiences: [{ kind: 'district', regionCode: region }],
        });
      }
    }
  }
  return out;
}
