import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import { FLAGS, flagColor, flagKey, isInvalidatingFlag, labelOr, REASONS, reasonKey } from './flags';

const lookup = (key: string): string =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN) as string;

describe('flags', () => {
  it('gives every HJ 212 flag its Chinese meaning', () => {
    const meanings = Object.fromEntries(FLAGS.map((f) => [f, lookup(flagKey(f)!)]));
    expect(meanings).toEqual({
      N: '正常',
      F: '停运',
      M: '维护',
      S: '手工输入',
      D: '故障',
      C: '校准',
      T: '超测定上限',
      B: '通讯异常',
    });
  });

  it('has no meaning for unknown flags, which are shown as sent', () => {
    expect(flagKey('X')).toBeNull();
    expect(flagKey(null)).toBeNull();
    expect(labelOr(lookup, flagKey('X'), 'X')).toBe('X');
    expect(labelOr(lookup, flagKey(undefined), undefined)).toBe('—');
    expect(labelOr(lookup, flagKey('D'), 'D')).toBe('故障');
  });

  it('colours normal data green and faults red', () => {
    expect(flagColor('N')).toBe('green');
    expect(flagColor('D')).toBe('red');
    expect(flagColor('?')).toBe('default');
  });

  it('knows which flags do not count towards a valid hour (T counts)', () => {
    expect(FLAGS.filter(isInvalidatingFlag)).toEqual(['F', 'M', 'S', 'D', 'C', 'B']);
  });
});

describe('reasons', () => {
  it('has a label for every reason the server sends', () => {
    for (const reason of REASONS) expect(lookup(reasonKey(reason)!)).toBeTruthy();
    expect(lookup(reasonKey('TOO_FEW_VALID')!)).toBe('有效数据不足');
    expect(reasonKey('SOMETHING_NEW')).toBeNull();
  });
});
