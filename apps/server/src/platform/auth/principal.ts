import type { Role } from '@dabiao/domain';

/** Who is asking: the signed-in user with what scoping needs, loaded once per request. */
export interface Principal {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  enterpriseId: number | null;
  operatorId: number | null;
  /** Grids this user is the officer of (role `grid`). */
  gridIds: number[];
}

export const GOVERNMENT_ROLES: ReadonlySet<Role> = new Set([
  'admin',
  'city',
  'district',
  'grid',
  'department',
]);

/**
 * Region codes are hierarchical: 43 湖南省 > 4309 益阳市 > 430903 赫山区 > 430903001 街道.
 * A GB/T 2260 code padded with zeros (430900) stands for the prefix without them (4309).
 */
export function regionPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
  }
  return code;
}

export function regionContains(scopeCode: string, code: string | null | undefined): boolean {
  return !!code && code.startsWith(regionPrefix(scopeCode));
}
