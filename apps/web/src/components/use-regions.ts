import { useEffect, useState } from 'react';
import { listGrids, listRegions } from '../api/misc';
import type { Grid, Region } from '../api/types';

// Regions change rarely: one request per key for the page's lifetime.
const cache = new Map<string, Promise<Region[]>>();

function cached(key: string, load: () => Promise<Region[]>): Promise<Region[]> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load().catch((err: unknown) => {
      cache.delete(key);
      throw err;
    });
    cache.set(key, hit);
  }
  return hit;
}

export function useRegions(query: { level?: string; parent?: string | null }): Region[] {
  const [regions, setRegions] = useState<Region[]>([]);
  const { level, parent } = query;
  useEffect(() => {
    if (parent === null) {
      setRegions([]);
      return;
    }
    let live = true;
    const key = `${level ?? ''}|${parent ?? ''}`;
    cached(key, () => listRegions({ level, parent })).then(
      (items) => live && setRegions(items),
      () => live && setRegions([]),
    );
    return () => {
      live = false;
    };
  }, [level, parent]);
  return regions;
}

export function useGrids(townshipCode: string | null | undefined): Grid[] {
  const [grids, setGrids] = useState<Grid[]>([]);
  useEffect(() => {
    if (!townshipCode) {
      setGrids([]);
      return;
    }
    let live = true;
    listGrids({ townshipCode }).then(
      (items) => live && setGrids(items),
      () => live && setGrids([]),
    );
    return () => {
      live = false;
    };
  }, [townshipCode]);
  return grids;
}
