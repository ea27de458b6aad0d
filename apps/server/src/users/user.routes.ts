import { ROLES, type Role } from '@dabiao/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../platform/audit/audit.repository';
import { requireRole } from '../platform/auth/auth.plugin';
import { hashPassword } from '../platform/auth/password';
import type { Db } from '../platform/db/database';
import { type FieldError, invalid, notFound, staleVersion } from '../platform/errors/app-error';
import { IdParams, listOf, Nullable, optionalAll } from '../platform/http/schema-helpers';
import { actorOf } from '../registry/enterprise.service';
import type { RouteDeps } from '../routes';

const ROLE = Type.Unsafe<Role>({ type: 'string', enum: ROLES.map((r) => r.key), description: '角色' });
const fields = {
  username: Type.String({
    pattern: '^[a-z0-9][a-z0-9._-]{2,31}$',
    description: '小写字母、数字、点、下划线或连字符',
  }),
  displayName: Type.String({ minLength: 1, maxLength: 40 }),
  role: ROLE,
  regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
  enterpriseId: Nullable(Type.Integer()),
  operatorId: Nullable(Type.Integer()),
  phone: Nullable(Type.String({ pattern: '^1\\d{10}$' })),
  active: Type.Boolean(),
};
const Password = Type.String({ minLength: 10, maxLength: 128, description: '至少 10 个字符' });
const UserAdminView = Type.Object({
  id: Type.Integer(),
  ...fields,
  regionName: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
});

const query = (db: Db) =>
  db
    .selectFrom('app_user as u')
    .innerJoin('region as r', 'r.code', 'u.region_code')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.enterprise_id',
      'u.operator_id',
      'u.phone',
      'u.active',
      'u.version',
      'u.created_at',
      'r.name as region_name',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;
const present = (u: Row) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role as Role,
  regionCode: u.region_code,
  regionName: u.region_name,
  enterpriseId: u.enterprise_id,
  operatorId: u.operator_id,
  phone: u.phone,
  active: u.active,
  version: u.version,
  createdAt: u.created_at.toISOString(),
});

/** User administration: the city administrator only. */
export function userRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const db = database.db;
  const tags = ['users'];

  async function check(b: {
    role?: string;
    regionCode?: string;
    enterpriseId?: number | null;
    operatorId?: number | null;
  }) {
    const errors: FieldError[] = [];
    if (
      b.regionCode &&
      !(await db.selectFrom('region').select('code').where('code', '=', b.regionCode).executeTakeFirst())
    ) {
      errors.push({ path: '/regionCode', message: '未知的行政区划代码', code: 'UNKNOWN_REGION' });
    }
    if (b.role === 'enterprise' && !b.enterpriseId)
      errors.push({ path: '/enterpriseId', message: '企业用户须关联企业', code: 'REQUIRED' });
    if (b.role === 'operator' && !b.operatorId)
      errors.push({ path: '/operatorId', message: '运维用户须关联运维单位', code: 'REQUIRED' });
    if (errors.length) throw invalid(errors);
  }

  r.get(
    '/users',
    {
      schema: {
        tags,
        summary: '用户列表',
        querystring: Type.Object({
          q: Type.Optional(Type.String()),
          role: Type.Optional(Type.String()),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
        }),
        response: { 200: listOf(UserAdminView) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      const { q, role, page, pageSize } = request.query;
      let base = query(db);
      if (q)
        base = base.where((eb) =>
          eb.or([eb('u.username', 'like', `%${q}%`), eb('u.display_name', 'like', `%${q}%`)]),
        );
      if (role) base = base.where('u.role', '=', role);
      const [rows, total] = await Promise.all([
        base
          .orderBy('u.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(present), total: Number(total.n), page, pageSize };
    },
  );

  const Create = Type.Object(
    { ...fields, active: Type.Optional(Type.Boolean()), password: Password },
    { additionalProperties: false },
  );
  r.post(
    '/users',
    { schema: { tags, summary: '新增用户', body: Create, response: { 201: UserAdminView } } },
    async (request, reply) => {
      const p = requireRole(request, ['admin']);
      const b = request.body;
      await check(b);
      if (
        await db.selectFrom('app_user').select('id').where('username', '=', b.username).executeTakeFirst()
      ) {
        throw invalid([{ path: '/username', message: '用户名已存在', code: 'DUPLICATE' }]);
      }
      const hash = await hashPassword(b.password);
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('app_user')
          .values({
            username: b.username,
            display_name: b.displayName,
            role: b.role,
            region_code: b.regionCode,
            enterprise_id: b.enterpriseId,
            operator_id: b.operatorId,
            phone: b.phone,
            active: b.active ?? true,
            password_hash: hash,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const view = present(
          await query(trx as unknown as Db)
            .where('u.id', '=', id)
            .executeTakeFirstOrThrow(),
        );
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          { action: 'create', entity: 'user', entityId: id, after: view },
          now,
        );
        return view;
      });
      return reply.status(201).send(row);
    },
  );

  const Patch = Type.Object(
    { ...optionalAll(fields), password: Type.Optional(Password), version: Type.Integer() },
    { additionalProperties: false },
  );
  r.patch(
    '/users/:id',
    {
      schema: { tags, summary: '修改用户', params: IdParams, body: Patch, response: { 200: UserAdminView } },
    },
    async (request) => {
      const p = requireRole(request, ['admin']);
      const current = await query(db).where('u.id', '=', request.params.id).executeTakeFirst();
      if (!current) throw notFound('用户');
      const { version, password, ...b } = request.body;
      await check({ ...present(current), ...b });
      const hash = password ? await hashPassword(password) : undefined;
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('app_user')
          .set({
            ...(b.username !== undefined ? { username: b.username } : {}),
            ...(b.displayName !== undefined ? { display_name: b.displayName } : {}),
            ...(b.role !== undefined ? { role: b.role } : {}),
            ...(b.regionCode !== undefined ? { region_code: b.regionCode } : {}),
            ...(b.enterpriseId !== undefined ? { enterprise_id: b.enterpriseId } : {}),
            ...(b.operatorId !== undefined ? { operator_id: b.operatorId } : {}),
            ...(b.phone !== undefined ? { phone: b.phone } : {}),
            ...(b.active !== undefined ? { active: b.active } : {}),
            ...(hash ? { password_hash: hash } : {}),
            version: version + 1,
            updated_at: now,
          })
          .where('id', '=', current.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw staleVersion();
        // A deactivated user or a new password ends every open session of that user.
        if (b.active === false || hash)
          await trx.deleteFrom('auth_session').where('user_id', '=', current.id).execute();
        const after = present(
          await query(trx as unknown as Db)
            .where('u.id', '=', current.id)
            .executeTakeFirstOrThrow(),
        );
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          {
            action: hash ? 'update+password' : 'update',
            entity: 'user',
            entityId: current.id,
            before: present(current),
            after,
          },
          now,
        );
        return after;
      });
    },
  );
}
