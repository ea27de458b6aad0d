export * from './categories';
export * from './chain-reasons';
export { candidateLabel, formatLimitValue } from './describe';
export * from './resolution';
export * from './resolve-limit';
export * from './standards-data';
export * from './types';
