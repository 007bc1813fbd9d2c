/**
 * GraphiQL at /graphql in a real browser with no internet: every request that leaves 127.0.0.1
 * is refused by the test, so the page works only if the server serves all it needs.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApi } from '../../src/server/yoga.js';
import { connectTestDb, gql } from '../integration/helpers.js';
import { type Listening, launchChromium, listen, resultsDir } from './browser.js';

const db = connectTestDb();
const yoga = createApi({ db });
let server: Listening;
let browser: Browser;

beforeAll(async () => {
  server = await listen(yoga);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

interface Offline {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but this server, refused. */
  blocked: string[];
  /** Paths this server answered with 200, workers' requests included. */
  served: string[];
  /** Uncaught page errors and console errors (a CSP violation is one). */
  problems: string[];
}

async function openOffline(path: string): Promise<Offline> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const served: string[] = [];
  context.on('response', (response) => {
    if (response.status() === 200) served.push(new URL(response.url()).pathname);
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.base}${path}`);
  return { context, page, blocked, served, problems };
}

/** The visible text of an element, with Monaco's non-breaking spaces as plain ones. */
const textOf = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\u00a0/g, ' ');

describe('GraphiQL', () => {
  it('is served with a Content-Security-Policy that allows this server only', async () => {
    const page = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'; script-src 'self';");
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="?https?:/);
    const script = html.match(/src="(\/graphiql\/vendor\/[^"]+\.js)"/)![1]!;
    expect((await fetch(`${server.base}${script}`)).status).toBe(200);
    expect((await fetch(`${server.base}/graphiql/nothing-here.js`)).status).toBe(404);
  });

  it('is off in production, its files too', async () => {
    const production = createApi({ db, config: loadConfig({ NODE_ENV: 'production' }) });
    const page = await production.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await production.fetch('http://localhost/graphiql/start.js')).status).toBe(404);
  });

  it('runs an example operation offline, shows its result and the schema documentation', async () => {
    const { data } = await gql(yoga, `{ concept(name: "EWC") { name } __type(name: "Concept") { description } }`);
    const { context, page, blocked, served, problems } = await openOffline('/graphql');

    // Several operations in the editor: the run button offers them by name.
    await page.click('.graphiql-execute-button');
    await page.getByRole('menuitem', { name: 'Concept', exact: true }).click();
    await expect.poll(() => textOf(page, '.result-window'), { timeout: 30_000 }).toContain(`"name": "${data.concept.name}"`);
    expect(await textOf(page, '.result-window')).toContain('"concept": {');

    await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    await page.fill('[data-cy="doc-explorer-input"]', 'Concept');
    // The search filters after a pause; until then the full list shows, and a click can land on the wrong type.
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('Concept');
    await page.getByRole('option', { name: 'Concept', exact: true }).click();
    await expect.poll(() => textOf(page, '.graphiql-doc-explorer')).toContain(data.__type.description);

    expect(await page.getAttribute('a[href="/explore"]', 'href')).toBe('/explore');
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}graphiql.png` });
    // Monaco's editor workers (GraphQL validation and completion among them) came from here too.
    expect(served).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/graphql\.worker\.js$/),
        expect.stringMatching(/\/editorWorkerService\.worker\.js$/),
      ]),
    );
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
