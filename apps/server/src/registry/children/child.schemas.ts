import { SOURCE_CATEGORIES, type SourceCategory } from '@dabiao/domain';
import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';

const DateText = Type.String({ format: 'date' });
const PollutantCode = Type.String({ pattern: '^[aw]\\d{5}$', description: 'HJ 212-2017 因子编码' });

export const permitFields = {
  number: Type.String({ minLength: 5, maxLength: 40, description: '排污许可证编号' }),
  managementClass: Type.Union([
    Type.Literal('key'),
    Type.Literal('simplified'),
    Type.Literal('registration'),
  ]),
  validFrom: Nullable(DateText),
  validTo: Nullable(DateText),
  executionReportDuty: Nullable(Type.String({ maxLength: 200 })),
  pollutants: Type.Array(
    Type.Object(
      { pollutantCode: PollutantCode, annualTotalT: Nullable(Type.Number({ minimum: 0 })) },
      { additionalProperties: false },
    ),
  ),
};

export const outletFields = {
  kind: Type.Union([Type.Literal('water'), Type.Literal('air')]),
  code: Type.String({ pattern: '^D[WA]\\d{3}$', description: '排放口编号，如 DW001（废水）、DA001（废气）' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  stackHeightM: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 400 })),
  stackDiameterM: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 30 })),
  flueTemperatureC: Nullable(Type.Number({ minimum: -40, maximum: 1200 })),
  referenceO2: Nullable(Type.Number({ minimum: 0, maximum: 20 })),
  lng: Nullable(Type.Number({ minimum: 73, maximum: 136 })),
  lat: Nullable(Type.Number({ minimum: 3, maximum: 54 })),
  pollutants: Type.Array(PollutantCode, { uniqueItems: true }),
  profile: Nullable(Type.String({ maxLength: 40 })),
  standardCategory: Nullable(
    Type.Unsafe<SourceCategory>(
      Type.Union(
        SOURCE_CATEGORIES.map((c) => Type.Literal(c)),
        { description: '排放标准适用类别（限值判定用）' },
      ),
    ),
  ),
  sourceAge: Nullable(
    Type.Union([Type.Literal('new'), Type.Literal('existing')], {
      description: '新建 / 现有源（按排放标准的划分）',
    }),
  ),
};

export const monitorFields = {
  mn: Type.String({
    pattern: '^[0-9A-Za-z]{14}([0-9A-Za-z]{10})?$',
    description: '数采仪 MN 号（14 或 24 位）',
  }),
  password: Type.String({ minLength: 1, maxLength: 20, description: '数采仪访问密码' }),
  manufacturer: Nullable(Type.String({ maxLength: 60 })),
  model: Nullable(Type.String({ maxLength: 60 })),
  installedOn: Nullable(DateText),
  operatorId: Nullable(Type.Integer()),
};

export const facilityFields = {
  outletId: Nullable(Type.Integer()),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  process: Nullable(Type.String({ maxLength: 200 })),
  capacity: Nullable(Type.String({ maxLength: 100 })),
  feasibleTechnology: Nullable(Type.Boolean()),
};

const meta = { id: Type.Integer(), active: Type.Boolean(), version: Type.Integer() };
export const PermitView = Type.Object({ ...meta, enterpriseId: Type.Integer(), ...permitFields });
export const OutletView = Type.Object({ ...meta, enterpriseId: Type.Integer(), ...outletFields });
export const MonitorView = Type.Object({
  ...meta,
  outletId: Type.Integer(),
  ...monitorFields,
  password: Nullable(Type.String()),
  operatorName: Nullable(Type.String()),
});
export const FacilityView = Type.Object({ ...meta, enterpriseId: Type.Integer(), ...facilityFields });
export type PermitView = Static<typeof PermitView>;
export type OutletView = Static<typeof OutletView>;
export type MonitorView = Static<typeof MonitorView>;
export type FacilityView = Static<typeof FacilityView>;
