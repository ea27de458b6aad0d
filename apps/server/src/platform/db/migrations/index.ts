import { up as platform } from './0001-platform';
import { up as registry } from './0002-registry';
import { up as monitoring } from './0003-monitoring';
import { up as monitoringAggregates } from './0004-monitoring-aggregates';
import { up as standards } from './0005-standards';
import { up as filings } from './0006-filings';
import { up as outletLimits } from './0007-outlet-limits';
import { up as alarms } from './0008-alarms';
import { up as compliance } from './0009-compliance';

/** Applied in order, each once, each in its own transaction. Never edit a released migration. */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [
  { id: '0001-platform', sql: platform },
  { id: '0002-registry', sql: registry },
  { id: '0003-monitoring', sql: monitoring },
  { id: '0004-monitoring-aggregates', sql: monitoringAggregates },
  { id: '0005-standards', sql: standards },
  { id: '0006-filings', sql: filings },
  { id: '0007-outlet-limits', sql: outletLimits },
  { id: '0008-alarms', sql: alarms },
  { id: '0009-compliance', sql: compliance },
];
