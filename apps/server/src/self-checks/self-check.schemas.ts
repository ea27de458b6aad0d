import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

export const SelfCheckStatus = Type.Union(
  [Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('returned')],
  { description: 'draft 草稿、submitted 已提交、approved 审核通过、returned 退回' },
);

const Section = Type.Record(Type.String(), Type.Unknown());

/** The form's content: one object per block of 附件2 (see SELF_CHECK_SECTIONS in @dabiao/domain). */
export const SelfCheckContent = Type.Object(
  {
    basic: Type.Optional(Section),
    permits: Type.Optional(Section),
    violations: Type.Optional(Section),
    supervisoryMonitoring: Type.Optional(Section),
    selfMonitoring: Type.Optional(Section),
    online: Type.Optional(Section),
    process: Type.Optional(Section),
    water: Type.Optional(Section),
    air: Type.Optional(Section),
    fugitive: Type.Optional(Section),
    conclusion: Type.Optional(Section),
  },
  { additionalProperties: false },
);

export const SelfCheckStart = Type.Object(
  { campaignId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const SelfCheckSave = Type.Object(
  { content: SelfCheckContent, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const SelfCheckSubmit = Type.Object(
  {
    signerName: Type.String({ maxLength: 50, description: '填报人(签字, 盖公章)' }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const SelfCheckRevise = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const SelfCheckReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('return')], {
      description: 'approve 审核通过、return 退回修改',
    }),
    review: Type.Object(
      {
        onsiteProblems: Type.Optional(Type.String({ maxLength: 4000 })),
        onsiteMonitoring: Type.Optional(Type.String({ maxLength: 4000 })),
        recentProblems: Type.Optional(Type.String({ maxLength: 4000 })),
        opinion: Type.Optional(Type.String({ maxLength: 4000 })),
      },
      { additionalProperties: false, description: '五、现场监管环境保护部门排查监测情况及审核意见' },
    ),
    reviewerName: Type.String({ maxLength: 50, description: '审核人(签字, 盖公章)' }),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: '退回理由' })),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type SelfCheckReviewBody = Static<typeof SelfCheckReviewBody>;

export const SelfCheckListQuery = Type.Object({
  campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(SelfCheckStatus),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  allVersions: Type.Boolean({ default: false, description: '缺省只列每家企业的最新版本' }),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type SelfCheckListQuery = Static<typeof SelfCheckListQuery>;
export type SelfCheckFilter = Omit<SelfCheckListQuery, 'page' | 'pageSize'>;

export const SelfCheckApplicability = Type.Object({
  water: Type.Boolean(),
  air: Type.Boolean(),
  online: Type.Boolean(),
});

const summary = {
  id: Type.Integer(),
  campaignId: Type.Integer(),
  campaignName: Type.String(),
  campaignYear: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  versionNo: Type.Integer(),
  status: SelfCheckStatus,
  filledByName: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  reviewerName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
};

export const SelfCheckSummary = Type.Object(summary);
export type SelfCheckSummary = Static<typeof SelfCheckSummary>;

export const SelfCheckView = Type.Object({
  ...summary,
  content: Type.Record(Type.String(), Type.Unknown()),
  prefill: Type.Record(Type.String(), Type.Unknown()),
  applicability: SelfCheckApplicability,
  review: Nullable(Type.Record(Type.String(), Type.Unknown())),
  latestVersionNo: Type.Integer(),
});
export type SelfCheckView = Static<typeof SelfCheckView>;

export const SelfCheckVersionsView = Type.Object({ items: Type.Array(SelfCheckSummary) });
