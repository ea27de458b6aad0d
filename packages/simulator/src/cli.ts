// `npm run simulate`: many simulated units talking HJ 212 to the gateway. See README.md.
import { isoShanghai } from '@dabiao/hj212';
import { type CliOptions, parseCliOptions, USAGE } from './cli-options.js';
import { runSimulation, type SimStats } from './runner.js';
import { demoScenarioMix } from './scenario-mix.js';
import { unitsFromApi, unitsFromFile } from './unit-source.js';

function line(s: SimStats): string {
  return [
    `[${isoShanghai(s.simTime).slice(0, 19)}]`,
    `units ${s.units}`,
    `connected ${s.connected}`,
    `sent ${s.sent}`,
    `answered ${s.answered}`,
    `retries ${s.retries}`,
    `failures ${s.failures}`,
    `pending ${s.pending}`,
    `commands ${s.commands}`,
    `finished ${s.finished}`,
  ].join('  ');
}

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCliOptions(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  let units = opts.unitsFile
    ? await unitsFromFile(opts.unitsFile)
    : await unitsFromApi(opts.api!, opts.user, opts.password);
  if (opts.count !== undefined) units = units.slice(0, opts.count);
  if (units.length === 0) throw new Error('no units to simulate');
  const scenarios = opts.mix === 'demo' ? demoScenarioMix(units) : undefined;
  let errors = 0;
  const run = (extra: { speed: number; start?: Date; end?: Date; realtime: boolean }) => {
    const mode = extra.speed === Number.POSITIVE_INFINITY ? 'backfill' : `speed ${extra.speed}`;
    console.log(
      `simulating ${units.length} unit(s) → ${opts.host}:${opts.port}, ${mode}, scenario ${opts.mix ?? opts.scenario}, seed ${opts.seed}`,
    );
    return runSimulation({
      host: opts.host,
      port: opts.port,
      units,
      seed: opts.seed,
      scenario: opts.scenario,
      ...(scenarios ? { scenarios } : {}),
      ...extra,
      onEvent: (e) => {
        // Connection errors repeat on every reconnect attempt: print the first few only.
        if (e.type === 'error' && ++errors <= 5) console.error(`${e.mn}: ${e.message}`);
      },
    });
  };
  const phases: { speed: number; start?: Date; end?: Date; realtime: boolean }[] = [];
  if (opts.backfillHours !== undefined) {
    const now = Date.now();
    // From a whole hour, so the first backfilled hour is complete (else it counts as invalid).
    const start = new Date(Math.floor((now - opts.backfillHours * 3_600_000) / 3_600_000) * 3_600_000);
    phases.push({ speed: Number.POSITIVE_INFINITY, start, end: new Date(now), realtime: false });
    phases.push({ speed: 1, start: new Date(now), realtime: opts.realtime });
  } else {
    phases.push({
      speed: opts.speed,
      realtime: opts.realtime,
      ...(opts.from ? { start: opts.from } : {}),
      ...(opts.to ? { end: opts.to } : {}),
    });
  }
  let stopped = false;
  for (const phase of phases) {
    if (stopped) break;
    const sim = run(phase);
    const timer = setInterval(() => console.log(line(sim.stats)), 10_000);
    const onSignal = () => {
      stopped = true;
      void sim.stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const final = await sim.done;
    clearInterval(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    console.log(`done  ${line(final)}`);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exitCode = 1;
});
