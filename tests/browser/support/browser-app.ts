/**
 * One test file's set-up for browser tests: the real app on a fresh database and one Chromium,
 * the database emptied and every phone closed after each test; a failed test prints what its pages
 * did and showed.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AppOptions } from '../../../server/app.ts';
import type { TestDatabase } from '../../support/database.ts';
import { launchChromium, phoneContext } from './chromium.ts';
import { PageTrace } from './page-trace.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface Phone {
  context: BrowserContext;
  page: Page;
}

export interface BrowserApp {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url(path?: string): string;
  database(): TestDatabase;
  browser(): Browser;
  /** A new phone (fresh storage) with one open page; closed after the test. */
  phone(options?: BrowserContextOptions): Promise<Phone>;
}

export function useBrowserApp(options: Omit<AppOptions, 'database'> = {}): BrowserApp {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let trace = new PageTrace();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(options), launchChromium()]);
  });
  beforeEach(async () => {
    trace = new PageTrace();
    await server.database.reset();
  });
  afterEach(async (test) => {
    if (test.task.result?.state === 'fail') console.error(`${test.task.name}\n${await trace.report(contexts)}`);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    url: (path = '') => `${server.url}${path}`,
    database: () => server.database,
    browser: () => browser,
    async phone(contextOptions = {}) {
      const context = await phoneContext(browser, contextOptions);
      contexts.push(context);
      trace.watch(context);
      return { context, page: await context.newPage() };
    },
  };
}
