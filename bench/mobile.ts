/**
 * npm run bench:mobile — the citizens' survey on a cheap phone over a mobile network, cache empty:
 * time from navigation until the first question can be answered, and the bytes transferred for
 * it. Headless Chromium (Debian's, through playwright-core) with CDP throttling: 360×640, CPU 4×
 * slower, and two networks. Targets: ≤ 1.0 s at 150 ms RTT / 1.6 Mbit/s (Lighthouse's mobile
 * profile), ≤ 2.5 s at 400 ms RTT / 400 kbit/s, ≤ 40 KB compressed for everything the first
 * screen needs. Options: --runs N (default 5, the median is reported).
 * A benchmark, not a test: figures vary with the machine's load.
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../db/client.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { buildApp } from '../server/app.ts';
import { ensureUiBuilt } from '../survey-ui/build/ensure-built.ts';
import { launchChromium, throttledPhonePage } from '../tests/browser/support/chromium.ts';
import { demoLinkToken } from '../tests/browser/support/links.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

interface Network {
  name: string;
  rttMs: number;
  downKbps: number;
  upKbps: number;
  targetMs: number;
}

const networks: Network[] = [
  { name: '150 ms RTT, 1.6 Mbit/s', rttMs: 150, downKbps: 1600, upKbps: 750, targetMs: 1000 },
  { name: '400 ms RTT, 400 kbit/s', rttMs: 400, downKbps: 400, upKbps: 400, targetMs: 2500 },
];
const BYTES_TARGET = 40 * 1024;
const CPU_SLOWDOWN = 4;

interface Measurement {
  firstQuestionMs: number;
  bytes: number;
  requests: Array<{ name: string; bytes: number }>;
}

async function measure(browser: Browser, url: string, network: Network): Promise<Measurement> {
  // A first visit: fresh profile, so no HTTP cache, no service worker, no stored survey.
  const { context, page } = await throttledPhonePage(browser, network, CPU_SLOWDOWN);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('sipas:first-question').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName('sipas:first-question')[0].startTime;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= mark);
      const requests = [navigation, ...resources].map((r) => ({ name: new URL(r.name).pathname, bytes: r.transferSize }));
      return { firstQuestionMs: mark, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
    });
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

console.log(`UI: ${ensureUiBuilt()}`);
const database = await openDatabase({});
await database.migrate();
await seedDatabase(database.db);
const app = await buildApp({ database, rateLimits: { perDevicePerMinute: 100_000, perLinkPerMinute: 100_000 } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const url = `${base}/s/${await demoLinkToken(database.db)}`;
const browser = await launchChromium();

try {
  console.log(`\nSurvey first screen on a 360×640 phone, CPU ${CPU_SLOWDOWN}× slower, cache empty; median of ${runs} runs`);
  let bytesSeen: Measurement | undefined;
  for (const network of networks) {
    const results: Measurement[] = [];
    for (let i = 0; i < runs; i++) results.push(await measure(browser, url, network));
    const times = results.map((r) => r.firstQuestionMs);
    const mid = median(times);
    bytesSeen ??= results[0];
    console.log(
      `  ${network.name.padEnd(24)} first question answerable ${(mid / 1000).toFixed(2)} s ` +
        `(target ≤ ${(network.targetMs / 1000).toFixed(1)} s: ${verdict(mid <= network.targetMs)}); ` +
        `runs ${times.map((t) => (t / 1000).toFixed(2)).join(' ')}`,
    );
  }
  const m = bytesSeen!;
  console.log(`  transferred for the first screen ${(m.bytes / 1024).toFixed(1)} KB (target ≤ 40 KB: ${verdict(m.bytes <= BYTES_TARGET)})`);
  for (const r of m.requests) console.log(`    ${(r.bytes / 1024).toFixed(1).padStart(6)} KB  ${r.name}`);
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
