import { describe, expect, it } from 'vitest';
import * as B from '../src/builders.js';
import { decode } from '../src/decode.js';
import { encode, encodeToString, formatNumber, type PacketInput } from '../src/encode.js';
import { EncodeError } from '../src/errors.js';
import { STANDARD_EXAMPLE } from './reference.js';

const station = { st: '32', pw: '100000', mn: '010000A8900016F000169DC0' };
const qn = '20160801085857223';
const at = new Date('2016-08-01T00:58:57Z'); // 08:58:57 in Shanghai
const seg = (p: PacketInput) => {
  const s = encodeToString(p);
  return s.slice(6, -6);
};

describe('encode', () => {
  it('reproduces the standard worked example byte for byte', () => {
    expect(encodeToString({ ...B.setRtdInterval(station, 30, { qn }), flag: 5 })).toBe(STANDARD_EXAMPLE);
  });

  // What each builder writes: the data segment, table-style.
  it.each<[string, PacketInput, string]>([
    [
      '9014 data answer',
      B.dataAnswer({ qn, pw: '100000', mn: 'M1' }),
      `QN=${qn};ST=91;CN=9014;PW=100000;MN=M1;Flag=4;CP=&&&&`,
    ],
    [
      '9011 request answer',
      B.requestAnswer({ qn, pw: 'p', mn: 'M1' }, 1),
      `QN=${qn};ST=91;CN=9011;PW=p;MN=M1;Flag=4;CP=&&QnRtn=1&&`,
    ],
    [
      '9012 execution result',
      B.executionResult({ qn, pw: 'p', mn: 'M1' }, 100),
      `QN=${qn};ST=91;CN=9012;PW=p;MN=M1;Flag=4;CP=&&ExeRtn=100&&`,
    ],
    [
      '9013 notification answer',
      B.notificationAnswer({ qn, pw: 'p', mn: 'M1' }),
      `QN=${qn};ST=91;CN=9013;PW=p;MN=M1;Flag=4;CP=&&&&`,
    ],
    [
      '1011 get time',
      B.getTime(station, 'w01018', { qn }),
      `QN=${qn};ST=32;CN=1011;PW=100000;MN=${station.mn};Flag=5;CP=&&PolId=w01018&&`,
    ],
    [
      '1012 set time',
      B.setTime(station, at, undefined, { qn }),
      `QN=${qn};ST=32;CN=1012;PW=100000;MN=${station.mn};Flag=5;CP=&&SystemTime=20160801085857&&`,
    ],
    [
      '1011 time upload',
      B.timeUpload({ qn, ...station }, at, 'w01018'),
      `QN=${qn};ST=32;CN=1011;PW=100000;MN=${station.mn};Flag=4;CP=&&PolId=w01018;SystemTime=20160801085857&&`,
    ],
    [
      '1061 get interval',
      B.getRtdInterval(station, { qn }),
      `QN=${qn};ST=32;CN=1061;PW=100000;MN=${station.mn};Flag=5;CP=&&&&`,
    ],
    [
      '1064 set minute interval',
      B.setMinInterval(station, 10, { qn }),
      `QN=${qn};ST=32;CN=1064;PW=100000;MN=${station.mn};Flag=5;CP=&&MinInterval=10&&`,
    ],
    [
      '1072 set password',
      B.setPassword(station, '654321', { qn }),
      `QN=${qn};ST=32;CN=1072;PW=100000;MN=${station.mn};Flag=5;CP=&&NewPW=654321&&`,
    ],
    [
      '2011 start real-time',
      B.startRealtime(station, { qn }),
      `QN=${qn};ST=32;CN=2011;PW=100000;MN=${station.mn};Flag=5;CP=&&&&`,
    ],
    [
      '2012 stop real-time',
      B.stopRealtime(station, { qn }),
      `QN=${qn};ST=32;CN=2012;PW=100000;MN=${station.mn};Flag=5;CP=&&&&`,
    ],
    [
      '2061 history',
      B.requestHistory(station, '2061', at, at, { qn }),
      `QN=${qn};ST=32;CN=2061;PW=100000;MN=${station.mn};Flag=5;CP=&&BeginTime=20160801085857;EndTime=20160801085857&&`,
    ],
    [
      '3011 calibrate',
      B.calibrate(station, 'w01018', { qn }),
      `QN=${qn};ST=32;CN=3011;PW=100000;MN=${station.mn};Flag=5;CP=&&PolId=w01018&&`,
    ],
    [
      '3020 get info',
      B.getInfo(station, 'w01018', 'i13004', { qn }),
      `QN=${qn};ST=32;CN=3020;PW=100000;MN=${station.mn};Flag=5;CP=&&PolId=w01018;InfoId=i13004&&`,
    ],
    [
      '3021 set info',
      B.setInfo(station, 'w01018', 'i13004', 2.5, { qn }),
      `QN=${qn};ST=32;CN=3021;PW=100000;MN=${station.mn};Flag=5;CP=&&PolId=w01018;i13004-Info=2.5&&`,
    ],
    [
      '2051 upload',
      B.dataUpload(station, '2051', at, { w01018: { Avg: 30.5, Flag: 'N' } }, { qn }),
      `QN=${qn};ST=32;CN=2051;PW=100000;MN=${station.mn};Flag=5;CP=&&DataTime=20160801085857;w01018-Avg=30.5,w01018-Flag=N&&`,
    ],
  ])('%s', (_name, packet, segment) => {
    expect(seg(packet)).toBe(segment);
    expect(decode(encode(packet), { strict: true }).ok).toBe(true);
  });

  it('defaults the QN from the injected clock', () => {
    expect(B.startRealtime(station, { now: at }).qn).toBe('20160801085857000');
  });

  it('sets the sub-packet bit when PNUM/PNO are given', () => {
    expect(seg({ ...B.startRealtime(station, { qn }), pnum: 2, pno: 1 })).toContain('Flag=7;PNUM=2;PNO=1;');
  });

  it.each<[string, PacketInput]>([
    ['ST', { ...station, st: '3', cn: '2011' }],
    ['CN', { ...station, cn: '20111' }],
    ['a delimiter in a value', { ...station, cn: '2011', cp: { params: { PolId: 'a;b' } } }],
    ['a bad key', { ...station, cn: '2011', cp: { params: { 'a-b': 1 } } }],
    ['NaN', { ...station, cn: '2011', cp: { pollutants: { a21026: { Rtd: Number.NaN } } } }],
    ['PNO > PNUM', { ...station, cn: '2011', pnum: 1, pno: 2 }],
    ['empty MN', { ...station, mn: '', cn: '2011' }],
    ['over 1024 bytes', { ...station, cn: '2011', cp: { params: { X: 'x'.repeat(1100) } } }],
  ])('refuses %s', (_name, packet) => {
    expect(() => encode(packet)).toThrow(EncodeError);
  });

  it('writes numbers without exponents', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(-12.5)).toBe('-12.5');
    expect(formatNumber(123456789012)).toBe('123456789012');
  });
});
