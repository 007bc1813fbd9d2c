/**
 * The explorer page in a real browser: our server on a free port over the seeded test Neo4j,
 * headless Chromium driven by playwright-core. The page's graph is read through `window.cy`.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/ingest/import-records.js';
import { createApi } from '../../src/server/yoga.js';
import { connectTestDb, gql } from '../integration/helpers.js';
import { type Listening, launchChromium, listen, resultsDir } from './browser.js';

const db = connectTestDb();
const yoga = createApi({ db });
let server: Listening;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = await listen(yoga);
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

interface Opened {
  page: Page;
  /** Uncaught page errors, console errors and requests to any other origin. */
  problems: string[];
}

async function open(path = '/explore'): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${base}/`) && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto(`${base}${path}`);
  return { page, problems };
}

async function search(page: Page, text: string) {
  await page.fill('#search-input', text);
  await page.press('#search-input', 'Enter');
}

/** Waits until an element's text is exactly `text`: the page shows it once its API calls answer. */
async function waitForText(page: Page, selector: string, text: string) {
  await page.waitForFunction(([s, t]) => document.querySelector(s!)?.textContent === t, [selector, text]);
}

const drawnIds = (page: Page) => page.evaluate(() => (window as any).cy.nodes().map((n: any) => n.id()) as string[]);
const nodeParam = (page: Page) => new URL(page.url()).searchParams.get('node');

describe('the explorer page', () => {
  it('is served with its script and cytoscape from this server', async () => {
    const page = await fetch(`${base}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script src="/explore/vendor/cytoscape.min.js"');
    const vendor = await fetch(`${base}/explore/vendor/cytoscape.min.js`);
    expect(vendor.status).toBe(200);
    expect(await vendor.text()).toContain('Cytoscape Consortium');
    expect((await fetch(`${base}/explore/nothing-here.js`)).status).toBe(404);
  });

  it('finds the Wasserstein GAN talk, draws its neighbourhood, shows its quotes and names it in the URL', async () => {
    const { data: expected } = await gql(
      yoga,
      `{ graph(center: ["wasserstein-gan"], depth: 1) { nodes { id } edges { id } }
         gan: graph(center: ["generative-adversarial-network"], depth: 1) { nodes { id } }
         talk(id: "wasserstein-gan") { conceptLinks { concept { slug name } source { line quote } } } }`,
    );
    const { page, problems } = await open();

    await search(page, 'Wasserstein');
    await page.click('.result[data-id="wasserstein-gan"]');
    await page.waitForFunction(() => (window as any).cy?.getElementById('wasserstein-gan').data('expanded'));

    const ids = await drawnIds(page);
    expect(ids).toHaveLength(expected.graph.nodes.length);
    expect(ids).toEqual(
      expect.arrayContaining(['wasserstein-gan', 'paper-wasserstein-gan', 'wasserstein-distance', 'lipschitz-constraint', 'wgan']),
    );
    expect(await page.evaluate(() => (window as any).cy.edges().length)).toBe(expected.graph.edges.length);
    // The talk, its paper and the concept of the same name are drawn with labels that tell them apart.
    const drawn = await page.evaluate(() =>
      ['wasserstein-gan', 'paper-wasserstein-gan', 'wgan'].map((id) => (window as any).cy.getElementById(id).data('short')),
    );
    expect(drawn).toEqual([
      'Wasserstein GAN · talk',
      expect.stringMatching(/^Wasserstein Generative.*· paper 2017$/),
      'Wasserstein GAN · concept',
    ]);

    await waitForText(page, '#details-title', 'Wasserstein GAN');
    const lipschitz = expected.talk.conceptLinks.find((l: any) => l.concept.slug === 'lipschitz-constraint');
    const quote = page.locator('#details .quote', { hasText: lipschitz.source.quote }).first();
    expect(await quote.textContent()).toBe(`line ${lipschitz.source.line} “${lipschitz.source.quote}”`);
    expect(await page.textContent('#details')).toContain('Improved Training of Wasserstein GANs');
    expect(nodeParam(page)).toBe('wasserstein-gan');

    await page.waitForFunction(() => !(window as any).cy.animated());
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}explorer.png` });

    // Clicking a drawn node expands it: its neighbours join the drawing.
    await page.evaluate(() => {
      (window as any).cy.getElementById('generative-adversarial-network').emit('tap');
    });
    await page.waitForFunction(() => (window as any).cy.getElementById('generative-adversarial-network').data('expanded'));
    const union = new Set([...ids, ...expected.gan.nodes.map((n: any) => n.id)]);
    expect(union.size).toBeGreaterThan(ids.length);
    expect(new Set(await drawnIds(page))).toEqual(union);
    await waitForText(page, '#details-title', 'Generative adversarial network');
    expect(nodeParam(page)).toBe('generative-adversarial-network');
    expect(await page.textContent('#details')).toContain('Related work');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('restores a shared URL, concept details included', async () => {
    const { data } = await gql(yoga, `{ concept(name: "wgan") { definition } }`);
    const { page, problems } = await open('/explore?node=wgan');
    await waitForText(page, '#details-title', 'Wasserstein GAN');
    expect(await page.textContent('#details')).toContain(data.concept.definition);
    expect(await page.evaluate(() => (window as any).cy.$(':selected').id())).toBe('wgan');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says where an imported fact comes from, and that a concept link was found automatically', async () => {
    const title = 'A Wasserstein GAN seen in the explorer';
    const text = `@article{explorer-import, title = {${title}}, author = {Quill, Ada}, year = {2033}}`;
    const report = await importRecords(db, [{ name: 'explorer.bib', text }]);
    try {
      const [work] = await db.runText<{ id: string }>('MATCH (p:Paper {title: $title}) RETURN p.id AS id', { title }, 'READ');
      const { page, problems } = await open(`/explore?node=${work!.id}`);
      await waitForText(page, '#details-title', title);
      const quotes = await page.locator('#details .quote').allTextContents();
      // The paper itself is a public record; its link to the concept "Wasserstein GAN" was matched by words.
      expect(quotes).toContain(`explorer.bib, explorer-import (title) “${title}” public record`);
      expect(quotes).toContain(`explorer.bib, explorer-import (title) “${title}” automatic, by words, 0.90`);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await db.write('import/rollback', { import: report.importId });
    }
  });

  it('says how far it looked when no path is short enough, and offers to look further', async () => {
    const { page, problems } = await open('/explore?node=wasserstein-distance&to=elastic-weight-consolidation');
    await page.waitForSelector('#path:not([hidden]) .look-further');
    expect(await page.textContent('#path')).toContain('No connection of at most 6 steps');
    await page.click('#path .look-further');
    await page.waitForSelector('#path:not([hidden]) .path-steps');
    expect(await page.locator('#path .path-steps > li').count()).toBeGreaterThan(7);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the path between two nodes, by "Path to…" and by shift-click, and keeps it in the URL', async () => {
    const { data } = await gql(
      yoga,
      `{ paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", first: 1) { paths { length } } }`,
    );
    const { length } = data.paths.paths[0];
    const { page, problems } = await open('/explore?node=wasserstein-gan');
    await waitForText(page, '#details-title', 'Wasserstein GAN');

    await page.click('text=Path to…');
    await search(page, 'elastic weight consolidation');
    await page.click('.result[data-id="elastic-weight-consolidation"]');
    await page.waitForSelector('#path:not([hidden]) .path-steps');
    const onPath = () => page.evaluate(() => [(window as any).cy.nodes('.on-path').length, (window as any).cy.edges('.on-path').length]);
    expect(await onPath()).toEqual([length + 1, length]);
    expect(await page.locator('#path .path-steps > li').count()).toBe(length + 1);
    expect(new URL(page.url()).searchParams.get('to')).toBe('elastic-weight-consolidation');

    await page.reload();
    await page.waitForSelector('#path:not([hidden]) .path-steps');
    expect(await onPath()).toEqual([length + 1, length]);

    // Shift-click on a drawn neighbour: a one-step path. Wait for the path's zoom animation to end,
    // or the viewport moves between reading the node's position and clicking it.
    const settled = () => page.waitForFunction(() => !(window as any).cy.animated());
    await settled();
    await page.click('#fit');
    await settled();
    const point = await page.evaluate(() => {
      const cy = (window as any).cy;
      const box = cy.container().getBoundingClientRect();
      const position = cy.getElementById('lipschitz-constraint').renderedPosition();
      return { x: box.left + position.x, y: box.top + position.y };
    });
    await page.keyboard.down('Shift');
    await page.mouse.click(point.x, point.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => new URL(page.url()).searchParams.get('to'), { timeout: 30_000 }).toBe('lipschitz-constraint');
    await expect.poll(onPath, { timeout: 30_000 }).toEqual([2, 1]);
    expect(await page.textContent('#path')).toContain('"Wasserstein GAN" discusses the concept "Lipschitz constraint".');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when a search finds nothing, or a shared URL names no node', async () => {
    const { data } = await gql(yoga, `{ search(query: "qqxzvvkjw") { totalCount } }`);
    expect(data.search.totalCount).toBe(0);
    const { page } = await open();
    await search(page, 'qqxzvvkjw');
    await waitForText(page, '#results-summary', 'No results for “qqxzvvkjw”.');
    expect(await page.locator('.result').count()).toBe(0);
    expect(await page.isHidden('#error')).toBe(true);

    await page.goto(`${base}/explore?node=no-such-node`);
    await waitForText(page, '#details', 'No node called “no-such-node”.');
    await page.close();
  });

  it('shows the message of a GraphQL error in the error banner', async () => {
    const { page } = await open();
    await search(page, 'x'.repeat(201));
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error-message')).toContain('must be at most 200 characters');
    await page.click('#error-close');
    expect(await page.isHidden('#error')).toBe(true);
    await page.close();
  });

  it('shows a failing API (HTTP 500) in the error banner', async () => {
    const { page } = await open();
    await page.route('**/graphql', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
    await search(page, 'Wasserstein');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error-message')).toBe('The API answered 500 Internal Server Error');
    expect(await page.locator('.result').count()).toBe(0);
    await page.close();
  });
});
