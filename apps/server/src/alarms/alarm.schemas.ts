import { type Static, Type } from 'typebox';

const Instant = Type.String({ format: 'date-time' });
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max });

export const SheetStateSchema = Type.Union(
  ['dispatched', 'signed', 'explained', 'operator_verified', 'concluded', 'closed'].map((s) =>
    Type.Literal(s),
  ),
);

export const AlarmListQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('exceedance'), Type.Literal('anomaly')])),
    rule: Type.Optional(Type.String({ maxLength: 40 })),
    state: Type.Optional(
      Type.String({
        pattern: '^(dispatched|signed|explained|operator_verified|concluded|closed|filed|overdue|escalated)$',
        description: '报警单状态；filed 报备期内未派发；overdue 已超时；escalated 已督办',
      }),
    ),
    districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
    pollutant: Type.Optional(Type.String({ pattern: '^[a-z]\\d{5}$' })),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);
export type AlarmListQuery = Static<typeof AlarmListQuery>;

export const AlarmStatsQuery = Type.Object(
  { from: Type.Optional(Instant), to: Type.Optional(Instant) },
  { additionalProperties: false },
);

const Version = { version: Type.Integer({ minimum: 1 }) };

export const SignBody = Type.Object(
  {
    ...Version,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    deviceSuspected: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ExplainBody = Type.Object(
  { ...Version, explanation: Text(), selfCorrection: Text(), deviceSuspected: Type.Boolean() },
  { additionalProperties: false },
);
export const VerifyDeviceBody = Type.Object(
  { ...Version, finding: Text(), deviceFaulty: Type.Boolean() },
  { additionalProperties: false },
);
export const ConcludeBody = Type.Object(
  {
    ...Version,
    conclusion: Type.Union([
      Type.Literal('confirmed_exceedance'),
      Type.Literal('device_fault'),
      Type.Literal('false_alarm'),
    ]),
    note: Text(),
  },
  { additionalProperties: false },
);
export const CloseBody = Type.Object(
  { ...Version, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const InboxQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
