import type { Prng } from './prng';

/** Great-circle distance in km (haversine; plenty for a city). */
export function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** Moves a point by (east, north) km. */
export function offsetKm(lng: number, lat: number, eastKm: number, northKm: number): [number, number] {
  const dLat = northKm / 110.574;
  const dLng = eastKm / (111.32 * Math.cos((lat * Math.PI) / 180));
  return [lng + dLng, lat + dLat];
}

/** A uniformly distributed point within `radiusKm` of a centre, rounded to 6 decimals (~0.1 m). */
export function pointWithin(prng: Prng, lng: number, lat: number, radiusKm: number): [number, number] {
  const r = radiusKm * Math.sqrt(prng.next());
  const theta = prng.next() * 2 * Math.PI;
  const [x, y] = offsetKm(lng, lat, r * Math.cos(theta), r * Math.sin(theta));
  return [round6(x), round6(y)];
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
