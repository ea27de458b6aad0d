import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { loadFacilities, loadMonitors, loadOutlets, loadPermits } from './children/child.repository';
import type { EnterpriseView } from './enterprise.schemas';
import { canWriteRegistry } from './registry.policy';

/** 一企一档: the enterprise with its permits, outlets (each with its monitors) and facilities. */
export async function loadEnterpriseDetail(db: Db, p: Principal, enterprise: EnterpriseView) {
  const [permits, outlets, facilities] = await Promise.all([
    loadPermits(db, { enterpriseId: enterprise.id }),
    loadOutlets(db, { enterpriseId: enterprise.id }),
    loadFacilities(db, { enterpriseId: enterprise.id }),
  ]);
  const monitors = await loadMonitors(db, { outletIds: outlets.map((o) => o.id) }, canWriteRegistry(p));
  return {
    ...enterprise,
    permits,
    outlets: outlets.map((o) => ({ ...o, monitors: monitors.filter((m) => m.outletId === o.id) })),
    facilities,
  };
}
