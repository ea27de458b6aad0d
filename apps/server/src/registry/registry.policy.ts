import type { Role } from '@dabiao/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DB } from '../platform/db/schema';

/**
 * Who may read and change the registry (SPEC "Who uses it"):
 * - admin, city: the whole city, read and write;
 * - district: its district, read and write;
 * - department: its region, read only;
 * - grid: the enterprises of the grids it is officer of, read only;
 * - enterprise: itself, read; may update its own contacts and products;
 * - operator: the enterprises whose monitors it maintains, read only;
 * - expert: nothing in the registry until an assignment gives it an enterprise.
 */
const REGISTRY_WRITERS: ReadonlySet<Role> = new Set(['admin', 'city', 'district']);
const REGION_READERS: ReadonlySet<Role> = new Set(['admin', 'city', 'district', 'department']);

/** Fields an enterprise user may change on its own record. */
export const ENTERPRISE_SELF_FIELDS = [
  'envContact',
  'envContactPhone',
  'productsAndScale',
  'version',
] as const;

export const canWriteRegistry = (p: Principal) => REGISTRY_WRITERS.has(p.role);

/** SQL condition selecting the enterprises `p` may read. */
export function enterpriseScope(eb: ExpressionBuilder<DB, 'enterprise'>, p: Principal): Expression<SqlBool> {
  if (REGION_READERS.has(p.role)) {
    return eb('enterprise.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
  }
  switch (p.role) {
    case 'grid':
      return p.gridIds.length ? eb('enterprise.grid_id', 'in', p.gridIds) : sql<SqlBool>`false`;
    case 'enterprise':
      return eb('enterprise.id', '=', p.enterpriseId ?? -1);
    case 'operator':
      return eb.exists(
        eb
          .selectFrom('monitor')
          .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
          .select(sql`1`.as('one'))
          .whereRef('outlet.enterprise_id', '=', 'enterprise.id')
          .where('monitor.operator_id', '=', p.operatorId ?? -1),
      );
    default:
      return sql<SqlBool>`false`;
  }
}

/** Whether `p` may create or move an enterprise into `regionCode`. */
export function canWriteInRegion(p: Principal, regionCode: string): boolean {
  return canWriteRegistry(p) && regionCode.startsWith(regionPrefix(p.regionCode));
}
