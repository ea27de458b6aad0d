import {
  dataAnswer,
  dataUpload,
  executionResult,
  requestAnswer,
  requestHistory,
  setInfo,
  setTime,
} from '../src/builders.js';
import { encode } from '../src/encode.js';

// Seeds for fuzzing: the standard's example and one packet of each common shape.
const enc = (s: string) => new TextEncoder().encode(s);
const station = { st: '31', pw: '123456', mn: '010000A8900016F000169DC0' };
const now = new Date('2025-08-21T04:50:00Z');
const opts = { qn: '20250821125000123' };

function minute(n: number) {
  const pollutants: Record<string, Record<string, number | string>> = {};
  const codes = [
    'a21026',
    'a21002',
    'a34013',
    'a19001',
    'a01011',
    'a01012',
    'a01013',
    'a01014',
    'a00000',
    'a21005',
  ];
  for (const c of codes.slice(0, n))
    pollutants[c] = { Min: 10.5, Avg: 12.25, Max: 14.125, ZsAvg: 14.1, Flag: 'N' };
  return dataUpload(station, '2051', now, pollutants, opts);
}

export const CORPUS: Uint8Array[] = [
  enc(
    '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n',
  ),
  encode(minute(1)),
  encode(minute(10)),
  encode(dataAnswer({ qn: opts.qn, pw: '123456', mn: station.mn })),
  encode(requestAnswer({ qn: opts.qn, pw: '123456', mn: station.mn }, 1)),
  encode(executionResult({ qn: opts.qn, pw: '123456', mn: station.mn }, 100)),
  encode(setTime(station, now, 'w01018', opts)),
  encode(requestHistory(station, '2061', now, now, opts)),
  encode(setInfo(station, 'w01018', 'i13004', '12.5', opts)),
  encode({ ...minute(2), flag: 7, pnum: 3, pno: 2 }),
  enc('##0080ST=32;CN=2011;PW=123456;MN=12345678901234;CP=&&DataTime=20250821125000;011-Rtd=31.5&&0000\r\n'),
];
