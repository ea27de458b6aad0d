import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';
import { RateView } from '../rates/rate-view';

export const MONITOR_SORTS = ['enterpriseName', 'mn', 'outletName', 'lastSeenAt'] as const;

export const MonitorListQuery = Type.Object({
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: '区县或乡镇代码' })),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  outletKind: Type.Optional(Type.Union([Type.Literal('air'), Type.Literal('water')])),
  online: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'MN、企业名称或排放口名称包含' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  sort: Type.String({ default: 'enterpriseName', pattern: `^-?(${MONITOR_SORTS.join('|')})$` }),
});
export type MonitorListQuery = Static<typeof MonitorListQuery>;

export const MonitorStatusView = Type.Object({
  id: Type.Integer(),
  mn: Type.String(),
  outletId: Type.Integer(),
  outletCode: Type.String(),
  outletName: Type.String(),
  outletKind: Type.String(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  lastSeenAt: Nullable(Type.String()),
  lastPeer: Nullable(Type.String()),
  online: Type.Boolean(),
  firstDataAt: Nullable(Type.String({ description: '第一条分钟/小时数据的时间' })),
  lastDataAt: Nullable(Type.String()),
  today: RateView,
});
