// `npm run bench`: prints the speed figures the issues ask for, measured in one run on this machine.
import { alarmLatencyBench } from './bench/alarms';
import { anomalyRulesBench } from './bench/anomaly-rules';
import { gatewayBench } from './bench/gateway';
import { monitoringQueriesBench } from './bench/monitoring-queries';
import { registryListBench } from './bench/registry-list';
import { startupBench } from './bench/startup';

const only = process.argv[2];
const results: Record<string, unknown> = {};
if (!only || only === 'startup') results.startup = await startupBench();
if (!only || only === 'list') {
  results.listPostgres = await registryListBench('postgres');
  results.listPglite = await registryListBench('pglite');
}
if (!only || only === 'gateway') {
  results.gatewayPostgres = await gatewayBench('postgres');
  results.gatewayPglite = await gatewayBench('pglite');
}
if (!only || only === 'monitoring') {
  results.monitoringPostgres = await monitoringQueriesBench('postgres');
  results.monitoringPglite = await monitoringQueriesBench('pglite');
}
if (!only || only === 'alarms') {
  results.alarmLatencyPostgres = await alarmLatencyBench('postgres');
  results.alarmLatencyPglite = await alarmLatencyBench('pglite');
  results.anomalyRules = await anomalyRulesBench();
}
console.log(JSON.stringify(results));
process.exit(0);
