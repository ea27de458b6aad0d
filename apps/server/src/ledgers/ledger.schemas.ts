import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const L = Type.Literal;

export const ProblemTypeSchema = Type.Union(
  [
    L('covert_discharge'),
    L('facility_inadequate'),
    L('exceedance'),
    L('incomplete_permits'),
    L('no_online_monitoring'),
    L('monitoring_nonconforming'),
    L('disclosure_missing'),
    L('other'),
  ],
  {
    description:
      '偷排偷放、设施未满足污染物处理要求、污染物排放超标、手续不全、未安装自动监控、自行监测不规范、未按要求公开环境信息、其他',
  },
);
export const ProblemHandlingSchema = Type.Union(
  [L('deadline_rectification'), L('listed_supervision'), L('closure')],
  { description: '限期整改、挂牌督办、淘汰关闭' },
);
export const ProblemSourceSchema = Type.Union([
  L('screening'),
  L('self_check'),
  L('alarm'),
  L('spot_check'),
  L('inspection'),
  L('tip'),
]);
export const ProblemStatusSchema = Type.Union([L('open'), L('applied'), L('district_verified'), L('closed')]);
export const SignOffStatusSchema = Type.Union([
  L('applied'),
  L('district_verified'),
  L('closed'),
  L('district_refused'),
  L('city_refused'),
]);

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });

