import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../platform/audit/audit.repository';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { regionContains, regionPrefix } from '../platform/auth/principal';
import { forbidden, invalid, notFound, staleVersion } from '../platform/errors/app-error';
import { IdParams, Nullable, optionalAll } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { actorOf } from './enterprise.service';
import { loadRegionIndex, regionsInScope } from './region.repository';
import { canWriteRegistry } from './registry.policy';

const RegionView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentCode: Nullable(Type.String()),
});
const gridFields = {
  code: Type.String({ pattern: '^[0-9A-Za-z-]{3,30}$' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  townshipCode: Type.String({ pattern: '^\\d{9}$' }),
  officerUserId: Nullable(Type.Integer()),
  officerName: Nullable(Type.String({ maxLength: 30 })),
  officerPhone: Nullable(Type.String({ pattern: '^1\\d{10}$' })),
};
const GridView = Type.Object({
  id: Type.Integer(),
  ...gridFields,
  regionCode: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
});

export function regionRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['regions'];

  r.get(
    '/regions',
    {
      schema: {
        tags,
        summary: '行政区划（GB/T 2260）',
        querystring: Type.Object({
          parent: Type.Optional(Type.String()),
          level: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(RegionView) }) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return { items: regionsInScope(await loadRegionIndex(db), regionPrefix(p.regionCode), request.query) };
    },
  );

  const presentGrid = (g: Awaited<ReturnType<typeof loadGrids>>[number]) => ({
    id: g.id,
    code: g.code,
    name: g.name,
    townshipCode: g.township_code,
    regionCode: g.region_code,
    officerUserId: g.officer_user_id,
    officerName: g.officer_name,
    officerPhone: g.officer_phone,
    active: g.active,
    version: g.version,
  });
  const loadGrids = (prefix: string) =>
    db.selectFrom('grid').selectAll().where('township_code', 'like', `${prefix}%`).orderBy('code').execute();

  r.get(
    '/grids',
    {
      schema: {
        tags,
        summary: '网格及网格员',
        querystring: Type.Object({
          townshipCode: Type.Optional(Type.String()),
          regionCode: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(GridView) }) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const scope = regionPrefix(p.regionCode);
      const wanted =
        request.query.townshipCode ??
        (request.query.regionCode ? regionPrefix(request.query.regionCode) : scope);
      if (!wanted.startsWith(scope) && !scope.startsWith(wanted)) return { items: [] };
      const prefix = wanted.length > scope.length ? wanted : scope;
      return { items: (await loadGrids(prefix)).map(presentGrid) };
    },
  );

  async function checkGrid(
    body: { townshipCode?: string; officerUserId?: number | null },
    scopeCode: string,
  ) {
    const regions = await loadRegionIndex(db);
    const township = body.townshipCode ? regions.get(body.townshipCode) : undefined;
    if (body.townshipCode && township?.level !== 'township') {
      throw invalid([{ path: '/townshipCode', message: '未知的乡镇（街道）代码', code: 'UNKNOWN_REGION' }]);
    }
    if (body.townshipCode && !regionContains(scopeCode, body.townshipCode)) {
      throw invalid([
        { path: '/townshipCode', message: '只能在您管辖的区域内设置网格', code: 'OUT_OF_SCOPE' },
      ]);
    }
    if (body.officerUserId != null) {
      const u = await db
        .selectFrom('app_user')
        .select('role')
        .where('id', '=', body.officerUserId)
        .executeTakeFirst();
      if (u?.role !== 'grid')
        throw invalid([{ path: '/officerUserId', message: '网格员须为“网格员”角色的用户', code: 'ROLE' }]);
    }
    return township;
  }

  r.post(
    '/grids',
    {
      schema: {
        tags,
        summary: '新增网格',
        body: Type.Object(gridFields, { additionalProperties: false }),
        response: { 201: GridView },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      if (!canWriteRegistry(p)) throw forbidden();
      const township = (await checkGrid(request.body, p.regionCode))!;
      const b = request.body;
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const g = await trx
          .insertInto('grid')
          .values({
            code: b.code,
            name: b.name,
            township_code: b.townshipCode,
            region_code: township.parentCode!,
            officer_user_id: b.officerUserId,
            officer_name: b.officerName,
            officer_phone: b.officerPhone,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          { action: 'create', entity: 'grid', entityId: g.id, after: presentGrid(g) },
          now,
        );
        return g;
      });
      return reply.status(201).send(presentGrid(row));
    },
  );

  const GridPatch = Type.Object(
    { ...optionalAll(gridFields), version: Type.Integer() },
    { additionalProperties: false },
  );
  r.patch(
    '/grids/:id',
    { schema: { tags, summary: '修改网格', params: IdParams, body: GridPatch, response: { 200: GridView } } },
    async (request) => {
      const p = requirePrincipal(request);
      if (!canWriteRegistry(p)) throw forbidden();
      const before = await db
        .selectFrom('grid')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!before) throw notFound('网格');
      if (!regionContains(p.regionCode, before.township_code)) throw forbidden('该网格不在您的管辖范围内');
      const { version, ...b } = request.body;
      const township = await checkGrid(b, p.regionCode);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const after = await trx
          .updateTable('grid')
          .set({
            ...(b.code !== undefined ? { code: b.code } : {}),
            ...(b.name !== undefined ? { name: b.name } : {}),
            ...(township ? { township_code: township.code, region_code: township.parentCode! } : {}),
            ...(b.officerUserId !== undefined ? { officer_user_id: b.officerUserId } : {}),
            ...(b.officerName !== undefined ? { officer_name: b.officerName } : {}),
            ...(b.officerPhone !== undefined ? { officer_phone: b.officerPhone } : {}),
            version: version + 1,
          })
          .where('id', '=', before.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!after) throw staleVersion();
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          {
            action: 'update',
            entity: 'grid',
            entityId: before.id,
            before: presentGrid(before),
            after: presentGrid(after),
          },
          now,
        );
        return presentGrid(after);
      });
    },
  );
}
