// Long tails make unreadable bar charts: keep the largest rows and sum the rest into one.

export function topRows<R extends { key: string; name: string; count: number }>(
  rows: R[],
  limit: number,
  restLabel: string,
): { key: string; name: string; count: number }[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1).reduce((n, r) => n + r.count, 0);
  return [...sorted.slice(0, limit - 1), { key: '', name: restLabel, count: rest }];
}
