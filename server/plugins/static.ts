/**
 * Serves the built UI (survey-ui/dist): hashed assets cached forever, pages and the service worker
 * revalidated on every load, and the .br/.gz files the build wrote sent as they are. Each page is
 * served at its routes only when its HTML exists, so a team's page appears when it is built. When
 * the UI was never built the pages say so and the API keeps working.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UI_DIST } from '../../survey-ui/build/pages.ts';
import { builtPage, newSurveyPageCache, surveyPage } from '../domain/links/survey-page.ts';

export interface UiPage {
  /** The HTML file in the build folder. */
  file: string;
  /** Where it is served; a trailing `*` covers the client-side routes below it. */
  routes: string[];
}

export const uiPages: UiPage[] = [
  // `/s/:token` is served below, with the link's data and first screen written into the page.
  { file: 'survey.html', routes: ['/s/', '/s/preview/:version'] },
  { file: 'staff.html', routes: ['/staff', '/staff/*'] },
  { file: 'results.html', routes: ['/results', '/results/*'] },
];

/** Where `/` leads, first page built wins: staff work from the start page; citizens come by QR code. */
const startPages = [
  { file: 'staff.html', location: '/staff' },
  { file: 'results.html', location: '/results' },
];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The style of the two pages written here; the Content-Security-Policy allows it by its hash (plugins/security-headers.ts). */
export const fallbackPageStyle = 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}';

const notBuilt = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>SIPAS</title><style>${fallbackPageStyle}</style>
<body>
<h1>Giao diện chưa được xây dựng</h1>
<p>Chạy <code>npm run build</code> (hoặc <code>npm start</code>, lệnh này tự xây dựng giao diện) rồi tải lại trang. API vẫn hoạt động.</p>
<p lang="en">The user interface has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload. The API keeps working.</p>
</body></html>`;

const startPage = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SIPAS</title><style>${fallbackPageStyle}</style>
<body>
<h1>Khảo sát sự hài lòng của người dân (SIPAS)</h1>
<p>Phiếu khảo sát được mở bằng mã QR tại bộ phận một cửa.</p>
<p lang="en">The survey opens from the QR code at the one-stop office.</p>
</body></html>`;

/** Hashed build output lives in assets/; everything else keeps its name and must be revalidated. */
export function cacheControlFor(root: string, path: string): string {
  return relative(root, path).split(sep)[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

export const staticPlugin = fp<{ root?: string }>(
  async (app: FastifyInstance, { root = UI_DIST }) => {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      // The build keeps its fingerprint in a dotfile; nothing starting with a dot is public.
      dotfiles: 'ignore',
      preCompressed: true,
      cacheControl: false,
      suppressWarning: true,
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(root, path));
      },
    });

    const built = () => existsSync(root);
    const sendPage = (reply: FastifyReply, file: string) => {
      if (!built()) return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuilt);
      if (!existsSync(join(root, file))) return reply.callNotFound();
      return reply.sendFile(file);
    };

    for (const page of uiPages) {
      for (const route of page.routes) {
        app.get(route, { schema: { hide: true } }, (_request, reply) => sendPage(reply, page.file));
      }
    }

    const SURVEY = 'survey.html';
    const surveyPages = newSurveyPageCache();
    app.get<{ Params: { token: string } }>('/s/:token', { schema: { hide: true } }, async (request, reply) => {
      if (!built() || !existsSync(join(root, SURVEY))) return sendPage(reply, SURVEY);
      const template = builtPage(join(root, SURVEY));
      // The page as built when the link cannot be read: the app then asks the API itself.
      const html = /^[A-Za-z0-9_-]{8,64}$/.test(request.params.token)
        ? await surveyPage(app.database.db, surveyPages, root, template, request.params.token).catch((error: unknown) => {
            request.log.warn({ err: error }, 'survey page served without its link');
            return template;
          })
        : template;
      return reply.type('text/html; charset=utf-8').header('cache-control', REVALIDATE).send(html);
    });

    app.get('/', { schema: { hide: true } }, (_request, reply) => {
      if (!built()) return sendPage(reply, 'index.html');
      const start = startPages.find((p) => existsSync(join(root, p.file)));
      if (start) return reply.redirect(start.location);
      return reply.type('text/html; charset=utf-8').header('cache-control', REVALIDATE).send(startPage);
    });
  },
  { name: 'static', dependencies: ['error-handler', 'database'] },
);
