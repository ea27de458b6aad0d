export * from './draft';
export * from './figures';
