/**
 * The graph explorer page, a browser client of /graphql:
 *   GET /explore                        the page (also /explore/ and /explore?node=<id>)
 *   GET /explore/explorer.js, .css      its script and styles (static files next to this one)
 *   GET /explore/vendor/cytoscape.min.js  cytoscape, served from node_modules: no CDN, no build step
 * Files are read once, when the plugin is created.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'graphql-yoga';

interface StaticFile {
  body: string;
  type: string;
}

const own = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

function loadFiles(): Map<string, StaticFile> {
  const require = createRequire(import.meta.url);
  const page = { body: own('./index.html'), type: 'text/html; charset=utf-8' };
  return new Map([
    ['/explore', page],
    ['/explore/', page],
    ['/explore/explorer.js', { body: own('./explorer.js'), type: 'text/javascript; charset=utf-8' }],
    ['/explore/explorer.css', { body: own('./explorer.css'), type: 'text/css; charset=utf-8' }],
    [
      '/explore/vendor/cytoscape.min.js',
      { body: readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8'), type: 'text/javascript; charset=utf-8' },
    ],
  ]);
}

// Everything the page loads comes from this server; cytoscape sets inline styles on its canvas.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function useExplorer(): Plugin {
  const files = loadFiles();
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/explore' && !url.pathname.startsWith('/explore/')) return;
      const file = files.get(url.pathname);
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
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
    },
  };
}
