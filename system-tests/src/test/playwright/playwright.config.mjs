// The browser test of the operator console: OperatorConsoleBrowserTests starts the services and
// the console, then runs this with their addresses in FLUX_* variables.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: `${process.env.FLUX_PLAYWRIGHT_OUTPUT || 'target'}/results`,
  // A loaded two-core machine: generous ceilings; every wait is on a condition.
  timeout: 5 * 60 * 1000,
  expect: { timeout: 60 * 1000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.FLUX_CONSOLE_URL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.FLUX_CHROMIUM || '/usr/bin/chromium' },
  },
});
