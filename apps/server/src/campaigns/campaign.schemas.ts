import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD（上海时间的日）' });
export const PhaseKind = Type.Union(
  [
    Type.Literal('deployment'),
    Type.Literal('training'),
    Type.Literal('screening'),
    Type.Literal('assessment'),
    Type.Literal('rectification'),
    Type.Literal('summary'),
  ],
  {
    description:
      'deployment 部署、training 培训解读、screening 自查排查、assessment 评估、rectification 整治达标、summary 工作总结',
  },
);
const PhaseStatus = Type.Union(
  [Type.Literal('upcoming'), Type.Literal('current'), Type.Literal('finished')],
  {
    description: 'upcoming 未开始、current 进行中、finished 已结束（以阶段结束日 24 时为准，经期限引擎判断）',
  },
);
const DeadlineState = Type.Union([Type.Literal('open'), Type.Literal('due-soon'), Type.Literal('overdue')]);

export const CampaignBatchInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    industries: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
      maxItems: 100,
      description: 'PROGRAMME_INDUSTRIES 的行业键',
    }),
    includesRest: Type.Boolean({ description: '包含其他行业（第三批及其他行业）' }),
  },
  { additionalProperties: false },
);

export const CampaignPhaseInput = Type.Object(
  {
    batch: Nullable(Type.Integer({ minimum: 1, description: '批次序号（从 1 起）；空：全部批次' })),
    kind: PhaseKind,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    startsOn: DateText,
    endsOn: DateText,
    source: Type.Optional(Nullable(Type.String({ maxLength: 200, description: '依据，如“004 四(一)1”' }))),
  },
  { additionalProperties: false },
);

const campaignFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  startsOn: DateText,
  endsOn: DateText,
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  coveredRegions: Type.Array(Type.String({ pattern: '^\\d{6}$' }), {
    maxItems: 50,
    description: '覆盖的县（市）区',
  }),
  batches: Type.Array(CampaignBatchInput, { minItems: 1, maxItems: 10 }),
  phases: Type.Array(CampaignPhaseInput, { maxItems: 100 }),
};

export const CampaignCreate = Type.Object(campaignFields, { additionalProperties: false });
export type CampaignCreate = Static<typeof CampaignCreate>;
export const CampaignUpdate = Type.Object(
  { ...campaignFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type CampaignUpdate = Static<typeof CampaignUpdate>;

export const PhaseView = Type.Object({
  id: Type.Integer(),
  batchId: Nullable(Type.Integer()),
  batchOrdinal: Nullable(Type.Integer()),
  kind: PhaseKind,
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  source: Nullable(Type.String()),
  status: PhaseStatus,
  deadline: DeadlineState,
  daysLeft: Type.Integer(),
});
export type PhaseView = Static<typeof PhaseView>;

const IndustryLabel = Type.Object({ key: Type.String(), zh: Type.String() });

export const BatchView = Type.Object({
  id: Type.Integer(),
  ordinal: Type.Integer(),
  name: Type.String(),
  industries: Type.Array(IndustryLabel, { description: '本批次列明的行业（中文名）' }),
  includesRest: Type.Boolean(),
  enterpriseCount: Type.Integer({ description: '调用者管辖范围内、覆盖区县中的在册企业数' }),
});
export type BatchView = Static<typeof BatchView>;

export const CampaignSummaryView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  description: Nullable(Type.String()),
  status: PhaseStatus,
  enterpriseCount: Type.Integer(),
  batches: Type.Array(BatchView),
  phases: Type.Array(PhaseView),
  version: Type.Integer(),
});
export type CampaignSummaryView = Static<typeof CampaignSummaryView>;

const TaskRow = Type.Object({
  no: Type.Integer(),
  leadDepartment: Type.String(),
  work: Type.String(),
  responsible: Type.String(),
});

export const CampaignDetailView = Type.Object({
  ...CampaignSummaryView.properties,
  coveredRegions: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), enterpriseCount: Type.Integer() }),
  ),
  createdAt: Type.String(),
  taskBreakdown: Type.Object({ title: Type.String(), source: Type.String(), rows: Type.Array(TaskRow) }),
});
export type CampaignDetailView = Static<typeof CampaignDetailView>;

export const CampaignListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const CampaignEnterpriseQuery = Type.Object({
  batch: Type.Optional(Type.Integer({ minimum: 1, description: '批次序号' })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type CampaignEnterpriseQuery = Static<typeof CampaignEnterpriseQuery>;

export const CampaignEnterpriseView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  programmeIndustry: Nullable(Type.String()),
  industryZh: Nullable(Type.String()),
  batchOrdinal: Nullable(Type.Integer()),
  status: Type.String(),
});
export type CampaignEnterpriseView = Static<typeof CampaignEnterpriseView>;
