export * from './columns';
export * from './labels';
export * from './sign-off';
