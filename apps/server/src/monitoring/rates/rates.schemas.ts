import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';
import { RateView } from './rate-view';

export const RateGroupBy = Type.Union([
  Type.Literal('monitor'),
  Type.Literal('enterprise'),
  Type.Literal('region'),
]);
export type RateGroupBy = Static<typeof RateGroupBy>;

export const RatesQuery = Type.Object({
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: '区县或乡镇代码' })),
  month: Type.Optional(
    Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM（上海时间），默认本月' }),
  ),
  groupBy: Type.Optional(RateGroupBy),
});
export type RatesQuery = Static<typeof RatesQuery>;

export const RateRow = Type.Object({
  key: Type.String({ description: '监控点 id、企业 id 或区县代码' }),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  enterpriseId: Nullable(Type.Integer()),
  enterpriseName: Nullable(Type.String()),
  outletId: Nullable(Type.Integer()),
  outletName: Nullable(Type.String()),
  monitorId: Nullable(Type.Integer()),
  mn: Nullable(Type.String()),
  monitors: Type.Integer({ description: '参与统计的监控点数' }),
  ...RateView.properties,
});
export type RateRow = Static<typeof RateRow>;

export const RatesView = Type.Object({
  month: Type.String(),
  groupBy: RateGroupBy,
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String(),
  target: Type.Number(),
  rows: Type.Array(RateRow),
  total: Type.Object({ monitors: Type.Integer(), ...RateView.properties }),
});
export type RatesView = Static<typeof RatesView>;
