export * from './notices';
export * from './periods';
