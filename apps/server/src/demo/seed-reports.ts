import {
  addCalendarDays,
  chinaWorkCalendar,
  districtDocPrefix,
  endOfShanghaiDay,
  lastDuePeriod,
  lateness,
  periodContaining,
  type ReportPeriod,
  rectificationDue,
  rectificationNoticeNumber,
  reportDue,
  shanghaiDateText,
} from '@dabiao/domain';
import { nextDocumentSeq } from '../plans/notice.service';
import type { Db } from '../platform/db/database';
import { prefillContent } from '../reports/report.content';
import { listDefinitionRecords } from '../reports/report.service';
import { DEMO_DISTRICTS } from './demo-districts';

const DAY = 86_400_000;
/** The district that has not sent last month's reports (the matrix shows it red). */
const MISSING_LAST_MONTH = '430971';

/** Small deterministic hash of a text (which reports are late, and by how much). */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * Demo: periodic report submissions (on time, late, missing), plans and notices. Deterministic for `now`;
 * does nothing when submissions, plans or notices already exist (the demo database is kept between starts).
 */
export async function seedReportHistory(db: Db, now: Date): Promise<void> {
  await seedSubmissions(db, now);
  await seedPlansAndNotices(db, now);
}

async function seedSubmissions(db: Db, now: Date): Promise<void> {
  if (await db.selectFrom('report_submission').select('id').limit(1).executeTakeFirst()) return;
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', ['city', ...DEMO_DISTRICTS.map((d) => d.login)])
    .execute();
  const userId = new Map(users.map((u) => [u.username, u.id]));
  const districts = await db.selectFrom('region').select('code').where('level', '=', 'district').execute();
  const codes = new Set(districts.map((d) => d.code));
  const defs = (await listDefinitionRecords(db)).filter((d) => d.cadence !== 'yearly');
  for (const def of defs) {
    // The last six periods whose report was due before now (three for the bimonthly table).
    const periods: ReportPeriod[] = [lastDuePeriod(def.schedule, now, chinaWorkCalendar)];
    const count = def.cadence === 'monthly' ? 6 : 3;
    while (periods.length < count) {
      periods.unshift(periodContaining(def.schedule, addCalendarDays(periods[0]!.start, -1)));
    }
    for (const [pi, period] of periods.entries()) {
      const latest = pi === periods.length - 1;
      const due = reportDue(def.schedule, period, chinaWorkCalendar);
      for (const d of DEMO_DISTRICTS) {
        if (!codes.has(d.code)) continue;
        if (latest && d.code === MISSING_LAST_MONTH) continue;
        const h = hash(`${def.key}|${period.key}|${d.code}`);
        // About one in six late, by 1 to 9 calendar days; the others 0 to 3 days early.
        const submittedAt =
          h % 6 === 0
            ? new Date(due.at.getTime() + (1 + (h % 9)) * DAY - 14 * 3_600_000)
            : new Date(due.at.getTime() - (h % 4) * DAY - 6 * 3_600_000);
        if (submittedAt > now) continue;
        const { late, lateDays } = lateness(due.at, submittedAt, chinaWorkCalendar);
        const received = !latest || h % 2 === 0;
        const receivedAt = new Date(Math.min(now.getTime(), submittedAt.getTime() + 2 * DAY));
        await db
          .insertInto('report_submission')
          .values({
            definition_id: def.id,
            region_code: d.code,
            period_key: period.key,
            due_at: due.at,
            submitted_at: submittedAt,
            submitted_by: userId.get(d.login) ?? null,
            late,
            late_days: lateDays,
            content: JSON.stringify(await prefillContent(db, def.template, d.code, period)),
            note: late ? '因节假日及数据核对，迟报' : null,
            status: received ? 'received' : 'submitted',
            received_by: received ? (userId.get('city') ?? null) : null,
            received_at: received ? receivedAt : null,
          })
          .execute();
      }
    }
  }
}

