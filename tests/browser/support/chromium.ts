/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless, with the
 * flags that keep it quiet and working in containers and on CI.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const launchOptions = () => ({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A cheap Android phone: 360×640 CSS pixels, touch, Vietnamese locale. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  userAgent: 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};

/**
 * A phone whose browser profile lives in `profileDir`: closing it and launching again with the
 * same folder is a browser restart with storage, caches and service workers kept.
 */
export function launchPhoneProfile(profileDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...launchOptions(), ...PHONE, ...options });
}

/** A fresh phone: its own storage, cache and service workers, as if never used. */
export function phoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, ...options });
}

/** A phone's network, as the benchmarks emulate it. */
export interface PhoneNetwork {
  rttMs: number;
  downKbps: number;
  upKbps: number;
}

/**
 * A page on a fresh phone (no HTTP cache, no service worker, no storage) whose network is slowed to
 * `network` and whose CPU runs `cpuSlowdown` times slower: a first visit on a cheap phone. The
 * caller closes the context.
 */
export async function throttledPhonePage(browser: Browser, network: PhoneNetwork, cpuSlowdown: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.rttMs,
    downloadThroughput: (network.downKbps * 1000) / 8,
    uploadThroughput: (network.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return { context, page };
}
