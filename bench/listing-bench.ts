/**
 * Listing benchmark (issue 5): seeds BENCH_OBJECTS (default 100,000) objects in one folder
 * of the emulator, opens the built renderer in Chromium with window.oss bridged to main's
 * real handler table, and measures what a user feels: time to the first rows on screen,
 * time until every row is listed, the in-page sort of all rows, the renderer JS heap after
 * the full listing and the number of table rows in the DOM. The same folder is listed with
 * plain ali-oss listV2 paging in the same run as the baseline.
 *
 *   npm run bench:listing                 # 100,000 objects
 *   BENCH_OBJECTS=10000 npm run bench:listing
 *   BENCH_PROFILE=1 npm run bench:listing  # also prints the renderer CPU profile of the measured open
 *
 * The last line of output is the JSON summary.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createHandlerTable } from '../main/ipc/handlers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/fixtures';
import { installPageBridge } from '../e2e/support/page-bridge';
import { serveRenderer } from '../e2e/support/static-server';
import { createTestAppContext } from '../e2e/support/test-app-context';
import { startBrowseEmulator } from '../e2e/fixtures/browse-emulator';
import { deepLinkHash } from '../renderer/features/browse/model/deep-link';
import { printJsonLine } from './lib/json-line';
import { round, timed } from './lib/timing';

const N = Number(process.env.BENCH_OBJECTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BUCKET = 'listing-bench';
const FOLDER = 'big/';
const root = path.resolve(__dirname, '..');
/** A few hundred distinct sizes: the emulator computes one CRC per distinct zero-filled size. */
const SIZES = Array.from({ length: 256 }, (_, i) => (i * i * 97) % 5_000_000);

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Plain ali-oss paging of the folder, as a user script would do it. */
async function aliOssListing(client: import('ali-oss'), roundTrips: number[]): Promise<number> {
  let token: string | undefined;
  let count = 0;
  do {
    const t0 = performance.now();
    const r = (await client.listV2({ prefix: FOLDER, delimiter: '/', 'max-keys': 1000, ...(token ? { 'continuation-token': token } : {}) } as never, {})) as unknown as {
      objects?: unknown[];
      prefixes?: string[];
      nextContinuationToken?: string;
      isTruncated: boolean;
    };
    roundTrips.push(performance.now() - t0);
    count += (r.objects?.length ?? 0) + (r.prefixes?.length ?? 0);
    token = r.isTruncated ? r.nextContinuationToken : undefined;
  } while (token);
  return count;
}

interface PageTimings {
  firstRowsMs: number;
  fullMs: number;
}

/** Opens the folder by pressing Enter on it and times first rows and the complete listing in the page. */
async function timeFolderOpen(page: Page, expected: number): Promise<PageTimings> {
  // Plain source text: tsx would wrap named functions with a helper the page does not have.
  await page.evaluate(`(() => {
    const folder = ${JSON.stringify(FOLDER)};
    window.__bench = new Promise((resolve) => {
      let t0 = 0;
      let first = 0;
      window.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !t0) t0 = performance.now(); }, { capture: true });
      const observer = new MutationObserver(() => {
        if (!t0) return;
        if (!first && document.querySelector('.browse-table__rows .browse-table__row[data-key^="' + folder + 'object-"]')) {
          first = -1;
          // The rows are in the DOM; the next frame is when they are on screen.
          requestAnimationFrame(() => { first = performance.now() - t0; });
        }
        const status = document.querySelector('[data-testid="listing-status"]');
        if (first && status && status.getAttribute('data-state') === 'complete' && status.getAttribute('data-count') === '${expected}') {
          observer.disconnect();
          const full = performance.now() - t0;
          requestAnimationFrame(() => resolve({ first, full }));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-count'] });
    });
  })()`);
  await page.getByTestId('object-list').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const r = (await page.evaluate('window.__bench')) as { first: number; full: number };
  return { firstRowsMs: r.first, fullMs: r.full };
}

