import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

export const FilingKind = Type.Union(
  [
    Type.Literal('maintenance'),
    Type.Literal('calibration'),
    Type.Literal('startup'),
    Type.Literal('shutdown'),
  ],
  { description: 'maintenance 维护、calibration 校准、startup 开机/启炉、shutdown 停产/停炉' },
);
export const FilingStatus = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
const Instant = Type.String({ format: 'date-time' });

export const FilingCreate = Type.Object(
  {
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1, description: '缺省为本企业' })),
    outletId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: '空：全部排放口' }))),
    kind: FilingKind,
    startsAt: Instant,
    endsAt: Instant,
    reason: Type.String({ minLength: 2, maxLength: 500 }),
    evidence: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    attachmentName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type FilingCreate = Static<typeof FilingCreate>;

export const FilingDecision = Type.Object(
  { version: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type FilingDecision = Static<typeof FilingDecision>;

export const FilingWithdraw = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const FilingListQuery = Type.Object({
  status: Type.Optional(FilingStatus),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type FilingListQuery = Static<typeof FilingListQuery>;
export type FilingFilter = Omit<FilingListQuery, 'page' | 'pageSize'>;

export const FilingView = Type.Object({
  id: Type.Integer(),
  enterpriseId: Type.Integer(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  outletId: Nullable(Type.Integer()),
  outletName: Nullable(Type.String()),
  kind: FilingKind,
  startsAt: Type.String(),
  endsAt: Type.String(),
  reason: Type.String(),
  evidence: Nullable(Type.String()),
  attachmentName: Nullable(Type.String()),
  status: FilingStatus,
  submittedBy: Nullable(Type.Integer()),
  decidedBy: Nullable(Type.Integer()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type FilingView = Static<typeof FilingView>;
