/// <reference types="node" />
import { defineConfig } from '@playwright/test';

// The e2e run never downloads a browser: Debian's Chromium, or the one CHROMIUM_PATH names.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/harness/global-setup.ts',
  globalTeardown: './e2e/harness/global-teardown.ts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results',
  projects: [
    { name: 'app', testIgnore: /platform-settings\.spec\.ts/ },
    // Platform settings apply to every session, so that test runs after all the others.
    { name: 'platform-wide', testMatch: /platform-settings\.spec\.ts/, dependencies: ['app'] },
  ],
  use: {
    // Set by the global setup, which starts the API on a free port; workers re-read the config.
    baseURL: process.env.E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
