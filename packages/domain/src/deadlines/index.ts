export * from './calendar';
export * from './date-text';
export * from './rules';
export * from './status';
