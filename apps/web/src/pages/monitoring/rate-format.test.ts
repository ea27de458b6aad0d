import { describe, expect, it } from 'vitest';
import { belowTarget, formatRate, formatValue, RATE_COLORS, rateColor, ratePercent } from './rate-format';

describe('formatRate', () => {
  it('shows a fraction as a percentage with two decimals', () => {
    expect(formatRate(0.9894736842105263)).toBe('98.95%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(0)).toBe('0.00%');
    expect(formatRate(0.5, 0)).toBe('50%');
  });

  it('shows a dash when nothing was expected', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});

describe('target', () => {
  it('is below 90 % strictly; 90 % itself meets it; no rate is not below', () => {
    expect(belowTarget(0.8999)).toBe(true);
    expect(belowTarget(0.9)).toBe(false);
    expect(belowTarget(27 / 30)).toBe(false);
    expect(belowTarget(null)).toBe(false);
  });

  it('colours red below, green at or above, grey without a rate', () => {
    expect(rateColor(0.5)).toBe(RATE_COLORS.below);
    expect(rateColor(0.95)).toBe(RATE_COLORS.ok);
    expect(rateColor(null)).toBe(RATE_COLORS.none);
  });

  it('gives chart percentages with two decimals', () => {
    expect(ratePercent(0.9894736842105263)).toBe(98.95);
    expect(ratePercent(null)).toBeNull();
  });
});

describe('formatValue', () => {
  it('rounds by magnitude and drops trailing zeros', () => {
    expect(formatValue(21.846843297547522)).toBe('21.85');
    expect(formatValue(176344)).toBe('176344');
    expect(formatValue(1234.56)).toBe('1234.6');
    expect(formatValue(0.35)).toBe('0.35');
    expect(formatValue(0.12345)).toBe('0.123');
    expect(formatValue(20.1)).toBe('20.1');
    expect(formatValue(-3.456)).toBe('-3.46');
  });

  it('keeps strings and shows a dash for nothing', () => {
    expect(formatValue('7.2')).toBe('7.2');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
  });
});
