import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';
import { RateView } from '../rates/rate-view';

export const OverviewQuery = Type.Object({
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: '区县或乡镇代码' })),
});

export const InvalidHourView = Type.Object({
  monitorId: Type.Integer(),
  mn: Type.String(),
  outletId: Type.Integer(),
  outletName: Type.String(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  pollutant: Type.String(),
  pollutantName: Type.String(),
  hour: Type.String(),
  reason: Nullable(Type.String({ description: 'TOO_FEW_VALID · PLANT_STOPPED · NO_DATA · INVALID_FLAG' })),
  flag: Nullable(Type.String()),
  source: Type.String(),
});

const Counts = {
  monitors: Type.Integer(),
  online: Type.Integer(),
  offline: Type.Integer({ description: '含从未上线的' }),
};

export const OverviewView = Type.Object({
  asOf: Type.String(),
  regionCode: Nullable(Type.String()),
  onlineWindowMinutes: Type.Integer(),
  ...Counts,
  neverSeen: Type.Integer(),
  today: Type.Object({ day: Type.String(), ...RateView.properties }),
  latestInvalidHours: Type.Array(InvalidHourView),
  districts: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), ...Counts, today: RateView }),
  ),
});
