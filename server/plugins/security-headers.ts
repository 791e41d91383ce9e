/**
 * Security headers on every reply (@fastify/helmet) and a Content-Security-Policy the pages work
 * under: scripts, styles, images, fetches and the service worker from this origin only, nothing
 * framed, no plugins. The few inline blocks are allowed by their hash, not by 'unsafe-inline': the
 * survey's boot script in the built HTML (it starts the first API request while the app's code
 * is still downloading; if the page was rebuilt after the server started, the stale hash blocks
 * it and the app fetches for itself) and the styles of the pages the server writes.
 *
 * No upgrade-insecure-requests: over plain HTTP on an office network the survey must still load
 * its own files. Cross-origin requests get no CORS headers at all (closed by default); no route
 * is meant to be called from another site's pages.
 */
import helmet from '@fastify/helmet';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP source expressions for the inline scripts (without src) and styles of an HTML page. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  return { scripts, styles };
}

function builtPages(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(root, f), 'utf8'));
}

export interface SecurityHeaderOptions {
  /** The built UI's folder, whose pages' inline blocks are allowed by hash. */
  uiRoot: string;
  /** The inline styles of the pages the server writes itself (posters, fallback pages), allowed by hash. */
  inlineStyles: string[];
}

export const securityHeadersPlugin = fp<SecurityHeaderOptions>(
  async (app, { uiRoot, inlineStyles }) => {
    const found = [...builtPages(uiRoot).map(inlineHashes), { scripts: [], styles: inlineStyles.map(sha256) }];
    const unique = (list: string[]) => [...new Set(list)];
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...unique(found.flatMap((f) => f.scripts))],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", ...unique(found.flatMap((f) => f.styles))],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Behind HTTPS the browser keeps to it; not for sibling domains, which the province may run otherwise.
      strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
      frameguard: { action: 'deny' },
    });
  },
  { name: 'security-headers' },
);
