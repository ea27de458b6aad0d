import { defineConfig } from 'vitest/config';

// One runner, four projects. Storage tests run twice: on the embedded database (PGlite)
// and on the PostgreSQL server at 127.0.0.1:5432 — the same files, chosen by DB_KIND.
const serverTests = ['apps/server/test/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: serverTests,
          env: { DB_KIND: 'pglite' },
          // The files share a worker's loaded modules (each builds its own app and database): no
          // module state is shared between files, and importing the server once saves a re-import per file.
          isolate: false,
          globalSetup: ['apps/server/test/support/template-setup-pglite.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: serverTests,
          env: { DB_KIND: 'postgres' },
          // The files share a worker's loaded modules (each builds its own app and database): no
          // module state is shared between files, and importing the server once saves a re-import per file.
          isolate: false,
          globalSetup: ['apps/server/test/support/template-setup-postgres.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/template-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
