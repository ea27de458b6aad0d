import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('filed'), Type.Literal('done')], {
  description: 'draft 草拟、filed 已备案、done 已完成',
});

const planFields = {
  title: Type.String({ minLength: 2, maxLength: 200 }),
  targets: Type.String({ minLength: 2, maxLength: 4000, description: '达标目标' }),
  route: Type.String({ minLength: 2, maxLength: 4000, description: '升级改造路线' }),
  measures: Type.String({ minLength: 2, maxLength: 4000, description: '治理措施' }),
  targetDate: DateText,
};

export const PlanCreate = Type.Object(
  {
    enterpriseId: Type.Integer({ minimum: 1 }),
    campaignId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    ...planFields,
  },
  { additionalProperties: false },
);
export type PlanCreate = Static<typeof PlanCreate>;

export const PlanPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(planFields.title),
    targets: Type.Optional(planFields.targets),
    route: Type.Optional(planFields.route),
    measures: Type.Optional(planFields.measures),
    targetDate: Type.Optional(planFields.targetDate),
    status: Type.Optional(PlanStatus),
  },
  { additionalProperties: false },
);
export type PlanPatch = Static<typeof PlanPatch>;

export const PlanListQuery = Type.Object({
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(PlanStatus),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

export const PlanView = Type.Object({
  id: Type.Integer(),
  campaignId: Nullable(Type.Integer()),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  title: Type.String(),
  targets: Type.String(),
  route: Type.String(),
  measures: Type.String(),
  targetDate: Type.String(),
  status: PlanStatus,
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type PlanView = Static<typeof PlanView>;

export const NoticeCreate = Type.Object(
  {
    enterpriseId: Type.Integer({ minimum: 1 }),
    problemIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 50 }),
    periodMonths: Type.Integer({ description: '整改期限（月），3—12（003 二(一)2）' }),
    requirements: Type.String({ minLength: 2, maxLength: 4000 }),
    issuedOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);
export type NoticeCreate = Static<typeof NoticeCreate>;

export const NoticeListQuery = Type.Object({
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

export const NoticeProblem = Type.Object({
  id: Type.Integer(),
  problemType: Type.String(),
  description: Type.String(),
  foundOn: Type.String(),
  status: Type.String(),
});

export const NoticeView = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  districtCode: Type.String(),
  districtName: Type.String(),
  problemIds: Type.Array(Type.Integer()),
  problems: Type.Array(NoticeProblem),
  periodMonths: Type.Integer(),
  issuedOn: Type.String(),
  dueOn: Type.String(),
  requirements: Type.String(),
  issuedBy: Nullable(Type.Integer()),
  issuerName: Type.String(),
  createdAt: Type.String(),
});
export type NoticeView = Static<typeof NoticeView>;
