import {
  chinaWorkCalendar,
  districtDocPrefix,
  isDateText,
  isRectificationPeriod,
  PROBLEM_TYPES,
  RECTIFICATION_PERIOD_CLAUSE,
  rectificationDue,
  rectificationNoticeNumber,
  shanghaiDateText,
} from '@dabiao/domain';
import { sql } from 'kysely';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db, DbOrTrx, Trx } from '../platform/db/database';
import { type FieldError, forbidden, invalid, notFound, outOfScope } from '../platform/errors/app-error';
import { isEnterpriseInScope } from '../registry/enterprise.repository';
import { actorOf } from '../registry/enterprise.service';
import { enterpriseScope } from '../registry/registry.policy';
import type { NoticeCreate, NoticeView } from './plan.schemas';

// 限期整改通知书 (L4): a numbered notice per district and year; issuing it sets the deadline and the
// handling 限期整改 of the problems it names, in the same transaction.

const ISSUERS = new Set(['admin', 'city', 'district']);
const typeZh = (key: string) => PROBLEM_TYPES.find((t) => t.key === key)?.zh ?? key;

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('rectification_notice as n')
    .innerJoin('enterprise', 'enterprise.id', 'n.enterprise_id')
    .leftJoin('region', 'region.code', 'n.district_code')
    .selectAll('n')
    .select(['enterprise.name as enterprise_name', 'region.name as district_name']);
}
type NoticeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirst']>>>;

