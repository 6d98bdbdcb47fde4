import { defineConfig } from 'vitest/config';
import { phantomFingerprint } from './scripts/phantom-fingerprint.mjs';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['tests/shared/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'db', include: ['tests/db/**/*.test.ts'], environment: 'node' } },
      {
        // The demo cache keys generated imaging by the generator's fingerprint, as the build does.
        define: { __SCR_PHANTOM_FINGERPRINT__: JSON.stringify(phantomFingerprint()) },
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
