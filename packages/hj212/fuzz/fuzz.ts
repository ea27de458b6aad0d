import { fuzz } from './run.js';

// The long run: `npm run fuzz -w packages/hj212 [-- runs seed]`, default 1,000,000 mutants.
// CI runs 20,000 of them in test/fuzz.test.ts.
const runs = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const batch = 100_000;
let done = 0;
const totals: Record<string, number> = {};
let ok = 0;
let slowest = 0;
const t0 = performance.now();
while (done < runs) {
  const n = Math.min(batch, runs - done);
  const r = fuzz(n, seed + done);
  done += n;
  ok += r.ok;
  slowest = Math.max(slowest, r.slowestMs);
  for (const [code, count] of Object.entries(r.errors)) totals[code] = (totals[code] ?? 0) + count;
  console.log(`${done} mutants, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(
  JSON.stringify({ runs, seed, decodedOk: ok, errors: totals, slowestMs: Number(slowest.toFixed(3)) }),
);