async function present(db: DbOrTrx, rows: NoticeRow[]): Promise<NoticeView[]> {
  const ids = [...new Set(rows.flatMap((r) => r.problem_ids))];
  const problems = ids.length
    ? await db
        .selectFrom('problem')
        .select(['id', 'problem_type', 'description', 'found_on', 'status'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(problems.map((x) => [x.id, x]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    districtCode: r.district_code,
    districtName: r.district_name ?? r.district_code,
    problemIds: r.problem_ids,
    problems: r.problem_ids.flatMap((id) => {
      const x = byId.get(id);
      return x
        ? [
            {
              id,
              problemType: typeZh(x.problem_type),
              description: x.description,
              foundOn: x.found_on,
              status: x.status,
            },
          ]
        : [];
    }),
    periodMonths: r.period_months,
    issuedOn: r.issued_on,
    dueOn: r.due_on,
    requirements: r.requirements,
    issuedBy: r.issued_by,
    issuerName: r.issuer_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function getNotice(db: DbOrTrx, p: Principal, id: number): Promise<NoticeView> {
  const row = await withNames(db).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('限期整改通知书');
  if (!(await isEnterpriseInScope(db, p, row.enterprise_id))) throw outOfScope();
  return (await present(db, [row]))[0]!;
}

export async function listNotices(
  db: DbOrTrx,
  p: Principal,
  f: { enterpriseId?: number | undefined },
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('rectification_notice as n')
    .innerJoin('enterprise', 'enterprise.id', 'n.enterprise_id')
    .where((eb) => enterpriseScope(eb, p));
  if (f.enterpriseId) q = q.where('n.enterprise_id', '=', f.enterpriseId);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('region', 'region.code', 'n.district_code')
      .selectAll('n')
      .select(['enterprise.name as enterprise_name', 'region.name as district_name'])
      .orderBy('n.issued_on', 'desc')
      .orderBy('n.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(db, rows), total: Number(count.n), page, pageSize };
}

/** The next number of `kind` for `scope` in `year` (document_counter; row-locked by the upsert). */
export async function nextDocumentSeq(trx: Trx, kind: string, scope: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('document_counter')
    .values({ kind, scope, year, seq: 1 })
    .onConflict((oc) =>
      oc.columns(['kind', 'scope', 'year']).doUpdateSet({ seq: sql<number>`document_counter.seq + 1` }),
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function createNotice(db: Db, p: Principal, input: NoticeCreate, now: Date, ip?: string) {
  if (!ISSUERS.has(p.role)) throw forbidden('只有县（市）区、市生态环境部门可以下达限期整改通知书');
  const enterprise = await db
    .selectFrom('enterprise')
    .select(['id', 'name', 'region_code'])
    .where('id', '=', input.enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw invalid([{ path: '/enterpriseId', message: '企业不存在', code: 'NOT_FOUND' }]);
  if (!(await isEnterpriseInScope(db, p, input.enterpriseId))) throw outOfScope();

  const errors: FieldError[] = [];
  if (!isRectificationPeriod(input.periodMonths)) {
    errors.push({
      path: '/periodMonths',
      message: `整改期限应为3至12个月（${RECTIFICATION_PERIOD_CLAUSE}）`,
      code: 'PERIOD_RANGE',
    });
  }
  const today = shanghaiDateText(now);
  const issuedOn = input.issuedOn ?? today;
  if (!isDateText(issuedOn)) errors.push({ path: '/issuedOn', message: '日期无效', code: 'DATE' });
  else if (issuedOn > today)
    errors.push({ path: '/issuedOn', message: '下达日期不能晚于今天', code: 'FUTURE' });
  const ids = [...new Set(input.problemIds)];
  const problems = await db
    .selectFrom('problem')
    .select(['id', 'enterprise_id', 'status', 'deadline_on', 'handling', 'version'])
    .where('id', 'in', ids)
    .execute();
  ids.forEach((id, i) => {
    const x = problems.find((y) => y.id === id);
    if (!x || x.enterprise_id !== input.enterpriseId) {
      errors.push({ path: `/problemIds/${i}`, message: '不是该企业的问题', code: 'NOT_OWN_PROBLEM' });
    } else if (x.status === 'closed') {
      errors.push({ path: `/problemIds/${i}`, message: '问题已销号', code: 'CLOSED' });
    }
  });
  if (!input.requirements.trim()) {
    errors.push({ path: '/requirements', message: '请填写整改要求', code: 'REQUIRED' });
  }
  if (errors.length) throw invalid(errors);

  const due = rectificationDue(issuedOn, input.periodMonths, chinaWorkCalendar);
  const districtCode = enterprise.region_code.slice(0, 6);
  const district = await db
    .selectFrom('region')
    .select('name')
    .where('code', '=', districtCode)
    .executeTakeFirst();
  const prefix = districtDocPrefix(districtCode, district?.name ?? '');
  const year = Number(issuedOn.slice(0, 4));
  const actor = actorOf(p, ip);

  return db.transaction().execute(async (trx) => {
    const seq = await nextDocumentSeq(trx, 'rectification_notice', districtCode, year);
    const { id } = await trx
      .insertInto('rectification_notice')
      .values({
        number: rectificationNoticeNumber(prefix, year, seq),
        enterprise_id: input.enterpriseId,
        district_code: districtCode,
        problem_ids: JSON.stringify(ids),
        period_months: input.periodMonths,
        issued_on: issuedOn,
        due_on: due.date,
        requirements: input.requirements.trim(),
        issued_by: p.id,
        issuer_name: p.displayName,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const before of problems) {
      await trx
        .updateTable('problem')
        .set({
          deadline_on: due.date,
          handling: 'deadline_rectification',
          updated_at: now,
          version: before.version + 1,
        })
        .where('id', '=', before.id)
        .execute();
      await recordAudit(
        trx,
        actor,
        {
          action: 'rectification_notice',
          entity: 'problem',
          entityId: before.id,
          enterpriseId: input.enterpriseId,
          before: { deadlineOn: before.deadline_on, handling: before.handling },
          after: { deadlineOn: due.date, handling: 'deadline_rectification', noticeId: id },
        },
        now,
      );
    }
    const view = await getNotice(trx, p, id);
    await recordAudit(
      trx,
      actor,
      {
        action: 'create',
        entity: 'rectification_notice',
        entityId: id,
        enterpriseId: input.enterpriseId,
        after: view,
      },
      now,
    );
    return view;
  });
}
