export * from './campaign';
export * from './spot-check';
export * from './task-breakdown';
