import type { CpInput, FieldValue, PacketInput } from './encode.js';
import { formatLocalTime, qnFor } from './text.js';
import type { Packet } from './types.js';

// Builders for the packets a platform or a unit sends, as plain PacketInput values: pass them to
// encode(). Requests ask for an answer (Flag A=1); answers do not. Time is a parameter, never
// read implicitly, except as the default for a new QN.

/** Who a packet is for or from. */
export interface Station {
  st: string;
  pw: string;
  mn: string;
}

export interface RequestOptions {
  /** Defaults to a QN made from `now`. */
  qn?: string;
  /** The clock for the default QN; defaults to the current time. */
  now?: Date;
}

/** The QN meanings of a 9011 answer. */
export type QnRtn = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 100;
/** The ExeRtn meanings of a 9012 answer. */
export type ExeRtn = 1 | 2 | 3 | 4 | 5 | 6 | 100;

type Answered = Pick<Packet, 'pw' | 'mn'> & { qn?: string };

const SYSTEM_INTERACTION = '91';

function answer(to: Answered, cn: string, cp: CpInput = {}): PacketInput {
  return { qn: to.qn, st: SYSTEM_INTERACTION, cn, pw: to.pw, mn: to.mn, flag: { answerRequired: false }, cp };
}

/** 9014: the platform's answer to an upload sent with A=1 (same QN, ST=91, empty CP). */
export const dataAnswer = (upload: Answered): PacketInput => answer(upload, '9014');
/** 9011: the unit accepts (1) or refuses a platform request. */
export const requestAnswer = (req: Answered, qnRtn: QnRtn): PacketInput =>
  answer(req, '9011', { params: { QnRtn: qnRtn } });
/** 9012: the unit reports how executing a request went. */
export const executionResult = (req: Answered, exeRtn: ExeRtn): PacketInput =>
  answer(req, '9012', { params: { ExeRtn: exeRtn } });
/** 9013: the platform acknowledges a notification. */
export const notificationAnswer = (note: Answered): PacketInput => answer(note, '9013');

/** Any request from the platform to a unit: Flag version 1, answer required. */
export function command(
  to: Station,
  cn: string,
  params: Record<string, FieldValue> = {},
  opts: RequestOptions = {},
): PacketInput {
  const qn = opts.qn ?? qnFor(opts.now ?? new Date());
  return { qn, st: to.st, cn, pw: to.pw, mn: to.mn, flag: { answerRequired: true }, cp: { params } };
}

const withPolId = (polId: string | undefined, rest: Record<string, FieldValue> = {}) =>
  polId === undefined ? rest : { PolId: polId, ...rest };

/** 1011: ask a unit (or one of its analysers, PolId) for its time. */
export const getTime = (to: Station, polId?: string, opts?: RequestOptions) =>
  command(to, '1011', withPolId(polId), opts);
/** 1012: set a unit's time. */
export const setTime = (to: Station, time: Date, polId?: string, opts?: RequestOptions) =>
  command(to, '1012', withPolId(polId, { SystemTime: formatLocalTime(time) }), opts);
/** 1061 / 1062: get or set the real-time data interval in seconds. */
export const getRtdInterval = (to: Station, opts?: RequestOptions) => command(to, '1061', {}, opts);
export const setRtdInterval = (to: Station, seconds: number, opts?: RequestOptions) =>
  command(to, '1062', { RtdInterval: seconds }, opts);
/** 1063 / 1064: get or set the minute data interval in minutes. */
export const getMinInterval = (to: Station, opts?: RequestOptions) => command(to, '1063', {}, opts);
export const setMinInterval = (to: Station, minutes: number, opts?: RequestOptions) =>
  command(to, '1064', { MinInterval: minutes }, opts);
/** 1072: set the access password. */
export const setPassword = (to: Station, newPw: string, opts?: RequestOptions) =>
  command(to, '1072', { NewPW: newPw }, opts);
/** 2011 / 2012: start or stop real-time data. */
export const startRealtime = (to: Station, opts?: RequestOptions) => command(to, '2011', {}, opts);
export const stopRealtime = (to: Station, opts?: RequestOptions) => command(to, '2012', {}, opts);
/** 2021 / 2022: start or stop facility running-status data. */
export const startRunningStatus = (to: Station, opts?: RequestOptions) => command(to, '2021', {}, opts);
export const stopRunningStatus = (to: Station, opts?: RequestOptions) => command(to, '2022', {}, opts);

/** Ask a unit to re-send stored data (2031 daily, 2041, 2051 minute, 2061 hourly, …) for a period. */
export const requestHistory = (to: Station, cn: string, begin: Date, end: Date, opts?: RequestOptions) =>
  command(to, cn, { BeginTime: formatLocalTime(begin), EndTime: formatLocalTime(end) }, opts);

/** 3011 zero/span calibration, 3012 immediate sampling, 3013 cleaning/back-flush of one analyser. */
export const calibrate = (to: Station, polId: string, opts?: RequestOptions) =>
  command(to, '3011', { PolId: polId }, opts);
export const sampleNow = (to: Station, polId: string, opts?: RequestOptions) =>
  command(to, '3012', { PolId: polId }, opts);
export const startCleaning = (to: Station, polId: string, opts?: RequestOptions) =>
  command(to, '3013', { PolId: polId }, opts);
/** 3020: read an information item (InfoId, e.g. i13004) of an analyser; 3021: set one. */
export const getInfo = (to: Station, polId: string, infoId: string, opts?: RequestOptions) =>
  command(to, '3020', { PolId: polId, InfoId: infoId }, opts);
export function setInfo(
  to: Station,
  polId: string,
  infoId: string,
  value: FieldValue,
  opts?: RequestOptions,
) {
  const p = command(to, '3021', { PolId: polId }, opts);
  return { ...p, cp: { ...p.cp, pollutants: { [infoId]: { Info: value } } } };
}

/** A unit's data upload (2011 real-time, 2051 minute, 2061 hourly, 2031 daily, …), A=1 by default. */
export function dataUpload(
  from: Station,
  cn: string,
  dataTime: Date,
  pollutants: NonNullable<CpInput['pollutants']>,
  opts: RequestOptions & { answerRequired?: boolean } = {},
): PacketInput {
  const qn = opts.qn ?? qnFor(opts.now ?? new Date());
  const flag = { answerRequired: opts.answerRequired ?? true };
  return { qn, st: from.st, cn, pw: from.pw, mn: from.mn, flag, cp: { dataTime, pollutants } };
}

/** 1011 answer from a unit: its current time. */
export const timeUpload = (req: Answered & { st: string }, time: Date, polId?: string): PacketInput => ({
  qn: req.qn,
  st: req.st,
  cn: '1011',
  pw: req.pw,
  mn: req.mn,
  flag: { answerRequired: false },
  cp: { params: withPolId(polId, { SystemTime: formatLocalTime(time) }) },
});
