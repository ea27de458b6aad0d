import { describe, expect, it } from 'vitest';
import { equalAspectBounds } from './map-geometry';

const kmRatio = (b: NonNullable<ReturnType<typeof equalAspectBounds>>) => {
  const cos = Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180);
  return ((b.maxLng - b.minLng) * cos) / (b.maxLat - b.minLat);
};

describe('equalAspectBounds', () => {
  const points = [
    { lng: 112.1, lat: 28.3 },
    { lng: 112.6, lat: 28.7 },
    { lng: 112.3, lat: 28.5 },
  ];

  it.each([
    [800, 400],
    [400, 800],
    [600, 600],
  ])('matches a %i×%i plot and contains every point', (w, h) => {
    const b = equalAspectBounds(points, w, h)!;
    expect(kmRatio(b)).toBeCloseTo(w / h, 6);
    for (const p of points) {
      expect(p.lng).toBeGreaterThan(b.minLng);
      expect(p.lng).toBeLessThan(b.maxLng);
      expect(p.lat).toBeGreaterThan(b.minLat);
      expect(p.lat).toBeLessThan(b.maxLat);
    }
  });

  it('handles one point and no points', () => {
    const b = equalAspectBounds([{ lng: 112, lat: 28 }], 500, 500)!;
    expect(b.maxLat - b.minLat).toBeGreaterThan(0);
    expect(equalAspectBounds([], 500, 500)).toBeNull();
    expect(equalAspectBounds(points, 0, 500)).toBeNull();
  });
});
