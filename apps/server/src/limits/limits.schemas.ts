import { SOURCE_CATEGORIES } from '@dabiao/domain';
import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD（上海时间的日）' });
const Pollutant = Type.String({ pattern: '^[aw]\\d{5}$', description: 'HJ 212-2017 因子编码' });
const RegionCode = Type.String({ pattern: '^\\d{6}$', description: '行政区划代码（GB/T 2260）' });

export const Category = Type.Union(SOURCE_CATEGORIES.map((c) => Type.Literal(c)));
const SpecialKind = Type.Union([Type.Literal('special'), Type.Literal('ultra-low')]);
const SourceAge = Type.Union([Type.Literal('new'), Type.Literal('existing')]);
const Averaging = Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('instant')]);
const OutletKind = Type.Union([Type.Literal('air'), Type.Literal('water')]);

// No `additionalProperties: false` in the branches: with Ajv's removeAdditional the `max` branch
// would strip `lo`/`hi` from a range before the `range` branch is tried. Writers read by `kind`.
export const LimitValue = Type.Union([
  Type.Object({ kind: Type.Literal('max'), max: Type.Number({ minimum: 0 }) }),
  Type.Object({ kind: Type.Literal('range'), lo: Type.Number(), hi: Type.Number() }),
]);
const WaterTemperature = Type.Union([
  Type.Object({ above: Type.Number() }, { additionalProperties: false }),
  Type.Object({ atMost: Type.Number() }, { additionalProperties: false }),
]);

/** What a new version may change: the number and its particulars, from a date. */
const versionFields = {
  value: LimitValue,
  unit: Type.String({ minLength: 1, maxLength: 20 }),
  referenceO2: Nullable(Type.Number({ minimum: 0, maximum: 20.9 })),
  clause: Nullable(Type.String({ maxLength: 200 })),
  effectiveFrom: DateText,
  effectiveTo: Type.Optional(Nullable(DateText)),
  confirmed: Type.Boolean(),
  source: Type.String({ minLength: 1, maxLength: 500, description: '数值出处（文件、表、条款）' }),
  reading: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

export const VersionCreate = Type.Object(versionFields, { additionalProperties: false });
export type VersionCreate = Static<typeof VersionCreate>;

/** A local standard row (地方标准); national rows come from the seed and change by versions. */
export const LocalStandardCreate = Type.Object(
  {
    standard: Type.Object(
      {
        code: Type.String({ minLength: 3, maxLength: 60, description: '如 DB43/ 1234-2020' }),
        series: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
        title: Type.String({ minLength: 2, maxLength: 200 }),
        regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50 }),
      },
      { additionalProperties: false },
    ),
    outletKind: OutletKind,
    industries: Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1 })),
    category: Category,
    sourceAge: Type.Optional(Nullable(SourceAge)),
    waterTemperature: Type.Optional(Nullable(WaterTemperature)),
    special: Nullable(SpecialKind),
    pollutant: Pollutant,
    averaging: Averaging,
    ...versionFields,
  },
  { additionalProperties: false },
);
export type LocalStandardCreate = Static<typeof LocalStandardCreate>;

export const StandardLimitView = Type.Object({
  id: Type.Integer(),
  lineId: Type.String(),
  candidateId: Type.String(),
  active: Type.Boolean(),
  standard: Type.Object({
    code: Type.String(),
    series: Type.String(),
    title: Type.String(),
    level: Type.Union([Type.Literal('national'), Type.Literal('local')]),
    regionCodes: Nullable(Type.Array(Type.String())),
  }),
  outletKind: OutletKind,
  industries: Nullable(Type.Array(Type.String())),
  category: Type.String(),
  sourceAge: Nullable(SourceAge),
  waterTemperature: Nullable(WaterTemperature),
  special: Nullable(SpecialKind),
  pollutant: Type.String(),
  value: LimitValue,
  unit: Type.String(),
  averaging: Averaging,
  referenceO2: Nullable(Type.Number()),
  clause: Nullable(Type.String()),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  revision: Type.Integer(),
  confirmed: Type.Boolean(),
  source: Type.String(),
  reading: Nullable(Type.String()),
});
export type StandardLimitView = Static<typeof StandardLimitView>;

export const StandardDetail = Type.Object({
  limit: StandardLimitView,
  /** Every version of the row's line, oldest first. */
  versions: Type.Array(StandardLimitView),
});

export const StandardListQuery = Type.Object(
  {
    pollutant: Type.Optional(Pollutant),
    q: Type.Optional(Type.String({ maxLength: 60, description: '标准编号或名称' })),
    inForceAt: Type.Optional(DateText),
    includeInactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StandardListQuery = Static<typeof StandardListQuery>;

export const DesignationCreate = Type.Object(
  {
    kind: SpecialKind,
    standards: Type.Array(Type.String({ minLength: 3, maxLength: 60 }), { minItems: 1, maxItems: 20 }),
    regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50 }),
    categories: Type.Optional(Nullable(Type.Array(Category, { minItems: 1 }))),
    sourceAge: Type.Optional(Nullable(SourceAge)),
    effectiveFrom: DateText,
    effectiveTo: Type.Optional(Nullable(DateText)),
    document: Type.String({ minLength: 2, maxLength: 300, description: '指定特别排放限值的文件' }),
  },
  { additionalProperties: false },
);
export type DesignationCreate = Static<typeof DesignationCreate>;

export const DesignationView = Type.Object({
  id: Type.Integer(),
  candidateId: Type.String(),
  kind: SpecialKind,
  standards: Type.Array(Type.String()),
  regionCodes: Type.Array(Type.String()),
  categories: Nullable(Type.Array(Type.String())),
  sourceAge: Nullable(SourceAge),
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  document: Type.String(),
  active: Type.Boolean(),
});
export type DesignationView = Static<typeof DesignationView>;

export const ResolveQuery = Type.Object(
  {
    outletId: Type.Integer({ minimum: 1 }),
    pollutant: Pollutant,
    at: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T.+)?$',
      description: '判定时刻：ISO 8601 时刻，或日期（上海时间 00:00）',
    }),
    averaging: Type.Optional(Averaging),
    category: Type.Optional(Category),
    sourceAge: Type.Optional(SourceAge),
    waterTemperatureC: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type ResolveQuery = Static<typeof ResolveQuery>;
