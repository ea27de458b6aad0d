#!/usr/bin/env node
// The package ships TypeScript source (the monorepo runs it through tsx), so the bin registers
// tsx's loader first. tsx is a devDependency of the repository root.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
await run();
