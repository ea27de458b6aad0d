import {
  type RecordCounts,
  sumCounts,
  TRANSMISSION_VALIDITY_TARGET,
  transmissionValidityRate,
} from '@dabiao/domain';
import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';

/** Counts (in hours) and the three rates of 数据传输有效率, with the formula shown on screen. */
export const RateView = Type.Object({
  expected: Type.Integer({ description: '应收小时数' }),
  received: Type.Integer({ description: '实收小时数（有数据的小时）' }),
  valid: Type.Integer({ description: '有效小时数' }),
  transmissionRate: Nullable(Type.Number({ description: '传输率 = 实收 / 应收' })),
  validityRate: Nullable(Type.Number({ description: '有效率 = 有效 / 实收' })),
  transmissionValidityRate: Nullable(Type.Number({ description: '传输有效率 = 有效 / 应收' })),
  meetsTarget: Type.Boolean({ description: '传输有效率 ≥ 90%' }),
  formula: Type.String(),
});
export type RateView = Static<typeof RateView>;

export const RATE_TARGET = TRANSMISSION_VALIDITY_TARGET;

/** Pooled: the parts' counts are summed first (each capped at its own expected), then the rates. */
export function rateView(parts: readonly RecordCounts[]): RateView {
  const c = sumCounts(parts);
  const r = transmissionValidityRate(c);
  return {
    expected: c.expected,
    received: c.received,
    valid: c.valid,
    transmissionRate: r.transmissionRate,
    validityRate: r.validityRate,
    transmissionValidityRate: r.transmissionValidityRate,
    meetsTarget: r.meetsTarget,
    formula: r.formula,
  };
}
