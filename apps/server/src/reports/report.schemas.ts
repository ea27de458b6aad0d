import { type Static, Type } from 'typebox';
import { Nullable } from '../platform/http/schema-helpers';

const Free = Type.Record(Type.String(), Type.Unknown());
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const SubmissionStatus = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('received'),
  Type.Literal('returned'),
]);

export const DueView = Type.Object({
  periodKey: Type.String(),
  periodLabel: Type.String(),
  dueAt: Type.String(),
  dueDate: Type.String(),
  rolledFrom: Nullable(Type.String()),
  /** The calendar assumed plain weekends for a year it does not know. */
  provisional: Type.Boolean(),
});

export const DefinitionView = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  template: Type.String(),
  cadence: Type.Union([Type.Literal('monthly'), Type.Literal('bimonthly'), Type.Literal('yearly')]),
  rule: Free,
  source: Nullable(Type.String()),
  campaignId: Nullable(Type.Integer()),
  nextDue: DueView,
  lastDue: DueView,
});
export type DefinitionView = Static<typeof DefinitionView>;

export const SubmissionCreate = Type.Object(
  {
    regionCode: Type.String({ pattern: '^\\d{6}$', description: '县（市）区代码' }),
    periodKey: Type.String({ minLength: 4, maxLength: 20, description: '2026-10 / 2026-10~11 / 2026' }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    content: Type.Optional(Free),
  },
  { additionalProperties: false },
);
export type SubmissionCreate = Static<typeof SubmissionCreate>;

export const SubmissionDecision = Type.Object(
  { version: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type SubmissionDecision = Static<typeof SubmissionDecision>;

export const SubmissionView = Type.Object({
  id: Type.Integer(),
  definitionId: Type.Integer(),
  definitionName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  periodKey: Type.String(),
  dueAt: Type.String(),
  submittedAt: Type.String(),
  submittedBy: Nullable(Type.Integer()),
  late: Type.Boolean(),
  lateDays: Type.Integer(),
  content: Free,
  note: Nullable(Type.String()),
  status: SubmissionStatus,
  receivedBy: Nullable(Type.Integer()),
  receivedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  version: Type.Integer(),
});
export type SubmissionView = Static<typeof SubmissionView>;

export const DefinitionParams = Type.Object({ definitionId: Type.Integer({ minimum: 1 }) });

export const MatrixQuery = Type.Object({
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
});

export const PrefillQuery = Type.Object({
  regionCode: Type.String({ pattern: '^\\d{6}$' }),
  periodKey: Type.String({ minLength: 4, maxLength: 20 }),
});

export const MatrixCellView = Type.Object({
  periodKey: Type.String(),
  state: Type.Union([
    Type.Literal('on_time'),
    Type.Literal('late'),
    Type.Literal('missing_overdue'),
    Type.Literal('due_soon'),
    Type.Literal('not_due'),
  ]),
  lateDays: Type.Optional(Type.Integer()),
  overdueDays: Type.Optional(Type.Integer()),
  submissionId: Nullable(Type.Integer()),
  status: Nullable(SubmissionStatus),
  submittedAt: Nullable(Type.String()),
});

export const MatrixView = Type.Object({
  definitionId: Type.Integer(),
  periods: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      start: Type.String(),
      end: Type.String(),
      dueAt: Type.String(),
      dueDate: Type.String(),
      rolledFrom: Nullable(Type.String()),
      provisional: Type.Boolean(),
    }),
  ),
  rows: Type.Array(
    Type.Object({ regionCode: Type.String(), regionName: Type.String(), cells: Type.Array(MatrixCellView) }),
  ),
});
export type MatrixView = Static<typeof MatrixView>;

export const ExportQuery = Type.Object({
  period: Type.Optional(Type.String({ minLength: 4, maxLength: 20 })),
});
