import { Type } from 'typebox';
import type { Principal } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  enterpriseId: Type.Union([Type.Integer(), Type.Null()]),
  gridId: Type.Union([Type.Integer(), Type.Null()]),
  operatorId: Type.Union([Type.Integer(), Type.Null()]),
});

export async function presentUser(db: DbOrTrx, p: Principal) {
  const region = await db
    .selectFrom('region')
    .select('name')
    .where('code', '=', p.regionCode)
    .executeTakeFirst();
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    regionCode: p.regionCode,
    regionName: region?.name ?? p.regionCode,
    enterpriseId: p.enterpriseId,
    gridId: p.gridIds[0] ?? null,
    operatorId: p.operatorId,
  };
}