/** Prints the heaviest functions of a renderer CPU profile (BENCH_PROFILE=1). */
function printProfile(profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples?: number[]; timeDeltas?: number[] }): void {
  const self = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `  ${v.toFixed(1)} ms  ${k}`).join('\n'));
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  const emu = await startBrowseEmulator();
  try {
    await emu.createBucket(BUCKET);
    const seeded = await timed(() =>
      emu.seed(
        BUCKET,
        Array.from({ length: N }, (_, i) => ({ key: `${FOLDER}object-${String(i).padStart(7, '0')}-${(i * 7919) % 10007}.dat`, size: SIZES[(i * 7919) % SIZES.length]! })),
      ),
    );
    log(`seeded ${N} objects in ${round(seeded.ms, 0)} ms`);

    // Baseline: plain ali-oss listV2 paging; one warm-up here, measured runs interleaved with the app's below.
    const client = emu.client(BUCKET);
    const trips: number[] = [];
    const warmBase = await aliOssListing(client, []);
    if (warmBase !== N) throw new Error(`ali-oss listed ${warmBase} of ${N}`);

    // The app: built renderer in Chromium, window.oss bridged to main's handler table.
    const mainCtx = createTestAppContext({ clients: emu.clients });
    const server = await serveRenderer(path.join(root, 'out/renderer'));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const stop = await installPageBridge(context, { table: createHandlerTable(mainCtx.ctx), hub: mainCtx.hub, origin: server.origin, log: mainCtx.ctx.log });
      const page = await context.newPage();
      await page.goto(`${server.origin}/index.html${deepLinkHash('bench', `oss://${BUCKET}/`)}`);
      await page.locator('.browse-table__rows .browse-table__row').first().waitFor();

      // Warm-up open (JIT, caches), then rounds of [ali-oss listing, app open]: interleaving keeps
      // both sides under the same machine load, and each side's best round is compared.
      const warm = await timeFolderOpen(page, N);
      log(`warm-up: first rows ${round(warm.firstRowsMs, 0)} ms, full ${round(warm.fullMs, 0)} ms`);
      const baseRuns: number[] = [];
      const appRuns: PageTimings[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        baseRuns.push((await timed(() => aliOssListing(client, trips))).ms);
        await page.getByTestId('object-list').focus();
        await page.keyboard.press('Backspace');
        await page.locator('.browse-table__row[data-key="big/"]').waitFor();
        // Refresh, so the open lists the folder again instead of reusing the kept listing.
        await page.keyboard.press('F5');
        await page.locator('.browse-table__row[data-key="big/"]').waitFor();
        const prof = process.env.BENCH_PROFILE && r === ROUNDS - 1 ? await context.newCDPSession(page) : null;
        if (prof) {
          await prof.send('Profiler.enable');
          await prof.send('Profiler.start');
        }
        appRuns.push(await timeFolderOpen(page, N));
        if (prof) printProfile((await prof.send('Profiler.stop')).profile);
        log(`round ${r + 1}: ali-oss ${round(baseRuns[r]!, 0)} ms; app first rows ${round(appRuns[r]!.firstRowsMs, 1)} ms, full ${round(appRuns[r]!.fullMs, 0)} ms`);
      }
      const count = Number(await page.getByTestId('listing-status').getAttribute('data-count'));
      if (count !== N) throw new Error(`the app listed ${count} of ${N}`);
      const aliOssMs = Math.min(...baseRuns);
      const roundTripMs = median(trips);
      const run = { firstRowsMs: Math.min(...appRuns.map((a) => a.firstRowsMs)), fullMs: Math.min(...appRuns.map((a) => a.fullMs)) };
      log(`best: ali-oss ${round(aliOssMs, 0)} ms (one listV2 round trip, median of ${trips.length}: ${round(roundTripMs, 1)} ms); app first rows ${round(run.firstRowsMs, 1)} ms, full ${round(run.fullMs, 0)} ms`);

      // In-page sort of every row by each column (the time the model's sort takes).
      const sorts: Record<string, number> = {};
      for (const name of ['Size', 'Last modified', 'Type', 'Storage class', 'Name', 'Name']) {
        await page.getByRole('columnheader', { name }).getByRole('button').click();
        await page.waitForFunction('!!document.documentElement.dataset.browseSortMs');
        const ms = Number(await page.evaluate('document.documentElement.dataset.browseSortMs'));
        await page.evaluate('delete document.documentElement.dataset.browseSortMs');
        sorts[name in sorts ? `${name} (desc)` : name] = ms;
      }
      log(`sort ms: ${JSON.stringify(Object.fromEntries(Object.entries(sorts).map(([k, v]) => [k, round(v, 1)])))}`);
      const sortMs = Math.max(...Object.values(sorts));

      // Scroll to the middle and the end: the DOM keeps only the visible rows.
      let domRows = 0;
      for (const frac of [0.5, 1]) {
        await page.evaluate(`document.querySelector('[data-testid="object-list"]').scrollTop = document.querySelector('[data-testid="object-list"]').scrollHeight * ${frac}`);
        await page.waitForTimeout(100);
        domRows = Math.max(domRows, await page.locator('.browse-table__rows > .browse-table__row').count());
      }

      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      const heapMb = heapBytes / (1024 * 1024);
      log(`renderer JS heap after full listing: ${round(heapMb, 1)} MB; DOM rows mounted: ${domRows}`);
      stop();
      await context.close();

      const summary = {
        first_rows_ms: round(run.firstRowsMs, 1),
        first_rows_vs_roundtrip: round(run.firstRowsMs / roundTripMs, 2),
        full_vs_alioss: round(run.fullMs / aliOssMs, 2),
        sort_ms: round(sortMs, 1),
        heap_mb: round(heapMb, 1),
        dom_rows: domRows,
      };
      log(`targets: first_rows_vs_roundtrip <= 2, full_vs_alioss <= 1.3, sort_ms <= 100, heap_mb <= 150, dom_rows <= 200 (objects: ${N})`);
      printJsonLine(summary);
    } finally {
      await browser.close();
      await server.close();
      mainCtx.dispose();
    }
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
