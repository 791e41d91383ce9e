/**
 * What a browser test's pages did, kept so that a failure on a busy CI machine says what the page
 * showed and which requests went wrong, rather than only which element never appeared.
 */
import type { BrowserContext, Page } from 'playwright-core';

const MAX_EVENTS = 40;
const MAX_TEXT = 1_500;

export class PageTrace {
  private readonly events: string[] = [];
  private readonly started = Date.now();

  watch(context: BrowserContext): void {
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.note(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.note(`page error: ${error.message}`));
    page.on('requestfailed', (request) => this.note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.note(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.note(`navigated to ${frame.url()}`);
    });
  }

  private note(event: string): void {
    this.events.push(`+${((Date.now() - this.started) / 1000).toFixed(1)} s ${event}`);
    if (this.events.length > MAX_EVENTS) this.events.shift();
  }

  /** The pages' addresses, focused elements and visible text now, after the events recorded. */
  async report(contexts: BrowserContext[]): Promise<string> {
    const lines = ['What the pages did:', ...this.events.map((e) => `  ${e}`)];
    for (const page of contexts.flatMap((c) => c.pages())) {
      const state = await withinSeconds(
        5,
        page.evaluate(() => ({
          focused: document.activeElement
            ? `${document.activeElement.tagName.toLowerCase()}${document.activeElement.getAttribute('name') ? `[name=${document.activeElement.getAttribute('name')}]` : ''}`
            : 'none',
          text: document.body?.innerText ?? '',
        })),
      ).catch((error: Error) => ({ focused: '?', text: `(not readable: ${error.message})` }));
      lines.push(
        `Page ${page.url()} (focus on ${state.focused}):`,
        ...state.text
          .slice(0, MAX_TEXT)
          .split('\n')
          .filter(Boolean)
          .map((l) => `  | ${l}`),
      );
    }
    return lines.join('\n');
  }
}

/** A stuck page must not turn a test's failure into a hook's time-out. */
function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
