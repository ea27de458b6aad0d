import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';
import { TimeParam } from '../query/time-range';

/** An HJ 212-2017 code: a letter and five digits (a21026 二氧化硫, w01018 化学需氧量). */
export const PollutantCode = Type.String({ pattern: '^[a-z]\\d{5}$', description: 'HJ 212-2017 污染物代码' });

export const SeriesQuery = Type.Object({
  pollutant: PollutantCode,
  period: Type.Union([Type.Literal('hour'), Type.Literal('day')], { default: 'hour' }),
  from: Type.Optional(TimeParam),
  to: Type.Optional(TimeParam),
});
export type SeriesQuery = Static<typeof SeriesQuery>;

export const SeriesPoint = Type.Object({
  time: Type.String({ description: '小时或日的起点（上海时间）' }),
  avg: Nullable(Type.Number({ description: '实测均值（无效时仅供显示）' })),
  zsAvg: Nullable(Type.Number({ description: '按排放口基准氧含量折算的均值' })),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  cou: Nullable(Type.Number({ description: '排放量：污染物 kg，流量 m³' })),
  unitAvg: Nullable(Type.Number({ description: '数采仪上报的小时值（CN 2061）' })),
  unitZsAvg: Nullable(Type.Number({ description: '数采仪上报的折算值' })),
  valid: Type.Boolean(),
  reason: Nullable(Type.String({ description: 'TOO_FEW_VALID · PLANT_STOPPED · NO_DATA · INVALID_FLAG' })),
  flag: Nullable(Type.String({ description: '小时内最多的数据标记' })),
  source: Type.Union([Type.Literal('minutes'), Type.Literal('unit'), Type.Literal('hours')]),
  disagrees: Type.Boolean({ description: '与数采仪上报的小时值或折算值不一致' }),
  complete: Type.Boolean({ description: '该小时/日已结束（未结束的为临时值）' }),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const SeriesView = Type.Object({
  outletId: Type.Integer(),
  outletCode: Type.String(),
  outletName: Type.String(),
  outletKind: Type.String(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  referenceO2: Nullable(Type.Number({ description: '基准氧含量 %' })),
  pollutant: Type.Object({
    code: Type.String(),
    name: Type.String(),
    unit: Type.String(),
    amountUnit: Nullable(Type.String({ description: 'cou 的单位' })),
  }),
  period: Type.Union([Type.Literal('hour'), Type.Literal('day')]),
  from: Type.String(),
  to: Type.String(),
  points: Type.Array(SeriesPoint),
});
