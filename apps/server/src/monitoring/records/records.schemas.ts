import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schema-helpers';
import { TimeParam } from '../query/time-range';

export const RecordKindParam = Type.Union(
  [Type.Literal('min'), Type.Literal('hour'), Type.Literal('day'), Type.Literal('rtd')],
  { default: 'min', description: 'min 分钟（2051）· hour 小时（2061）· day 日（2031）· rtd 实时（2011）' },
);

export const RecordsQuery = Type.Object({
  kind: RecordKindParam,
  from: Type.Optional(TimeParam),
  to: Type.Optional(TimeParam),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  sort: Type.Union([Type.Literal('dataTime'), Type.Literal('-dataTime')], { default: '-dataTime' }),
});

const FieldValue = Type.Union([Type.Number(), Type.String()]);

export const RecordView = Type.Object({
  monitorId: Type.Integer(),
  mn: Type.String(),
  kind: Type.String(),
  dataTime: Type.String(),
  receivedAt: Type.String(),
  rawFrameId: Type.Integer(),
  resendCount: Type.Integer(),
  values: Type.Record(Type.String(), Type.Record(Type.String(), FieldValue), {
    description: '按污染物代码：数采仪上报的各字段（Avg、Min、Max、ZsAvg、Cou、Rtd、Flag…）',
  }),
  flags: Type.Record(Type.String(), Type.String(), { description: '按污染物代码的数据标记（Flag）' }),
});

export const RawFrameView = Type.Object({
  id: Type.Integer(),
  receivedAt: Type.String(),
  peer: Type.String(),
  mn: Nullable(Type.String()),
  cn: Nullable(Type.String()),
  qn: Nullable(Type.String()),
  verdict: Type.String({
    description:
      'stored · duplicate · answer · unknown_mn · bad_password · inactive · malformed · unsupported',
  }),
  errorCode: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  tolerances: Type.Array(Type.String()),
  size: Type.Integer({ description: '字节数' }),
  text: Type.String({ description: '报文原文（UTF-8，或按 GBK 解码）' }),
  base64: Type.String({ description: '原始字节（Base64），用于核验' }),
  passwordMasked: Type.Boolean({ description: '访问密码已遮盖（无权查看密码的用户）；遮盖后 CRC 不再吻合' }),
  monitor: Nullable(
    Type.Object({
      monitorId: Type.Integer(),
      mn: Type.String(),
      outletId: Type.Integer(),
      outletName: Type.String(),
      enterpriseId: Type.Integer(),
      enterpriseName: Type.String(),
    }),
  ),
});

export const ArchiveQuery = Type.Object({
  from: Type.Optional(TimeParam),
  to: Type.Optional(TimeParam),
  format: Type.Union([Type.Literal('json'), Type.Literal('txt')], { default: 'txt' }),
});
