/**
 * The graph explorer page, a browser client of /graphql:
 *   GET /explore                        the page (also /explore/ and /explore?node=<id>)
 *   GET /explore/explorer.css           its styles (a static file next to this one)
 *   GET /explore/explorer.js            its script: explorer.ts and the modules it imports (the
 *                                       graph vocabulary among them), bundled by esbuild in memory
 *                                       at the first request for it, then kept for the process
 *   GET /explore/vendor/cytoscape.min.js  cytoscape, served from node_modules: no CDN
 * The static files are read once, when the plugin is created.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'graphql-yoga';

interface StaticFile {
  body: string;
  type: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

const own = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

function loadFiles(): Map<string, StaticFile> {
  const require = createRequire(import.meta.url);
  const page = { body: own('./index.html'), type: 'text/html; charset=utf-8' };
  return new Map([
    ['/explore', page],
    ['/explore/', page],
    ['/explore/explorer.css', { body: own('./explorer.css'), type: 'text/css; charset=utf-8' }],
    [
      '/explore/vendor/cytoscape.min.js',
      { body: readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8'), type: JAVASCRIPT },
    ],
  ]);
}

let script: Promise<string> | undefined;

/** The page's script, bundled once per process; a failed build is not kept, so the next request tries again. */
function bundledScript(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./explorer.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
    logLevel: 'silent',
  }).then(
    (result) => result.outputFiles[0]!.text,
    (error: unknown) => {
      script = undefined;
      throw error;
    },
  );
  return script;
}

// Everything the page loads comes from this server; cytoscape sets inline styles on its canvas.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function useExplorer(): Plugin {
  const files = loadFiles();
  return {
    // Synchronous for every other request; only the explorer's own paths may wait (for the script's first bundling).
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/explore' && !url.pathname.startsWith('/explore/')) return;
      const readable = request.method === 'GET' || request.method === 'HEAD';
      const answer = (file: StaticFile | undefined) => {
        if (!file || !readable) {
          endResponse(new fetchAPI.Response('Not found; the explorer is at /explore\n', { status: 404 }));
          return;
        }
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : file.body, {
            headers: {
              'content-type': file.type,
              'cache-control': 'no-cache',
              'x-content-type-options': 'nosniff',
              ...(file.type.startsWith('text/html') ? { 'content-security-policy': contentSecurityPolicy } : {}),
            },
          }),
        );
      };
      if (readable && url.pathname === '/explore/explorer.js') return bundledScript().then((body) => answer({ body, type: JAVASCRIPT }));
      answer(files.get(url.pathname));
    },
  };
}
