import { describe, expect, it } from 'vitest';
import { actionBody, stepDetailRows } from './sheet-actions';

describe('actionBody', () => {
  it('signs with the version, an optional note and the device suspicion', () => {
    expect(actionBody('sign', 3, {})).toEqual({ action: 'sign', version: 3, deviceSuspected: false });
    expect(actionBody('sign', 3, { note: ' 已安排核查 ', deviceSuspected: true })).toEqual({
      action: 'sign',
      version: 3,
      note: '已安排核查',
      deviceSuspected: true,
    });
  });

  it('explains with both texts trimmed', () => {
    expect(actionBody('explain', 2, { explanation: ' 脱硫塔故障 ', selfCorrection: '已修复' })).toEqual({
      action: 'explain',
      version: 2,
      explanation: '脱硫塔故障',
      selfCorrection: '已修复',
      deviceSuspected: false,
    });
  });

  it('verifies, concludes and closes with their own fields', () => {
    expect(actionBody('verify_device', 4, { finding: '探头污染', deviceFaulty: true })).toEqual({
      action: 'verify_device',
      version: 4,
      finding: '探头污染',
      deviceFaulty: true,
    });
    expect(actionBody('conclude', 5, { conclusion: 'false_alarm', note: '误报' })).toEqual({
      action: 'conclude',
      version: 5,
      conclusion: 'false_alarm',
      note: '误报',
    });
    expect(actionBody('close', 6, { note: '' })).toEqual({ action: 'close', version: 6 });
  });
});

describe('stepDetailRows', () => {
  it('lists the known keys that have a value, in a fixed order', () => {
    expect(
      stepDetailRows({
        note: '好',
        deviceSuspected: false,
        unknown: 1,
        explanation: '说明',
        selfCorrection: '',
      }),
    ).toEqual([
      { key: 'explanation', value: '说明' },
      { key: 'deviceSuspected', value: false },
      { key: 'note', value: '好' },
    ]);
    expect(stepDetailRows(null)).toEqual([]);
  });
});
