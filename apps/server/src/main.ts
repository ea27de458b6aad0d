import { startAlarmEngine } from './alarms/engine/alarm-engine';
import { InboxBus } from './alarms/inbox/inbox-bus';
import { LogChannel } from './alarms/inbox/outbound';
import { buildApp } from './app';
import { seedAlarmHistory } from './demo/seed-alarm-history';
import { DEMO_PASSWORD, demoLogins, seedDemoCity } from './demo/seed-city';
import { seedComplianceHistory } from './demo/seed-compliance-history';
import { startAggregator } from './monitoring/aggregation/aggregator';
import { startGateway } from './monitoring/gateway/gateway';
import { bootstrap, StartupRefused } from './platform/bootstrap/bootstrap';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { startReminderLoop } from './todos/reminders';

/** Process entry: configuration, database, bootstrap, listen, shutdown. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    // The demo city, its alarm history of the last three days (sheets in every state), then its
    // compliance programme at work (forms, ledgers, sign-offs, reports).
    await bootstrap(database.db, config, async (db) => {
      await seedDemoCity(db);
      await seedAlarmHistory(db, new Date());
      await seedComplianceHistory(db, new Date());
    });
  } catch (error) {
    await database.close();
    if (error instanceof StartupRefused) {
      console.error(`拒绝启动：${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const verbose = process.env.LOG_LEVEL !== 'silent' && process.env.LOG_LEVEL !== undefined;
  const gateway = await startGateway({
    database,
    port: config.hj212Port,
    host: config.host,
    ...(process.env.RAW_RETENTION_DAYS ? { rawRetentionDays: Number(process.env.RAW_RETENTION_DAYS) } : {}),
    log: (event, detail) => {
      if (verbose || event === 'store-retry') console.log(`gateway ${event} ${JSON.stringify(detail)}`);
    },
  });
  const inbox = new InboxBus();
  const app = await buildApp({
    database,
    config,
    gateway,
    inbox,
    logger: process.env.LOG_LEVEL !== 'silent' && process.env.LOG_LEVEL !== undefined,
  });
  // Valid hourly/daily values and rates from the queued hours; stopped before the database closes.
  // Then the alarm engine judges what the aggregator wrote (A1), sweeps the anomaly rules (A2) and
  // escalates overdue sheets (A3). New data kick the aggregator, its results kick the engine.
  if (config.aggregator) {
    const engine = startAlarmEngine(database.db, {
      intervalMs: config.aggregatorIntervalMs,
      inbox,
      outbound: new LogChannel((line) => verbose && console.log(line)),
    });
    const aggregator = startAggregator(database.db, {
      intervalMs: config.aggregatorIntervalMs,
      // Short runs (one transaction of 10 monitor-hours): an urgent hour never waits long behind
      // minute work, and the engine hears of each run as soon as it commits.
      limit: 10,
      onRun: () => engine.kick(),
    });
    const unsubscribe = gateway.live.subscribeAll(() => aggregator.kick());
    app.addHook('onClose', async () => {
      unsubscribe();
      await aggregator.stop();
      await engine.stop();
    });
  }
  // Reminders of the deadline engine: to-dos becoming due or overdue, monthly problem follow-ups.
  const stopReminders = startReminderLoop(database.db, { intervalMs: 60_000 });
  app.addHook('onClose', async () => stopReminders());
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  console.log(
    `\ndabiao 达标 is running at ${url}  (database: ${where}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`API docs: ${url}/api/v1/docs`);
  console.log(`HJ 212 gateway: tcp://localhost:${config.hj212Port}`);
  if (config.demo) {
    console.log(`\nDemo city 益阳市 — every demo login uses the password "${DEMO_PASSWORD}":`);
    for (const u of demoLogins())
      console.log(`  ${u.username.padEnd(14)} ${u.role.padEnd(11)} ${u.displayName}`);
  }
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    await app.close();
    await gateway.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
