import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import { COMMAND_STATUSES, commandLabel, formatParams, isPending, statusColor, statusKey } from './commands';

const lookup = (key: string): string =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN) as string;

describe('command statuses', () => {
  it('names every status in Chinese', () => {
    expect(COMMAND_STATUSES.map((s) => lookup(statusKey(s)!))).toEqual([
      '已下发',
      '已接受',
      '已拒绝',
      '执行成功',
      '执行失败',
      '超时',
      '未连接',
    ]);
    expect(statusKey('exploded')).toBeNull();
  });

  it('colours success green and failure red; waits on sent and accepted', () => {
    expect(statusColor('succeeded')).toBe('success');
    expect(statusColor('failed')).toBe('error');
    expect(statusColor('whatever')).toBe('default');
    expect(isPending({ status: 'sent' })).toBe(true);
    expect(isPending({ status: 'accepted' })).toBe(true);
    expect(isPending({ status: 'timeout' })).toBe(false);
  });
});

describe('commandLabel', () => {
  it('names set-time and interval commands by CN', () => {
    expect(lookup(commandLabel({ cn: '1012', params: { SystemTime: '20261123194228' } }).key!)).toBe('校时');
    expect(lookup(commandLabel({ cn: '1062', params: { RtdInterval: 30 } }).key!)).toBe('设置实时数据间隔');
    expect(commandLabel({ cn: '9999', params: {} }).key).toBeNull();
  });

  it('calls a data CN with a period a re-send, a bare 2011 a start', () => {
    const resend = commandLabel({
      cn: '2061',
      params: { BeginTime: '20261123000000', EndTime: '20261123100000' },
    });
    expect(resend).toEqual({ key: 'monitoring.cn.resend', whatKey: 'monitoring.cn.2061' });
    expect(lookup(resend.whatKey!)).toBe('小时数据');
    expect(commandLabel({ cn: '2011', params: {} }).key).toBe('monitoring.cn.startRealtime');
  });
});

describe('formatParams', () => {
  it('makes HJ 212 times readable', () => {
    expect(formatParams({ BeginTime: '20261123000000', EndTime: '20261123100000' })).toBe(
      'BeginTime=2026-11-23 00:00:00；EndTime=2026-11-23 10:00:00',
    );
    expect(formatParams({ MinInterval: 10 })).toBe('MinInterval=10');
    expect(formatParams({})).toBe('');
  });
});
