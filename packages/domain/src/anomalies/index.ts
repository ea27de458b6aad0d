export * from './defaults';
export * from './evaluate';
export * from './labels';
export * from './types';
