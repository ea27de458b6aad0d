import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const DateText = Type.String({ format: 'date', description: 'YYYY-MM-DD（上海时间的日）' });

export const DrawCreate = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1 }),
    regionCode: Type.String({ pattern: '^\\d{6}$', description: '抽查的县（市）区' }),
    share: Type.Number({
      minimum: 0,
      maximum: 1,
      default: 0.5,
      description: '抽查比例，不低于 0.5（000 四(三)：抽查率不低于50%）',
    }),
    seed: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{4,64}$',
        description: '随机种子；缺省由系统生成。同一种子和同一企业名单必然得到同一抽取结果',
      }),
    ),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type DrawCreate = Static<typeof DrawCreate>;

const DrawEnterprise = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  creditCode: Type.String(),
  industryZh: Nullable(Type.String()),
});

const drawFields = {
  id: Type.Integer(),
  campaignId: Nullable(Type.Integer()),
  campaignName: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Type.String(),
  seed: Type.String(),
  share: Type.Number(),
  populationSize: Type.Integer(),
  selectedCount: Type.Integer(),
  drawnBy: Nullable(Type.String()),
  drawnAt: Type.String(),
  note: Nullable(Type.String()),
};
export const DrawSummaryView = Type.Object(drawFields);
export type DrawSummaryView = Static<typeof DrawSummaryView>;

export const DrawView = Type.Object({
  ...drawFields,
  population: Type.Array(Type.Integer(), { description: '抽取时的企业名单（按 id 升序）' }),
  selected: Type.Array(DrawEnterprise, { description: '被抽中的企业' }),
});
export type DrawView = Static<typeof DrawView>;

export const DrawVerifyView = Type.Object({
  id: Type.Integer(),
  seed: Type.String(),
  share: Type.Number(),
  populationSize: Type.Integer(),
  stored: Type.Array(Type.Integer()),
  recomputed: Type.Array(Type.Integer()),
  matches: Type.Boolean({ description: '按存储的种子和名单重新计算，结果与存储的抽取结果一致' }),
});

export const DrawListQuery = Type.Object({
  campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type DrawListQuery = Static<typeof DrawListQuery>;

export const ReviewKind = Type.Union(
  [Type.Literal('onsite'), Type.Literal('expert'), Type.Literal('third_party')],
  { description: 'onsite 现场核查、expert 专家评审、third_party 第三方评估' },
);
export const Conclusion = Type.Union(
  [Type.Literal('compliant'), Type.Literal('problems_found'), Type.Literal('not_compliant')],
  { description: 'compliant 达标、problems_found 发现问题需整改、not_compliant 不达标' },
);

export const AssignmentCreate = Type.Object(
  {
    enterpriseId: Type.Integer({ minimum: 1 }),
    reviewerId: Type.Integer({ minimum: 1, description: '角色为 expert 的用户' }),
    kind: ReviewKind,
    dueOn: Type.Optional(Nullable(DateText)),
    drawId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    campaignId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  },
  { additionalProperties: false },
);
export type AssignmentCreate = Static<typeof AssignmentCreate>;

export const OpinionSubmit = Type.Object(
  {
    opinion: Type.String({ minLength: 1, maxLength: 5000 }),
    conclusion: Conclusion,
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type OpinionSubmit = Static<typeof OpinionSubmit>;

export const AssignmentListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('assigned'), Type.Literal('submitted')])),
  drawId: Type.Optional(Type.Integer({ minimum: 1 })),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type AssignmentListQuery = Static<typeof AssignmentListQuery>;

export const AssignmentView = Type.Object({
  id: Type.Integer(),
  drawId: Nullable(Type.Integer()),
  campaignId: Nullable(Type.Integer()),
  campaignName: Nullable(Type.String()),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  industryZh: Nullable(Type.String()),
  reviewerId: Type.Integer(),
  reviewerName: Type.String(),
  kind: ReviewKind,
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  status: Type.Union([Type.Literal('assigned'), Type.Literal('submitted')]),
  opinion: Nullable(Type.String()),
  conclusion: Nullable(Conclusion),
  submittedAt: Nullable(Type.String()),
  assignedBy: Nullable(Type.String()),
  assignedAt: Type.String(),
  version: Type.Integer(),
});
export type AssignmentView = Static<typeof AssignmentView>;

export const ReviewerView = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  username: Type.String(),
});
