import { describe, expect, it } from 'vitest';
import {
  type ActionInput,
  regionScopeContains,
  SHEET_TEXT_MAX,
  type SheetFacts,
  transition,
} from '../../src/alarms/index';
import { actor, INPUT, sheet } from './helpers';

/** Applies the result to the facts, as the server would store it. */
function apply(s: SheetFacts, r: ReturnType<typeof transition>): SheetFacts {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return { ...s, state: r.next, deviceSuspected: r.deviceSuspected };
}

describe('scope', () => {
  it('a 430903 district user cannot act on a 430902 sheet', () => {
    const r = transition(sheet({ districtCode: '430902' }), actor('district'), INPUT.sign);
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('the city (430900) can close a sheet of any of its districts, and conclude one', () => {
    const city = actor('city');
    expect(
      transition(sheet({ districtCode: '430902', state: 'concluded' }), city, INPUT.close),
    ).toMatchObject({
      ok: true,
      next: 'closed',
    });
    expect(transition(sheet({ state: 'explained' }), city, INPUT.conclude)).toMatchObject({ ok: true });
  });

  it('another city (430100) cannot close a 4309xx sheet', () => {
    const r = transition(sheet({ state: 'concluded' }), actor('city', { regionCode: '430100' }), INPUT.close);
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('a district user scoped to a township cannot sign for the whole district', () => {
    const r = transition(sheet(), actor('district', { regionCode: '430903001' }), INPUT.sign);
    expect(r).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
  });

  it('the province code (430000) covers the district; admin is not scope-limited', () => {
    expect(transition(sheet(), actor('district', { regionCode: '430000' }), INPUT.sign).ok).toBe(true);
    expect(transition(sheet(), actor('admin', { regionCode: '110000' }), INPUT.sign).ok).toBe(true);
  });

  it('only the sheet’s enterprise may explain, only its operators may verify', () => {
    expect(
      transition(sheet({ state: 'signed' }), actor('enterprise', { enterpriseId: 8 }), INPUT.explain),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    expect(
      transition(sheet({ state: 'signed' }), actor('enterprise', { enterpriseId: null }), INPUT.explain),
    ).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' });
    const suspected = sheet({ state: 'explained', deviceSuspected: true });
    expect(transition(suspected, actor('operator', { operatorId: 32 }), INPUT.verify_device).ok).toBe(true);
    expect(transition(suspected, actor('operator', { operatorId: 33 }), INPUT.verify_device)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SCOPE',
    });
    expect(transition(suspected, actor('operator', { operatorId: null }), INPUT.verify_device)).toMatchObject(
      {
        ok: false,
        code: 'OUT_OF_SCOPE',
      },
    );
  });

  it.each([
    ['430900', '430903', true],
    ['430900', '430902', true],
    ['430900', '430903001', true],
    ['430000', '430903', true],
    ['430903', '430903', true],
    ['430903', '430903001', true],
    ['430903', '430902', false],
    ['430903', '430900', false],
    ['430903001', '430903', false],
    ['430903001', '430903001002', true],
    ['430100', '430903', false],
    ['000000', '430903', false],
    ['', '430903', false],
    ['4309', '430903', false],
  ])('regionScopeContains(%s, %s) = %s', (scope, code, expected) => {
    expect(regionScopeContains(scope, code)).toBe(expected);
  });
});

describe('paths through the workflow', () => {
  it('direct path: sign → explain (no device suspicion) → conclude → close', () => {
    let s = sheet();
    s = apply(s, transition(s, actor('district'), INPUT.sign));
    expect(s.state).toBe('signed');
    s = apply(s, transition(s, actor('enterprise'), INPUT.explain));
    expect(s).toMatchObject({ state: 'explained', deviceSuspected: false });
    const concluded = transition(s, actor('district'), INPUT.conclude);
    expect(concluded).toEqual({ ok: true, next: 'concluded', deviceSuspected: false, responds: true });
    s = apply(s, concluded);
    const closed = transition(s, actor('city'), INPUT.close);
    expect(closed).toEqual({ ok: true, next: 'closed', deviceSuspected: false, responds: false });
  });

  it('device path: explain with suspicion → operator verifies → conclude device_fault', () => {
    let s = sheet({ state: 'signed' });
    s = apply(
      s,
      transition(s, actor('enterprise'), { ...INPUT.explain, deviceSuspected: true } as ActionInput),
    );
    expect(s).toMatchObject({ state: 'explained', deviceSuspected: true });
    expect(transition(s, actor('district'), INPUT.conclude)).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    });
    s = apply(s, transition(s, actor('operator'), INPUT.verify_device));
    expect(s).toMatchObject({ state: 'operator_verified', deviceSuspected: true });
    const r = transition(s, actor('district'), {
      action: 'conclude',
      conclusion: 'device_fault',
      note: '探头堵塞',
    });
    expect(r).toEqual({ ok: true, next: 'concluded', deviceSuspected: true, responds: true });
  });

  it('the operator finds the device sound → suspicion cleared; device_fault is then refused', () => {
    let s = sheet({ state: 'explained', deviceSuspected: true });
    s = apply(
      s,
      transition(s, actor('operator'), { action: 'verify_device', finding: '设备正常', deviceFaulty: false }),
    );
    expect(s).toMatchObject({ state: 'operator_verified', deviceSuspected: false });
    const fault = transition(s, actor('district'), {
      action: 'conclude',
      conclusion: 'device_fault',
      note: 'x',
    });
    expect(fault).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(transition(s, actor('district'), INPUT.conclude)).toMatchObject({
      ok: true,
      deviceSuspected: false,
    });
  });

  it('device_fault without an operator verification is refused (direct path)', () => {
    const r = transition(sheet({ state: 'explained' }), actor('district'), {
      action: 'conclude',
      conclusion: 'device_fault',
      note: '企业称设备故障',
    });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('a fault found by the operator may still be concluded as a confirmed exceedance or a false alarm', () => {
    const s = sheet({ state: 'operator_verified', deviceSuspected: true });
    for (const conclusion of ['confirmed_exceedance', 'false_alarm'] as const) {
      expect(transition(s, actor('district'), { action: 'conclude', conclusion, note: '核实' })).toEqual({
        ok: true,
        next: 'concluded',
        deviceSuspected: false,
        responds: true,
      });
    }
  });

  it('the enterprise may self-report before the district signs', () => {
    expect(transition(sheet(), actor('enterprise'), INPUT.explain)).toMatchObject({
      ok: true,
      next: 'explained',
    });
  });

  it('a suspicion the district notes when signing stands when the enterprise explains without one', () => {
    let s = sheet();
    s = apply(s, transition(s, actor('district'), { action: 'sign', deviceSuspected: true }));
    expect(s.deviceSuspected).toBe(true);
    s = apply(s, transition(s, actor('enterprise'), INPUT.explain));
    expect(s).toMatchObject({ state: 'explained', deviceSuspected: true });
    expect(transition(s, actor('operator'), INPUT.verify_device).ok).toBe(true);
  });

  it('only the conclusion responds', () => {
    const steps: [SheetFacts, ReturnType<typeof actor>, ActionInput][] = [
      [sheet(), actor('district'), INPUT.sign],
      [sheet({ state: 'signed' }), actor('enterprise'), INPUT.explain],
      [sheet({ state: 'explained', deviceSuspected: true }), actor('operator'), INPUT.verify_device],
      [sheet({ state: 'concluded' }), actor('district'), INPUT.close],
    ];
    for (const [s, a, i] of steps) expect(transition(s, a, i)).toMatchObject({ ok: true, responds: false });
  });
});

describe('input validation', () => {
  const long = '超'.repeat(SHEET_TEXT_MAX + 1);
  const max = '超'.repeat(SHEET_TEXT_MAX);
  const signed = sheet({ state: 'signed' });
  const explained = sheet({ state: 'explained', deviceSuspected: true });
  const verified = sheet({ state: 'operator_verified' });

  it.each([
    ['explain: empty explanation', signed, 'enterprise', { ...INPUT.explain, explanation: '' }],
    ['explain: blank explanation', signed, 'enterprise', { ...INPUT.explain, explanation: '  \n\t ' }],
    ['explain: blank self-correction', signed, 'enterprise', { ...INPUT.explain, selfCorrection: ' ' }],
    ['explain: too long', signed, 'enterprise', { ...INPUT.explain, explanation: long }],
    ['explain: flag missing', signed, 'enterprise', { ...INPUT.explain, deviceSuspected: undefined }],
    ['verify: blank finding', explained, 'operator', { ...INPUT.verify_device, finding: '   ' }],
    ['verify: flag not a boolean', explained, 'operator', { ...INPUT.verify_device, deviceFaulty: 'yes' }],
    ['conclude: blank note', verified, 'district', { ...INPUT.conclude, note: '' }],
    ['conclude: unknown conclusion', verified, 'district', { ...INPUT.conclude, conclusion: 'maybe' }],
    ['conclude: note too long', verified, 'district', { ...INPUT.conclude, note: long }],
    ['sign: note too long', sheet(), 'district', { action: 'sign', note: long }],
    ['sign: note not text', sheet(), 'district', { action: 'sign', note: 5 }],
    ['close: note too long', sheet({ state: 'concluded' }), 'city', { action: 'close', note: long }],
    ['unknown action', sheet(), 'district', { action: 'approve' }],
  ] as [string, SheetFacts, Parameters<typeof actor>[0], unknown][])(
    '%s → INVALID_INPUT',
    (_, s, role, input) => {
      const r = transition(s, actor(role), input as ActionInput);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('2000 characters (after trimming) are accepted; optional notes may be empty', () => {
    expect(
      transition(signed, actor('enterprise'), { ...INPUT.explain, explanation: ` ${max} ` } as ActionInput)
        .ok,
    ).toBe(true);
    expect(transition(sheet(), actor('district'), { action: 'sign', note: '' }).ok).toBe(true);
    expect(
      transition(sheet({ state: 'concluded' }), actor('city'), { action: 'close', note: '已公开' }).ok,
    ).toBe(true);
  });

  it('role, scope and state are checked before the input', () => {
    const bad = { ...INPUT.explain, explanation: '' } as ActionInput;
    expect(transition(signed, actor('grid'), bad)).toMatchObject({ code: 'NOT_ALLOWED_ROLE' });
    expect(transition(signed, actor('enterprise', { enterpriseId: 9 }), bad)).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(transition(sheet({ state: 'closed' }), actor('enterprise'), bad)).toMatchObject({
      code: 'WRONG_STATE',
    });
  });
});
