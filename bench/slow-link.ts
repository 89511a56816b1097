// `npm run bench:slow-link -- --url http://localhost:3000`: issue 14 item 6, the first visit of a field officer
// or an enterprise on a slow link. Debian's Chromium at 390×844 emulates 400 kbps down and up with 400 ms of
// latency, with an empty cache, and measures the first contentful paint and the time until the page's own
// content shows, for the public check-in page and the on-site page; the same pages on the unthrottled link of the
// same run are the baseline the ratios are against. Needs a running server with the demo data (`npm start`).
import { chromium, type Browser } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const baseUrl = option('url', 'http://localhost:3000');
const runs = Number(option('runs', '1'));

const SLOW = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

const sessionCookie = async (): Promise<{ cookie: string; inspectionId: string }> => {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username: 'pengjiang.inspector', password: 'Inspecta@2026' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const list = (await (
    await fetch(`${baseUrl}/api/v1/inspections?pageSize=1`, { headers: { cookie } })
  ).json()) as { items: { id: string }[] };
  if (!list.items[0]) throw new Error('no inspection in the demo data');
  return { cookie, inspectionId: list.items[0].id };
};

type Measure = { fcp: number; heading: number; bytes: number };

const measure = async (browser: Browser, url: string, slow: boolean, cookie?: string): Promise<Measure> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  if (cookie) {
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
  // the page's own content: the app rendered, nothing busy (a loading shell or spinner says aria-busy)
  await page.waitForFunction(
    () => {
      // (bench/ is compiled without the DOM's types)
      type Element = { innerText: string; querySelector: (selector: string) => unknown };
      const dom = globalThis as unknown as { document: { getElementById: (id: string) => Element | null } };
      const root = dom.document.getElementById('root');
      return !!root && root.innerText.trim().length > 0 && !root.querySelector('[aria-busy="true"]');
    },
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  const heading = Date.now() - start;
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await context.close();
  return { fcp, heading, bytes };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
try {
  const { cookie, inspectionId } = await sessionCookie();
  const pages = [
    {
      name: 'public check-in page',
      url: `${baseUrl}/public/checkin/bench-unknown-code`,
      cookie: undefined,
      goal: 6,
    },
    { name: 'on-site page', url: `${baseUrl}/inspections/${inspectionId}/onsite`, cookie, goal: 8 },
  ];
  console.log(`Slow link: 400 kbps, 400 ms latency, 390×844, cold cache; ${runs} run(s), median; ${baseUrl}`);
  console.log(
    'page                   | FCP slow | content slow | KB on the wire | FCP fast (baseline) | ratio | goal',
  );
  for (const target of pages) {
    const slow: Measure[] = [];
    const fast: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      fast.push(await measure(browser, target.url, false, target.cookie));
      slow.push(await measure(browser, target.url, true, target.cookie));
    }
    const fcpSlow = median(slow.map((m) => m.fcp)) / 1000;
    const fcpFast = median(fast.map((m) => m.fcp)) / 1000;
    console.log(
      [
        target.name.padEnd(22),
        `${fcpSlow.toFixed(1)} s`.padStart(8),
        `${(median(slow.map((m) => m.heading)) / 1000).toFixed(1)} s`.padStart(12),
        `${(median(slow.map((m) => m.bytes)) / 1000).toFixed(0)}`.padStart(14),
        `${fcpFast.toFixed(2)} s`.padStart(19),
        `${(fcpSlow / fcpFast).toFixed(1)}×`.padStart(5),
        `≤ ${target.goal} s ${fcpSlow <= target.goal ? 'met' : 'NOT met'}`,
      ].join(' | '),
    );
  }
} finally {
  await browser.close();
}
