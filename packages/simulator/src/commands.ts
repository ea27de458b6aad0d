// How a simulated unit answers the platform's requests (HJ 212-2017 §6.6): 9011 first (QnRtn),
// then the action, its data, and 9012 (ExeRtn). Stop commands (2012, 2022) are notifications,
// answered with 9013.
import {
  executionResult,
  notificationAnswer,
  type Packet,
  type PacketInput,
  requestAnswer,
  timeUpload,
} from '@dabiao/hj212';
import { parseLocalTime } from './time.js';

/** What a command can read and change on a unit. */
export interface UnitSettings {
  /** Real-time interval, seconds (1061/1062). */
  rtdInterval: number;
  /** Minute-data interval, minutes (1063/1064). */
  minInterval: number;
  /** Whether real-time data (2011) is being sent (2011 starts it, 2012 stops it). */
  realtime: boolean;
  /** Answer timeout, ms, and retry count (1000: OverTime seconds, ReCount). */
  answerTimeoutMs: number;
  retries: number;
}

export interface CommandTarget {
  readonly mn: string;
  readonly st: string;
  /** Current access password; 1072 changes it. */
  pw: string;
  readonly settings: UnitSettings;
  /** The unit's clock (epoch ms). */
  now(): number;
  /** Sets the unit's clock (1012). */
  setTime(t: number): void;
  /** Writes a packet that needs no answer. */
  reply(p: PacketInput): void;
  /** Re-sends the stored records of a CN with DataTime in [begin, end]; calls back with how many were sent. */
  resend(cn: string, begin: number, end: number, done: (count: number, failed: number) => void): void;
}

const HISTORY = new Set(['2031', '2041', '2051', '2061']);
/** Requests executed (or, for control commands 3011-3021, accepted and reported done without simulating them). */
const EXECUTED = new Set([
  '1000',
  '1011',
  '1012',
  '1061',
  '1062',
  '1063',
  '1064',
  '1072',
  '2011',
  '3011',
  '3012',
  '3013',
  '3014',
  '3015',
  '3016',
  '3020',
  '3021',
]);

type ExeRtn = 1 | 2 | 3 | 100;

/** A platform request to the unit. Answers (9011-9014) are not handled here. */
export function handleCommand(unit: CommandTarget, req: Packet): void {
  if (req.mn !== unit.mn || req.pw !== unit.pw) {
    unit.reply(requestAnswer(req, req.mn !== unit.mn ? 4 : 3));
  } else if (req.cn === '2012' || req.cn === '2022') {
    if (req.cn === '2012') unit.settings.realtime = false;
    unit.reply(notificationAnswer(req));
  } else if (HISTORY.has(req.cn) || (req.cn === '2011' && req.cp.params.BeginTime !== undefined)) {
    unit.reply(requestAnswer(req, 1));
    history(unit, req);
  } else if (EXECUTED.has(req.cn)) {
    unit.reply(requestAnswer(req, 1));
    const exeRtn = execute(unit, req);
    if (exeRtn !== undefined) unit.reply(executionResult(req, exeRtn));
  } else {
    // 2021 (running status) is refused: the simulator has no facility status; anything else is a CN error.
    unit.reply(requestAnswer(req, req.cn === '2021' ? 2 : 8));
  }
}

const positive = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);

/** Carries out an accepted request; the ExeRtn for its 9012, or undefined when none is sent (2011). */
function execute(unit: CommandTarget, req: Packet): ExeRtn | undefined {
  const params = req.cp.params;
  const { mn, st, pw } = unit;
  switch (req.cn) {
    case '1000': {
      const overTime = positive(params.OverTime);
      const reCount = params.ReCount;
      if (overTime) unit.settings.answerTimeoutMs = overTime * 1000;
      const countOk = typeof reCount === 'number' && Number.isInteger(reCount) && reCount >= 0;
      if (countOk) unit.settings.retries = reCount;
      return overTime || countOk ? 1 : 3;
    }
    case '1011': {
      const polId = typeof params.PolId === 'string' ? params.PolId : undefined;
      unit.reply(timeUpload({ ...req, st }, new Date(unit.now()), polId));
      return 1;
    }
    case '1012': {
      const t = typeof params.SystemTime === 'string' ? parseLocalTime(params.SystemTime) : undefined;
      if (t === undefined) return 3;
      unit.setTime(t);
      return 1;
    }
    case '1061':
    case '1063': {
      const [key, value] =
        req.cn === '1061'
          ? ['RtdInterval', unit.settings.rtdInterval]
          : ['MinInterval', unit.settings.minInterval];
      const cp = { params: { [key]: value } };
      unit.reply({ qn: req.qn, st, cn: req.cn, pw, mn, flag: { answerRequired: false }, cp });
      return 1;
    }
    case '1062':
    case '1064': {
      const key = req.cn === '1062' ? 'RtdInterval' : 'MinInterval';
      const v = positive(params[key]);
      if (!v || !Number.isInteger(v) || (key === 'MinInterval' && v > 1440)) return 3;
      if (key === 'RtdInterval') unit.settings.rtdInterval = v;
      else unit.settings.minInterval = v;
      return 1;
    }
    case '1072': {
      const newPw = params.NewPW;
      if (typeof newPw !== 'string' || newPw === '') return 3;
      unit.pw = newPw;
      return 1;
    }
    case '2011':
      unit.settings.realtime = true;
      return undefined;
    case '3020':
      return 100;
    default:
      return 1;
  }
}

/** 2011/2031/2041/2051/2061 with BeginTime/EndTime: re-send the stored records of the period, then 9012. */
function history(unit: CommandTarget, req: Packet): void {
  const { BeginTime, EndTime } = req.cp.params;
  const begin = typeof BeginTime === 'string' ? parseLocalTime(BeginTime) : undefined;
  const end = typeof EndTime === 'string' ? parseLocalTime(EndTime) : undefined;
  if (begin === undefined || end === undefined || end < begin) {
    unit.reply(executionResult(req, 3));
    return;
  }
  unit.resend(req.cn, begin, end, (count, failed) => {
    unit.reply(executionResult(req, count === 0 ? 100 : failed === count ? 2 : 1));
  });
}
