// @dabiao/simulator — HJ 212-2017 data-acquisition-unit (数采仪) simulator: deterministic data
// generators per outlet profile and scenario, a TCP unit client, and a runner for many units.
export type { Profile } from './air-profiles.js';
export { type ClientEvent, type ClientStats, UnitClient, type UnitClientOptions } from './client.js';
export { type CommandTarget, handleCommand, type UnitSettings } from './commands.js';
export {
  createUnitGenerator,
  type Due,
  type GeneratorOptions,
  type RecordsOptions,
  Schedule,
  UnitGenerator,
} from './generator.js';
export {
  CONTINUOUS,
  DAY_SHIFT,
  type LoadCycle,
  POWER_DEMAND,
  SEWAGE_INFLOW,
  TWO_SHIFTS,
} from './load-cycles.js';
export { encodeRecord, MAX_SEGMENT, recordPackets } from './packets.js';
export { defaultModel, type PollutantModel, type Role } from './pollutant-models.js';
export { createRandom, hashInts, hashString, mulberry32, normalAt, smoothNoise, uniformAt } from './prng.js';
export { PROFILES, type ProfileName, resolveProfile, unitModels } from './profiles.js';
export {
  runSimulation,
  type SimEvent,
  type SimStats,
  type SimulationHandle,
  type SimulationOptions,
} from './runner.js';
export { demoScenarioMix } from './scenario-mix.js';
export { dayWindows, type Window, type WindowKind } from './scenario-windows.js';
export { isScenario, SCENARIO_NAMES, SCENARIOS, type ScenarioName } from './scenarios.js';
export { type Sample, UnitSignal } from './signal.js';
export type { DataRecord, PollutantFields, SimUnit, UploadCn } from './types.js';
