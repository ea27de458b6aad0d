// A map without tiles: a lng/lat scatter whose axes keep distances true, so the city keeps its shape.

export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

const MIN_SPAN = 0.02; // degrees: a lone point still gets a readable neighbourhood

/**
 * Axis bounds that contain every point with a margin and make one kilometre east as long on screen
 * as one kilometre north: a degree of longitude is cos(latitude) times a degree of latitude.
 */
export function equalAspectBounds(
  points: readonly { lng: number; lat: number }[],
  plotWidth: number,
  plotHeight: number,
  margin = 0.08,
): Bounds | null {
  if (points.length === 0 || plotWidth <= 0 || plotHeight <= 0) return null;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const midLng = (minLng + maxLng) / 2;
  const midLat = (minLat + maxLat) / 2;
  const cos = Math.cos((midLat * Math.PI) / 180);
  let lngSpan = Math.max(maxLng - minLng, MIN_SPAN) * (1 + 2 * margin);
  let latSpan = Math.max(maxLat - minLat, MIN_SPAN) * (1 + 2 * margin);
  const screenRatio = plotWidth / plotHeight;
  if ((lngSpan * cos) / latSpan < screenRatio) lngSpan = (latSpan * screenRatio) / cos;
  else latSpan = (lngSpan * cos) / screenRatio;
  return {
    minLng: midLng - lngSpan / 2,
    maxLng: midLng + lngSpan / 2,
    minLat: midLat - latSpan / 2,
    maxLat: midLat + latSpan / 2,
  };
}
