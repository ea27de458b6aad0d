import { followUpDue, monthStart, nextMonthStart, PROBLEM_TYPES } from '@dabiao/domain';
import type { Db } from '../platform/db/database';

export const FOLLOW_UP_KIND = 'problem_follow_up';

/**
 * L3 monthly follow-up (004 三(三)4: "每月要对企业整改情况进行检查，直至所有问题整改完成"): once per Shanghai
 * month, for every problem not yet closed, a notification to the district bureau users of its district and
 * to the enterprise's users, due at the month's end (the deadline engine's rule). Idempotent within the
 * month: a user already reminded of the problem this month is not reminded again. Returns how many were sent.
 */
export async function sendFollowUpReminders(db: Db, now: Date): Promise<number> {
  const from = monthStart(now);
  const to = nextMonthStart(now);
  const due = followUpDue(now);
  const problems = await db
    .selectFrom('problem')
    .innerJoin('enterprise', 'enterprise.id', 'problem.enterprise_id')
    .select([
      'problem.id',
      'problem.enterprise_id',
      'problem.district_code',
      'problem.problem_type',
      'enterprise.name as enterprise_name',
    ])
    .where('problem.status', '!=', 'closed')
    .where('problem.created_at', '<=', now)
    .orderBy('problem.id')
    .execute();
  if (!problems.length) return 0;
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'region_code', 'enterprise_id'])
    .where('active', '=', true)
    .where('role', 'in', ['district', 'enterprise'])
    .execute();
  const districtUsers = new Map<string, number[]>();
  const enterpriseUsers = new Map<number, number[]>();
  for (const u of users) {
    if (u.role === 'district')
      districtUsers.set(u.region_code, [...(districtUsers.get(u.region_code) ?? []), u.id]);
    else if (u.enterprise_id !== null)
      enterpriseUsers.set(u.enterprise_id, [...(enterpriseUsers.get(u.enterprise_id) ?? []), u.id]);
  }
  const sent = await db
    .selectFrom('notification')
    .select(['user_id', 'link'])
    .where('kind', '=', FOLLOW_UP_KIND)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const already = new Set(sent.map((n) => `${n.user_id} ${n.link}`));
  const rows: { user_id: number; kind: string; title: string; link: string; created_at: Date }[] = [];
  for (const p of problems) {
    const link = `/problems/${p.id}`;
    const typeZh = PROBLEM_TYPES.find((t) => t.key === p.problem_type)?.zh ?? p.problem_type;
    const title = `整改问题月度检查：${p.enterprise_name}「${typeZh}」，本月检查请于 ${due.date} 前完成`;
    const recipients = new Set([
      ...(districtUsers.get(p.district_code) ?? []),
      ...(enterpriseUsers.get(p.enterprise_id) ?? []),
    ]);
    for (const userId of recipients) {
      if (already.has(`${userId} ${link}`)) continue;
      rows.push({ user_id: userId, kind: FOLLOW_UP_KIND, title, link, created_at: now });
    }
  }
  if (!rows.length) return 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('notification')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  return rows.length;
}
