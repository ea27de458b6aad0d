export * from './form';
export * from './validation';
