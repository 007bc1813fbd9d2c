/**
 * GraphiQL that works offline: GET /graphql from a browser (Accept: text/html) answers our page,
 * and everything the page loads comes from this server:
 *   GET /graphiql/start.js, /graphiql/page.css             ours (next to this file)
 *   GET /graphiql/vendor/<version>/yoga-graphiql.js, .css  Yoga's GraphiQL build, with Monaco's
 *       editor workers (<label>.worker.js) and favicon.ico, from @graphql-yoga/render-graphiql in
 *       node_modules; the version in the path lets browsers keep them.
 * Yoga's own GraphiQL page loads these from a CDN; this plugin replaces it (Yoga's `graphiql`
 * option stays false). The build (9 MB) is read once, at the first request for GraphiQL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GraphiQLOptions, type Plugin, shouldRenderGraphiQL } from 'graphql-yoga';
import { z } from 'zod';

interface StaticFile {
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
  immutable?: boolean;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

const own = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

/** The labels Monaco asks `MonacoEnvironment.getWorkerUrl` for, and their bundles' export names. */
const workers = { editorWorkerService: 'editorWorkerService', json: 'jsonWorker', graphql: 'graphqlWorker' } as const;

function loadFiles(vendor: string): Map<string, StaticFile> {
  const require = createRequire(import.meta.url);
  const build: typeof import('@graphql-yoga/render-graphiql/graphiql') = require('@graphql-yoga/render-graphiql/graphiql');
  const files = new Map<string, StaticFile>([
    ['/graphiql/start.js', { body: own('./start.js'), type: JS }],
    ['/graphiql/page.css', { body: own('./page.css'), type: CSS }],
    [`${vendor}yoga-graphiql.js`, { body: build.js, type: JS, immutable: true }],
    [`${vendor}graphiql.css`, { body: build.css, type: CSS, immutable: true }],
    [
      `${vendor}favicon.ico`,
      { body: new Uint8Array(Buffer.from(build.favicon.split(',')[1]!, 'base64')), type: 'image/x-icon', immutable: true },
    ],
  ]);
  for (const [label, name] of Object.entries(workers)) {
    files.set(`${vendor}${label}.worker.js`, { body: build[name], type: JS, immutable: true });
  }
  return files;
}

// Everything comes from this server. Monaco and GraphiQL set inline styles; the editors run in
// module workers loaded from /graphiql/vendor/.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function renderPage(options: GraphiQLOptions, vendor: string): string {
  const workerUrls = Object.fromEntries(Object.keys(workers).map((label) => [label, `${vendor}${label}.worker.js`]));
  // A JSON data block, not a script: the CSP allows no inline script. `<` is escaped so no
  // string in it can close the element.
  const settings = JSON.stringify({ options, workers: workerUrls }).replace(/</g, '\\u003c');
  return own('./index.html')
    .replaceAll('__TITLE__', escapeHtml(options.title ?? 'GraphiQL'))
    .replaceAll('__VENDOR__', vendor)
    .replace('__SETTINGS__', settings);
}

/** Serves GraphiQL with `options` (title, defaultQuery, ...) at `endpoint`, offline. */
export function useOfflineGraphiQL(options: GraphiQLOptions & { endpoint: string }): Plugin {
  const require = createRequire(import.meta.url);
  const { version } = z.object({ version: z.string() }).parse(require('@graphql-yoga/render-graphiql/package.json'));
  const vendor = `/graphiql/vendor/${version}/`;
  let files: Map<string, StaticFile> | undefined;
  const page = renderPage(options, vendor);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if ((url.pathname === options.endpoint || url.pathname === `${options.endpoint}/`) && shouldRenderGraphiQL(request)) {
        endResponse(
          new fetchAPI.Response(page, {
            headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': contentSecurityPolicy },
          }),
        );
        return;
      }
      if (!url.pathname.startsWith('/graphiql/')) return;
      files ??= loadFiles(vendor);
      const file = files.get(url.pathname);
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(new fetchAPI.Response(`Not found; GraphiQL is at ${options.endpoint}\n`, { status: 404 }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : file.body, {
          headers: {
            ...headers,
            'content-type': file.type,
            ...(file.immutable ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
          },
        }),
      );
    },
  };
}
