import { type Static, Type } from 'typebox';
import { Nullable, optionalAll } from '../platform/http/schema-helpers';

const DateText = Type.String({ format: 'date' });
const Phone = Type.String({ pattern: '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$', description: '手机号或座机号' });

export const ControlLevel = Type.Union([
  Type.Literal('national'),
  Type.Literal('provincial'),
  Type.Literal('city'),
  Type.Literal('none'),
]);
export const EnterpriseStatus = Type.Union([
  Type.Literal('operating'),
  Type.Literal('stopped'),
  Type.Literal('closed'),
]);
export const KeyKind = Type.Union([
  Type.Literal('water'),
  Type.Literal('air'),
  Type.Literal('soil'),
  Type.Literal('noise'),
  Type.Literal('other'),
]);

const editable = {
  name: Type.String({ minLength: 2, maxLength: 100, description: '企业全称' }),
  legalRepresentative: Nullable(Type.String({ maxLength: 50 })),
  address: Nullable(Type.String({ maxLength: 200 })),
  lng: Nullable(Type.Number({ minimum: 73, maximum: 136, description: '东经（WGS84）' })),
  lat: Nullable(Type.Number({ minimum: 3, maximum: 54, description: '北纬（WGS84）' })),
  regionCode: Type.String({ pattern: '^\\d{6}$', description: '区县代码（GB/T 2260）' }),
  townshipCode: Nullable(Type.String({ pattern: '^\\d{9}$' })),
  gridId: Nullable(Type.Integer()),
  industryCode: Nullable(
    Type.String({ pattern: '^\\d{4}$', description: '国民经济行业分类（GB/T 4754）小类' }),
  ),
  programmeIndustry: Nullable(Type.String({ maxLength: 40 })),
  batch: Nullable(Type.Integer({ minimum: 1, maximum: 3 })),
  controlLevel: ControlLevel,
  keyKinds: Type.Array(KeyKind, { uniqueItems: true }),
  status: EnterpriseStatus,
  productsAndScale: Nullable(Type.String({ maxLength: 500 })),
  startedOn: Nullable(DateText),
  envContact: Nullable(Type.String({ maxLength: 50 })),
  envContactPhone: Nullable(Phone),
};

export const EnterpriseCreate = Type.Object(
  {
    creditCode: Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码' }),
    ...optionalAll(editable),
    name: editable.name,
    regionCode: editable.regionCode,
    controlLevel: Type.Optional(ControlLevel),
    keyKinds: Type.Optional(editable.keyKinds),
    status: Type.Optional(EnterpriseStatus),
  },
  { additionalProperties: false },
);
export type EnterpriseCreate = Static<typeof EnterpriseCreate>;

export const EnterprisePatch = Type.Object(
  {
    ...optionalAll({ creditCode: Type.String({ minLength: 18, maxLength: 18 }), ...editable }),
    version: Type.Integer({ description: '读取时的版本号（乐观锁）' }),
  },
  { additionalProperties: false },
);
export type EnterprisePatch = Static<typeof EnterprisePatch>;

export const EnterpriseView = Type.Object({
  id: Type.Integer(),
  creditCode: Type.String(),
  ...editable,
  regionName: Type.String(),
  townshipName: Nullable(Type.String()),
  industryName: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type EnterpriseView = Static<typeof EnterpriseView>;

export const SORTABLE = [
  'name',
  'creditCode',
  'regionCode',
  'controlLevel',
  'batch',
  'industryCode',
  'updatedAt',
  'createdAt',
] as const;

export const EnterpriseListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
  industryCode: Type.Optional(Type.String({ pattern: '^\\d{2,4}$' })),
  programmeIndustry: Type.Optional(Type.String()),
  batch: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  controlLevel: Type.Optional(ControlLevel),
  status: Type.Optional(EnterpriseStatus),
  keyKind: Type.Optional(KeyKind),
  gridId: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean({ default: true })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  sort: Type.String({ default: 'name', pattern: `^-?(${SORTABLE.join('|')})$` }),
});
export type EnterpriseListQuery = Static<typeof EnterpriseListQuery>;
export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'>;
