import { describe, expect, it } from 'vitest';
import { axisTimeOf } from './axis-time';

describe('axisTimeOf', () => {
  it('reads axisValue, or the first value of a [time, y] point, of one param or a list', () => {
    expect(axisTimeOf([{ axisValue: 1000 }])).toBe(1000);
    expect(axisTimeOf({ value: [2000, 5] })).toBe(2000);
    expect(axisTimeOf([{ value: 7 }])).toBeNaN();
    expect(axisTimeOf([])).toBeNaN();
  });
});
