import type { Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/errors/app-error';

/**
 * The city decides the alarm platform's rules and its quarterly list (admin stands in for it).
 * Sheets are checked by the domain workflow (packages/domain/src/alarms), reads by `enterpriseScope`.
 */
export const isCity = (p: Principal) => p.role === 'admin' || p.role === 'city';

export function requireCity(p: Principal, message: string): void {
  if (!isCity(p)) throw forbidden(message);
}
