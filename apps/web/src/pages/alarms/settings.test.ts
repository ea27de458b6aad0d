import { describe, expect, it } from 'vitest';
import { setRuleParam } from './settings';

describe('setRuleParam', () => {
  it('changes one parameter and keeps the others', () => {
    const rule = { code: 'hugging-limit', enabled: true, minHours: 6, params: { share: 0.9, maxCv: 0.02 } };
    expect(setRuleParam(rule, 'share', 0.95)).toEqual({ params: { share: 0.95, maxCv: 0.02 } });
    expect(rule.params.share).toBe(0.9);
  });
});