async function seedPlansAndNotices(db: Db, now: Date): Promise<void> {
  const hasPlan = await db.selectFrom('enterprise_plan').select('id').limit(1).executeTakeFirst();
  const hasNotice = await db.selectFrom('rectification_notice').select('id').limit(1).executeTakeFirst();
  if (hasPlan || hasNotice) return;
  // Enterprises with open problems under 限期整改 (seeded by the ledger history), a few of them.
  const problems = await db
    .selectFrom('problem')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .select([
      'problem.id',
      'problem.enterprise_id',
      'problem.district_code',
      'problem.version',
      'enterprise.name',
    ])
    .where('problem.status', '=', 'open')
    .where('problem.handling', '=', 'deadline_rectification')
    .orderBy('problem.id')
    .limit(40)
    .execute();
  const enterprises = [...new Set(problems.map((p) => p.enterprise_id))].slice(0, 3);
  const district = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'region_code'])
    .where('role', '=', 'district')
    .execute();
  const campaign = await db
    .selectFrom('campaign')
    .select('id')
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  const regions = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('level', '=', 'district')
    .execute();
  const today = shanghaiDateText(now);
  const PLAN_STATUS = ['filed', 'draft', 'done'] as const;
  for (const [i, enterpriseId] of enterprises.entries()) {
    const own = problems.filter((p) => p.enterprise_id === enterpriseId);
    const first = own[0]!;
    const issuer = district.find((u) => u.region_code === first.district_code);
    const createdAt = new Date(now.getTime() - (40 - i * 10) * DAY);
    await db
      .insertInto('enterprise_plan')
      .values({
        campaign_id: campaign?.id ?? null,
        enterprise_id: enterpriseId,
        title: `${first.name}达标升级改造方案`,
        targets: '主要污染物稳定达标排放，在线监控数据有效传输率不低于90%',
        route: '参照行业超标企业达标升级改造路线：完善预处理—提标改造末端治理设施—规范排污口和在线监控',
        measures: '一、更换老化治理设施；二、增设深度处理单元；三、完善台账和自行监测；四、规范排污口标志牌',
        target_date: addCalendarDays(today, 120 + i * 30),
        status: PLAN_STATUS[i % PLAN_STATUS.length]!,
        created_by: issuer?.id ?? null,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .execute();
    if (i > 1) continue;
    // Two notices: one issued 40 days ago for 3 months, one 10 days ago for 6 months.
    const issuedOn = addCalendarDays(today, i === 0 ? -40 : -10);
    const months = i === 0 ? 3 : 6;
    const due = rectificationDue(issuedOn, months, chinaWorkCalendar);
    const ids = own.slice(0, 2).map((p) => p.id);
    const name = regions.find((r) => r.code === first.district_code)?.name ?? '';
    await db.transaction().execute(async (trx) => {
      const year = Number(issuedOn.slice(0, 4));
      const seq = await nextDocumentSeq(trx, 'rectification_notice', first.district_code, year);
      await trx
        .insertInto('rectification_notice')
        .values({
          number: rectificationNoticeNumber(districtDocPrefix(first.district_code, name), year, seq),
          enterprise_id: enterpriseId,
          district_code: first.district_code,
          problem_ids: JSON.stringify(ids),
          period_months: months,
          issued_on: issuedOn,
          due_on: due.date,
          requirements:
            '按整治方案落实各项措施，整改完成后委托有资质的单位进行复查监测，并将整改报告报送我局。',
          issued_by: issuer?.id ?? null,
          issuer_name: issuer?.display_name ?? '益阳市生态环境局',
          created_at: endOfShanghaiDay(issuedOn),
        })
        .execute();
      for (const p of own.slice(0, 2)) {
        await trx
          .updateTable('problem')
          .set({ deadline_on: due.date, version: p.version + 1 })
          .where('id', '=', p.id)
          .execute();
      }
    });
  }
}
