import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const AssessmentKind = Type.Union([Type.Literal('assessment'), Type.Literal('yearly_summary')], {
  description: 'assessment 评估报告（001 第四阶段）、yearly_summary 年度达标计划工作总结（001 第六阶段）',
});
export const AssessmentScope = Type.Union([Type.Literal('region'), Type.Literal('industry')], {
  description: 'region 按区域、industry 按行业',
});

export const AssessmentCreate = Type.Object(
  {
    kind: AssessmentKind,
    scope: AssessmentScope,
    regionCode: Type.String({
      pattern: '^\\d{6}$',
      description: '区县或市的行政区划代码（在本人管辖范围内）',
    }),
    industry: Type.Optional(
      Nullable(Type.String({ maxLength: 60, description: '达标计划行业（按行业评估时必填）' })),
    ),
    campaignId: Type.Integer({ minimum: 1 }),
    periodFrom: DateText,
    periodTo: DateText,
  },
  { additionalProperties: false },
);
export type AssessmentCreate = Static<typeof AssessmentCreate>;

export const SectionEdit = Type.Object(
  { key: Type.String({ minLength: 1, maxLength: 40 }), text: Type.String({ maxLength: 20_000 }) },
  { additionalProperties: false },
);
export const AssessmentPatch = Type.Object(
  { sections: Type.Array(SectionEdit, { maxItems: 20 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type AssessmentPatch = Static<typeof AssessmentPatch>;

export const AssessmentFinalize = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const AssessmentListQuery = Type.Object({
  kind: Type.Optional(AssessmentKind),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('final')])),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type AssessmentListQuery = Static<typeof AssessmentListQuery>;

const Section = Type.Object({ key: Type.String(), heading: Type.String(), text: Type.String() });

export const AssessmentSummaryView = Type.Object({
  id: Type.Integer(),
  kind: AssessmentKind,
  scope: AssessmentScope,
  regionCode: Type.String(),
  regionName: Type.String(),
  industry: Nullable(Type.String()),
  industryName: Nullable(Type.String()),
  campaignId: Nullable(Type.Integer()),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('final')]),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

export const AssessmentView = Type.Object({
  ...AssessmentSummaryView.properties,
  /** The counted figures (AssessmentFigures of @dabiao/domain). */
  figures: Type.Record(Type.String(), Type.Unknown()),
  sections: Type.Array(Section),
});
export type AssessmentView = Static<typeof AssessmentView>;
