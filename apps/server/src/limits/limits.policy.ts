import type { Role } from '@dabiao/domain';
import type { Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/errors/app-error';

/**
 * The standards library is city-wide reference data: every signed-in role may read it; only the
 * city (admin, city) enters local standards, new versions and special-limit designations.
 */
const LIMIT_WRITERS: ReadonlySet<Role> = new Set(['admin', 'city']);

export const canWriteLimits = (p: Principal) => LIMIT_WRITERS.has(p.role);

export function assertCanWriteLimits(p: Principal): void {
  if (!canWriteLimits(p)) throw forbidden('只有市级管理员可以维护排放标准库');
}
