import { registryPollutant } from '@dabiao/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import {
  listPermitLimitRows,
  type PermitLimitFields,
  replacePermitLimitRows,
  toPermitLimitFields,
} from '../../limits/permit-limits.repository';
import { recordAudit } from '../../platform/audit/audit.repository';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { Principal } from '../../platform/auth/principal';
import type { Db, DbOrTrx } from '../../platform/db/database';
import { type FieldError, invalid, notFound } from '../../platform/errors/app-error';
import { IdParams, listOf, Nullable, optionalNullables } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { actorOf, getEnterpriseForRead, getEnterpriseForWrite } from '../enterprise.service';

/**
 * A permit's concentration limits (许可排放浓度): one row per outlet code, pollutant and averaging.
 * The limit resolver (R5) takes them as candidates beside the standards. Read with the permit's
 * enterprise; replaced as a whole list by those who may change the enterprise's registry record.
 */
const limitFields = {
  outletCode: Type.String({ pattern: '^D[WA]\\d{3}$', description: '许可证载明的排放口编号' }),
  pollutant: Type.String({ pattern: '^[aw]\\d{5}$', description: 'HJ 212-2017 因子编码' }),
  averaging: Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('instant')]),
  // No `additionalProperties: false` in the branches: with Ajv's removeAdditional the first branch
  // would strip `lo`/`hi` before the second is tried. The service keeps only the branch's fields.
  value: Type.Union([
    Type.Object({ kind: Type.Literal('max'), max: Type.Number({ exclusiveMinimum: 0 }) }),
    Type.Object({ kind: Type.Literal('range'), lo: Type.Number({ minimum: 0 }), hi: Type.Number() }),
  ]),
  unit: Type.String({ minLength: 1, maxLength: 20 }),
  referenceO2: Nullable(Type.Number({ minimum: 0, maximum: 20.9, description: '基准氧含量（%）' })),
  clause: Nullable(Type.String({ maxLength: 200, description: '许可证中的表号或条款' })),
};

export const PermitLimitView = Type.Object(limitFields);
export type PermitLimitView = Static<typeof PermitLimitView>;
const PermitLimitInput = Type.Object(optionalNullables(limitFields), { additionalProperties: false });
export const PermitLimitsPut = Type.Object(
  { items: Type.Array(PermitLimitInput, { maxItems: 300 }) },
  { additionalProperties: false },
);
type LimitInput = Omit<PermitLimitFields, 'referenceO2' | 'clause'> & {
  referenceO2?: number | null;
  clause?: string | null;
};

async function permitOf(db: DbOrTrx, id: number) {
  const permit = await db
    .selectFrom('permit')
    .select(['id', 'enterprise_id', 'number'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!permit) throw notFound('排污许可证');
  return permit;
}

/** Checks one list against the permit's enterprise: known pollutants of the outlet's kind, its outlets, no repeats. */
export async function checkPermitLimits(
  db: DbOrTrx,
  enterpriseId: number,
  items: readonly LimitInput[],
): Promise<FieldError[]> {
  const outlets = new Map(
    (
      await db
        .selectFrom('outlet')
        .select(['code', 'kind'])
        .where('enterprise_id', '=', enterpriseId)
        .execute()
    ).map((o) => [o.code, o.kind]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((x, i) => {
    const at = (field: string) => `/items/${i}/${field}`;
    const kind = outlets.get(x.outletCode);
    if (!kind)
      errors.push({
        path: at('outletCode'),
        message: `本企业没有排放口 ${x.outletCode}`,
        code: 'UNKNOWN_OUTLET',
      });
    const pollutant = registryPollutant(x.pollutant);
    if (!pollutant || pollutant.role === 'flow')
      errors.push({
        path: at('pollutant'),
        message: '不是可设定浓度限值的监测因子',
        code: 'UNKNOWN_POLLUTANT',
      });
    else if (kind && pollutant.kind !== kind)
      errors.push({
        path: at('pollutant'),
        message: `${pollutant.zh}不是${kind === 'water' ? '废水' : '废气'}排放口的因子`,
        code: 'KIND_MISMATCH',
      });
    if (x.value.kind === 'range' && !(x.value.lo < x.value.hi))
      errors.push({ path: at('value/hi'), message: '上限须大于下限', code: 'RANGE' });
    if (kind === 'water' && x.referenceO2 != null)
      errors.push({ path: at('referenceO2'), message: '废水排放口没有基准氧含量', code: 'SCOPE' });
    const key = `${x.outletCode}|${x.pollutant}|${x.averaging}`;
    if (seen.has(key))
      errors.push({
        path: at('pollutant'),
        message: '同一排放口、因子和平均时段的限值重复',
        code: 'DUPLICATE',
      });
    seen.add(key);
  });
  return errors;
}

export async function getPermitLimits(db: Db, p: Principal, permitId: number): Promise<PermitLimitView[]> {
  const permit = await permitOf(db, permitId);
  await getEnterpriseForRead(db, p, permit.enterprise_id);
  return (await listPermitLimitRows(db, permitId)).map(toPermitLimitFields);
}

/** Replaces the permit's limits in one transaction, audited on the permit; nothing is written on an error. */
export async function putPermitLimits(
  db: Db,
  p: Principal,
  permitId: number,
  items: readonly LimitInput[],
  now: Date,
  ip?: string,
): Promise<PermitLimitView[]> {
  const head = await permitOf(db, permitId);
  await getEnterpriseForWrite(db, p, head.enterprise_id);
  const list: PermitLimitFields[] = items.map((x) => ({
    outletCode: x.outletCode,
    pollutant: x.pollutant,
    averaging: x.averaging,
    value:
      x.value.kind === 'max'
        ? { kind: 'max', max: x.value.max }
        : { kind: 'range', lo: x.value.lo, hi: x.value.hi },
    unit: x.unit.trim(),
    referenceO2: x.referenceO2 ?? null,
    clause: x.clause?.trim() || null,
  }));
  return db.transaction().execute(async (trx) => {
    // Lock the permit: two editors replacing the list at once take turns.
    const permit = await trx
      .selectFrom('permit')
      .select(['id', 'enterprise_id', 'number'])
      .where('id', '=', permitId)
      .forUpdate()
      .executeTakeFirst();
    if (!permit) throw notFound('排污许可证');
    const errors = await checkPermitLimits(trx, permit.enterprise_id, list);
    if (errors.length) throw invalid(errors);
    const before = (await listPermitLimitRows(trx, permitId)).map(toPermitLimitFields);
    await replacePermitLimitRows(trx, permitId, list);
    const after = (await listPermitLimitRows(trx, permitId)).map(toPermitLimitFields);
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'limits',
        entity: 'permit',
        entityId: permitId,
        enterpriseId: permit.enterprise_id,
        before: { number: permit.number, limits: before },
        after: { number: permit.number, limits: after },
      },
      now,
    );
    return after;
  });
}

export function permitLimitRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['registry'];
  const all = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: items.length });

  r.get(
    '/permits/:id/limits',
    {
      schema: {
        tags,
        summary: '排污许可证载明的许可排放浓度',
        params: IdParams,
        response: { 200: listOf(PermitLimitView) },
      },
    },
    async (request) => all(await getPermitLimits(db, requirePrincipal(request), request.params.id)),
  );

  r.put(
    '/permits/:id/limits',
    {
      schema: {
        tags,
        summary: '整体替换许可排放浓度',
        params: IdParams,
        body: PermitLimitsPut,
        response: { 200: listOf(PermitLimitView) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const items = request.body.items as LimitInput[];
      return all(await putPermitLimits(db, p, request.params.id, items, clock.now(), request.ip));
    },
  );
}
