export * from './judge';
export * from './merge-episodes';
export * from './pollutant-names';
export * from './types';
export * from './verdict-facts';
export * from './verdict-text';
