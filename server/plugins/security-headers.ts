/**
 * Security headers on every reply (helmet) and a Content-Security-Policy the pages work
 * under: scripts, styles, images, fetches and the service worker from this origin only, nothing
 * framed, no plugins. The few inline blocks are allowed by their hash, not by 'unsafe-inline': the
 * survey's boot script in the built HTML (it starts the first API request while the app's code
 * is still downloading; if the page was rebuilt after the server started, the stale hash blocks
 * it and the app fetches for itself) and the styles of the pages the server writes.
 *
 * No upgrade-insecure-requests: over plain HTTP on an office network the survey must still load
 * its own files. Cross-origin requests get no CORS headers at all (closed by default); no route
 * is meant to be called from another site's pages.
 *
 * The headers are the same for every reply, so helmet works them out once, at start. Its Fastify
 * wrapper (@fastify/helmet) builds helmet's middleware again for every request, re-parsing the
 * policy: under load that was a twentieth of the server's CPU time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP source expressions for the inline scripts (without src) and styles of an HTML page. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  return { scripts, styles };
}

function builtPages(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(join(root, f), 'utf8'));
}

export interface SecurityHeaderOptions {
  /** The built UI's folder, whose pages' inline blocks are allowed by hash. */
  uiRoot: string;
  /** The inline styles of the pages the server writes itself (posters, fallback pages), allowed by hash. */
  inlineStyles: string[];
}

/** The headers helmet's middleware sets with these options, by lower-case name. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityHeadersPlugin = fp<SecurityHeaderOptions>(
  async (app, { uiRoot, inlineStyles }) => {
    const found = [...builtPages(uiRoot).map(inlineHashes), { scripts: [], styles: inlineStyles.map(sha256) }];
    const unique = (list: string[]) => [...new Set(list)];
    const headers = helmetHeaders({
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
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
