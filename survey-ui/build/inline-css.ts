/**
 * Writes a page's stylesheet into the page itself: `<style data-inline="src/x.css"></style>` in a
 * `survey-ui/*.html` gets that file's rules, comments and spaces taken out. The survey's first
 * screen then needs no request but the page (the Content-Security-Policy allows the block by its
 * hash, read from the built page at start).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { UI_ROOT } from './pages.ts';

/** Our own stylesheets only: no strings holding braces or comment marks. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export function inlineCss(): Plugin {
  return {
    name: 'sipas:inline-css',
    transformIndexHtml(html) {
      return html.replace(/<style data-inline="([^"]+)"><\/style>/g, (_m, file: string) => {
        const path = join(UI_ROOT, file);
        return `<style>${minifyCss(readFileSync(path, 'utf8'))}</style>`;
      });
    },
  };
}
