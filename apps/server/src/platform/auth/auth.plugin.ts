import type { Role } from '@dabiao/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../errors/app-error';
import type { Principal } from './principal';
import { findLiveSession } from './session.repository';

export const SESSION_COOKIE = 'dabiao_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionKind: 'cookie' | 'token' | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the principal from a bearer token or the session cookie; enforces CSRF for cookies. */
export function registerAuth(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionKind', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const session = await findLiveSession(db, token, clock.now());
    if (!session) {
      if (bearer) throw new AppError('UNAUTHENTICATED', '令牌无效或已过期');
      return;
    }
    if (!bearer && session.kind !== 'cookie') return;
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== session.csrf_token) {
        throw new AppError('CSRF', '缺少或错误的 CSRF 令牌（x-csrf-token）');
      }
    }
    request.principal = await loadPrincipal(db, session.user_id);
    request.sessionKind = bearer ? 'token' : 'cookie';
  });
}

export async function loadPrincipal(db: Db, userId: number): Promise<Principal | null> {
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const grids =
    user.role === 'grid'
      ? await db.selectFrom('grid').select('id').where('officer_user_id', '=', user.id).execute()
      : [];
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    regionCode: user.region_code,
    enterpriseId: user.enterprise_id,
    operatorId: user.operator_id,
    gridIds: grids.map((g) => g.id),
  };
}

/** The signed-in principal, or 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.principal;
}

export function requireRole(request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = requirePrincipal(request);
  if (!roles.includes(principal.role)) throw new AppError('FORBIDDEN', '您的角色无权执行此操作');
  return principal;
}