export const ProblemCreate = Type.Object(
  {
    enterpriseId: Type.Integer({ minimum: 1 }),
    campaignId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    source: Type.Optional(ProblemSourceSchema),
    type: ProblemTypeSchema,
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    foundOn: DateOnly,
    handling: Type.Optional(Nullable(ProblemHandlingSchema)),
    deadlineOn: Type.Optional(Nullable(DateOnly)),
    caseDocumentNo: Type.Optional(Nullable(Text(200))),
    penaltyRequirement: Type.Optional(Nullable(Text(2000))),
    measures: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export type ProblemCreate = Static<typeof ProblemCreate>;

export const ProblemPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    type: Type.Optional(ProblemTypeSchema),
    description: Type.Optional(Type.String({ minLength: 2, maxLength: 2000 })),
    handling: Type.Optional(Nullable(ProblemHandlingSchema)),
    caseDocumentNo: Type.Optional(Nullable(Text(200))),
    penaltyRequirement: Type.Optional(Nullable(Text(2000))),
    penaltyExecution: Type.Optional(Nullable(Text(2000))),
    planStatus: Type.Optional(Nullable(Text(2000))),
    measures: Type.Optional(Nullable(Text(4000))),
    deadlineOn: Type.Optional(Nullable(DateOnly)),
    recheckReportNo: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
export type ProblemPatch = Static<typeof ProblemPatch>;

export const SignOffEvidenceSchema = Type.Object(
  { name: Type.String({ maxLength: 200 }), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);

export const SignOffApply = Type.Object(
  {
    measuresTaken: Type.String({ maxLength: 4000 }),
    completion: Type.String({ maxLength: 4000 }),
    evidence: Type.Array(SignOffEvidenceSchema, {
      maxItems: 50,
      description: '至少 1 项（销号须附整改证据）',
    }),
    applicantName: Type.Optional(Type.String({ maxLength: 100, description: '填表人；缺省为当前用户' })),
  },
  { additionalProperties: false },
);
export type SignOffApply = Static<typeof SignOffApply>;

export const SignOffVerify = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
    opinion: Type.String({ maxLength: 2000 }),
    verifierName: Type.String({ maxLength: 100 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type SignOffVerify = Static<typeof SignOffVerify>;

export const SignOffView = Type.Object({
  id: Type.Integer(),
  problemId: Type.Integer(),
  round: Type.Integer(),
  status: SignOffStatusSchema,
  measuresTaken: Type.String(),
  completion: Type.String(),
  evidence: Type.Array(SignOffEvidenceSchema),
  applicantName: Type.String(),
  appliedAt: Type.String(),
  districtOpinion: Nullable(Type.String()),
  districtVerifier: Nullable(Type.String()),
  districtVerifiedAt: Nullable(Type.String()),
  cityOpinion: Nullable(Type.String()),
  cityVerifier: Nullable(Type.String()),
  cityVerifiedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type SignOffView = Static<typeof SignOffView>;

export const ProblemView = Type.Object({
  id: Type.Integer(),
  campaignId: Nullable(Type.Integer()),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  creditCode: Type.String(),
  districtCode: Type.String(),
  regionName: Type.String(),
  controlLevel: Type.String(),
  industry: Type.String(),
  source: ProblemSourceSchema,
  alarmSheetId: Nullable(Type.Integer()),
  type: ProblemTypeSchema,
  description: Type.String(),
  foundOn: Type.String(),
  caseDocumentNo: Nullable(Type.String()),
  handling: Nullable(ProblemHandlingSchema),
  penaltyRequirement: Nullable(Type.String()),
  penaltyExecution: Nullable(Type.String()),
  planStatus: Nullable(Type.String()),
  measures: Nullable(Type.String()),
  deadlineOn: Nullable(Type.String()),
  recheckReportNo: Nullable(Type.String()),
  status: ProblemStatusSchema,
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type ProblemView = Static<typeof ProblemView>;

export const ProblemDetailView = Type.Object({
  ...ProblemView.properties,
  signOffs: Type.Array(SignOffView),
  /** This month's follow-up check (004 三(三)4), while the problem is not closed. */
  followUpDueOn: Nullable(Type.String()),
  actions: Type.Array(Type.String({ description: 'edit, apply, district_verify, city_verify' })),
});
export type ProblemDetailView = Static<typeof ProblemDetailView>;

export const RectificationQuery = Type.Object({
  districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  campaignId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(ProblemStatusSchema),
  type: Type.Optional(ProblemTypeSchema),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type RectificationQuery = Static<typeof RectificationQuery>;
export type RectificationFilter = Omit<RectificationQuery, 'page' | 'pageSize'>;

export const RectificationRow = Type.Object({
  ...ProblemView.properties,
  seq: Type.Integer(),
  screening: Type.String(),
  rectified: Type.String(),
});
export type RectificationRow = Static<typeof RectificationRow>;

export const ScreeningQuery = Type.Object({
  campaignId: Type.Integer({ minimum: 1 }),
  districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type ScreeningQuery = Static<typeof ScreeningQuery>;

export const ScreeningRow = Type.Object({
  seq: Type.Integer(),
  campaignId: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  industry: Type.String(),
  controlLevel: Type.String(),
  permitSummary: Type.String(),
  problemTypes: Type.String(),
  monitoringReportNo: Nullable(Type.String()),
  exceeded: Nullable(Type.Boolean()),
  exceedReason: Nullable(Type.String()),
  onlineMonitoring: Type.String(),
  onlineExceeded: Type.Boolean(),
  onlineExceedReason: Nullable(Type.String()),
  caseDocuments: Type.String(),
  rectified: Nullable(Type.Boolean({ description: '无问题时为空' })),
  problemCount: Type.Integer(),
  notes: Nullable(Type.String()),
  /** The screening entry's version (0: nothing typed yet). */
  version: Type.Integer(),
});
export type ScreeningRow = Static<typeof ScreeningRow>;

export const ScreeningParams = Type.Object({
  campaignId: Type.Integer({ minimum: 1 }),
  enterpriseId: Type.Integer({ minimum: 1 }),
});

export const ScreeningPut = Type.Object(
  {
    monitoringReportNo: Type.Optional(Nullable(Text(200))),
    exceeded: Type.Optional(Nullable(Type.Boolean())),
    exceedReason: Type.Optional(Nullable(Text(2000))),
    onlineExceedReason: Type.Optional(Nullable(Text(2000))),
    notes: Type.Optional(Nullable(Text(2000))),
    version: Type.Integer({ minimum: 0, description: '0：首次填写' }),
  },
  { additionalProperties: false },
);
export type ScreeningPut = Static<typeof ScreeningPut>;

export const SignOffQueueQuery = Type.Object({
  status: Type.Optional(SignOffStatusSchema),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

export const SignOffQueueItem = Type.Object({
  ...SignOffView.properties,
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  districtCode: Type.String(),
  problemType: ProblemTypeSchema,
  problemDescription: Type.String(),
});
export type SignOffQueueItem = Static<typeof SignOffQueueItem>;
