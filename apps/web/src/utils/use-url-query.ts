import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type QueryPatch = Record<string, string | number | undefined>;

/**
 * A page's state in its URL query: the current params and a setter that patches them (undefined or ''
 * removes a key) without adding a history entry, so a filtered list is a link.
 */
export function useUrlQuery(): readonly [URLSearchParams, (patch: QueryPatch) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: QueryPatch) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  return [params, set] as const;
}

/** `page` and `pageSize` from the query: page ≥ 1, 1 ≤ pageSize ≤ 200 (default 20). */
export function pageOf(params: URLSearchParams): { page: number; pageSize: number } {
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
}
