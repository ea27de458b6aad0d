import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type TObject, Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.repository';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { Db, Trx } from '../../platform/db/database';
import { type FieldError, invalid, notFound, staleVersion } from '../../platform/errors/app-error';
import { IdParams, optionalAll, optionalNullables } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { actorOf, getEnterpriseForWrite } from '../enterprise.service';

type Row = Record<string, unknown>;
export type ChildTable = 'permit' | 'outlet' | 'monitor' | 'facility';

/**
 * What differs between permits, outlets, monitors and facilities; the create / patch /
 * deactivate flow (scope check, validation, optimistic lock, audit in the same transaction) is shared.
 */
export interface ChildSpec {
  entity: ChildTable;
  zhName: string;
  /** `/enterprises/:id/permits` or `/outlets/:id/monitors`. */
  parent: {
    path: string;
    enterpriseOf(db: Db, parentId: number): Promise<number | undefined>;
    column: string;
  };
  fields: TObject['properties'];
  /** API field → column, for the plain fields. */
  columns: Record<string, string>;
  view: TObject;
  load(db: Db | Trx, id: number): Promise<Row>;
  check(
    trx: Trx,
    value: Row,
    ctx: { enterpriseId: number; parentId: number; id?: number },
  ): Promise<FieldError[]>;
  /** Writes what is not a plain column (a permit's pollutants). */
  afterWrite?(trx: Trx, id: number, value: Row): Promise<void>;
}

const toColumns = (spec: ChildSpec, body: Row) =>
  Object.fromEntries(
    Object.entries({ ...spec.columns, active: 'active' })
      .filter(([field]) => body[field] !== undefined)
      .map(([field, column]) => [column, body[field]]),
  );

export function childResource(api: FastifyInstance, { database, clock }: RouteDeps, spec: ChildSpec): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['registry'];
  const create = Type.Object(optionalNullables(spec.fields), { additionalProperties: false });
  const patch = Type.Object(
    { ...optionalAll(spec.fields), version: Type.Integer() },
    { additionalProperties: false },
  );
  const itemPath = `/${spec.entity}s/:id`;

  async function enterpriseOfItem(id: number) {
    const row = await db
      .selectFrom(spec.entity)
      .select(spec.parent.column as 'id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(spec.zhName);
    const parentId = (row as Row)[spec.parent.column] as number;
    const enterpriseId = await spec.parent.enterpriseOf(db, parentId);
    return { parentId, enterpriseId: enterpriseId! };
  }

  r.post(
    spec.parent.path,
    {
      schema: {
        tags,
        summary: `新增${spec.zhName}`,
        params: IdParams,
        body: create,
        response: { 201: spec.view },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const parentId = request.params.id;
      const enterpriseId = await spec.parent.enterpriseOf(db, parentId);
      if (!enterpriseId) throw notFound(spec.parent.path.startsWith('/outlets') ? '排放口' : '企业');
      await getEnterpriseForWrite(db, p, enterpriseId);
      const body = request.body as Row;
      const now = clock.now();
      const view = await db.transaction().execute(async (trx) => {
        const errors = await spec.check(trx, body, { enterpriseId, parentId });
        if (errors.length) throw invalid(errors);
        const values = {
          ...toColumns(spec, body),
          [spec.parent.column]: parentId,
          created_at: now,
          updated_at: now,
        };
        const { id } = await trx
          .insertInto(spec.entity)
          .values(values as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await spec.afterWrite?.(trx, id, body);
        const after = await spec.load(trx, id);
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          { action: 'create', entity: spec.entity, entityId: id, enterpriseId, after },
          now,
        );
        return after;
      });
      return reply.status(201).send(view);
    },
  );

  async function change(
    request: { params: { id: number }; ip: string },
    p: ReturnType<typeof requirePrincipal>,
    body: Row,
    action: string,
  ) {
    const id = request.params.id;
    const { enterpriseId, parentId } = await enterpriseOfItem(id);
    await getEnterpriseForWrite(db, p, enterpriseId);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const before = await spec.load(trx, id);
      const { version, ...fields } = body;
      const errors = await spec.check(trx, { ...before, ...fields }, { enterpriseId, parentId, id });
      if (errors.length) throw invalid(errors);
      const result = await trx
        .updateTable(spec.entity)
        .set({ ...toColumns(spec, fields), version: (version as number) + 1, updated_at: now } as never)
        .where('id', '=', id)
        .where('version', '=', version as number)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw staleVersion();
      if (Object.keys(fields).length) await spec.afterWrite?.(trx, id, fields);
      const after = await spec.load(trx, id);
      await recordAudit(
        trx,
        actorOf(p, request.ip),
        { action, entity: spec.entity, entityId: id, enterpriseId, before, after },
        now,
      );
      return after;
    });
  }

  r.patch(
    itemPath,
    {
      schema: {
        tags,
        summary: `修改${spec.zhName}`,
        params: IdParams,
        body: patch,
        response: { 200: spec.view },
      },
    },
    async (request) => change(request, requirePrincipal(request), request.body as Row, 'update'),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    r.post(
      `${itemPath}/${action}`,
      {
        schema: {
          tags,
          summary: `${active ? '恢复' : '停用'}${spec.zhName}`,
          params: IdParams,
          response: { 200: spec.view },
        },
      },
      async (request) => {
        const p = requirePrincipal(request);
        const current = await spec.load(db, request.params.id).catch(() => undefined);
        if (!current) throw notFound(spec.zhName);
        return change(request, p, { active, version: current.version }, action);
      },
    );
  }
}
