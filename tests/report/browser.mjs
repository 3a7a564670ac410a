// browser.mjs — the demo report used as a person uses it, in Debian's
// chromium driven by playwright-core (installed by `make deps`: npm ci in
// tests/report). Run by browser.sh:
//
//   node tests/report/browser.mjs PAGE.html EVENTS.jsonl REFERENCE.png SHOT.png
//
// 1. the page loads with no console error and no uncaught exception;
// 2. it makes no network request (nothing but the page's own file);
// 3. a click on the "Provider / actor" heading reorders the rows into
//    ascending order of that column, a second click into descending order;
// 4. an event's "N sentences" opens and shows that event's sentences;
// 5. hovering a timeline mark of an aid event puts the pointer on that mark,
//    whose tooltip (its SVG <title>) says date · type · status · who, as the
//    event's JSON line has them;
// 6. the screenshot (1280x2000) is kept in SHOT and compared loosely with the
//    reference (decoded in the browser): the same size, at least half its
//    dark pixels, and 80% of an 8x8 grid of regions about as dark as the
//    reference's (within 3 levels plus half the reference's darkness).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [page_path, jsonl_path, ref_path, shot_path] = process.argv.slice(2);
if (!shot_path) {
	console.error('usage: node browser.mjs PAGE.html EVENTS.jsonl REFERENCE.png SHOT.png');
	process.exit(2);
}
let passed = 0, failed = 0;
function check(name, ok, detail) {
	if (ok) {
		passed++;
		console.log(`ok   ${name}`);
	} else {
		failed++;
		console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
	}
}
const events = readFileSync(jsonl_path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const by_id = new Map(events.map((e) => [e.id, e]));

const profile = mkdtempSync(join(tmpdir(), 'aidtrace-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1280, height: 2000 },
	timeout: 120000,
});
try {
	const page = ctx.pages()[0] || (await ctx.newPage());
	page.setDefaultTimeout(10000);
	// a section that throws is one failed check; the next sections still run
	const section = async (name, fn) => {
		try { await fn(); } catch (e) { check(name, false, String(e && e.message || e).split('\n')[0]); }
	};
	const errors = [], requests = [];
	const url = pathToFileURL(page_path).href;
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
	await page.goto(url, { waitUntil: 'load' });

	// 1.
	check('our script ran', (await page.getAttribute('html', 'data-script')) === 'ran');
	const rows = () => page.$$eval('#event-table tbody tr', (tr) => tr.map((r) => r.id));
	const before = await rows();
	check(`one table row per event (${before.length} of ${events.length})`, before.length === events.length);

	// 3. sorting by a text column: keys as the page's script reads them
	await section('sorting', async () => {
	const col = await page.$$eval('#event-table thead th', (th) =>
		th.findIndex((h) => h.textContent.trim() === 'Provider / actor'));
	check('the "Provider / actor" heading exists', col >= 0);
	const keys = () => page.$$eval('#event-table tbody tr', (tr, i) =>
		tr.map((r) => { const c = r.cells[i]; const v = c.getAttribute('data-sort');
			return (v === null ? c.textContent : v).toLowerCase(); }), col);
	const sorted = (a, dir) => a.every((v, i) => i === 0 || v === '' || a[i - 1] === '' ||
		(dir > 0 ? a[i - 1] <= v : a[i - 1] >= v));
	const k0 = await keys();
	check('before the click the rows are not in that order', !sorted(k0, 1));
	await page.click(`#event-table thead th:nth-child(${col + 1}) button`);
	const after1 = await rows(), k1 = await keys();
	check('a click on the heading reorders the rows', after1.join() !== before.join());
	check('... into ascending order of the column', sorted(k1, 1), k1.join(' | '));
	check('... and says so (aria-sort)', (await page.getAttribute(
		`#event-table thead th:nth-child(${col + 1})`, 'aria-sort')) === 'ascending');
	check('... keeping every row', [...after1].sort().join() === [...before].sort().join());
	await page.click(`#event-table thead th:nth-child(${col + 1}) button`);
	const k2 = await keys();
	check('a second click: descending order', sorted(k2, -1) && k2.join() !== k1.join(), k2.join(' | '));
	});

	// 4. an event's sentences
	await section('sentences', async () => {
	const row = await page.$('#event-table tbody tr:has(details)');
	const rid = row ? await row.getAttribute('id') : null;
	const ev = rid ? by_id.get(rid.replace(/^ev-/, '')) : null;
	check('a row with "sentences" of a known event', !!ev, rid);
	if (ev) {
		const det = await row.$('details');
		check('its sentences are closed at first', !(await det.evaluate((d) => d.open)));
		await (await det.$('summary')).click();
		check('a click opens them', await det.evaluate((d) => d.open));
		const list = await det.$('ol');
		const box = list ? await list.boundingBox() : null;
		check('the sentences are shown', !!box && box.height > 10 && (await list.isVisible()));
		const text = list ? (await list.innerText()).replace(/\s+/g, ' ') : '';
		const want = (ev.sources || [])[0]?.sentence?.replace(/\s+/g, ' ').slice(0, 40) || '?';
		check('they are the event\'s own', text.includes(want), `wanted "${want}"`);
	}
	});

	// 5. a timeline mark's tooltip
	await section('tooltip', async () => {
	const aid = events.find((e) => e.type === 'aid' && e.when && e.when.start && e.provider && e.recipient);
	check('the ledger has a dated aid event', !!aid);
	if (aid) {
		const mark = page.locator(`#timeline-svg a.mk[href="#ev-${aid.id}"]`);
		await mark.scrollIntoViewIfNeeded();
		await mark.hover();
		const hovered = await page.evaluate((id) => [...document.querySelectorAll(':hover')]
			.some((n) => n.matches && n.matches(`a.mk[href="#ev-${id}"]`)), aid.id);
		check('the pointer is on the mark', hovered);
		const tip = (await mark.locator('title').textContent()) || '';
		const w = aid.when;
		const want = `${w.start}${w.end && w.end !== w.start ? ' to ' + w.end : ''} · aid · ${aid.status} · ` +
			`${aid.provider.name} → ${aid.recipient.name}`;
		check('its tooltip names date, type, status and who', tip === want, `"${tip}" vs "${want}"`);
	}
	});

	// 2. and 1. after all that use
	check('no network request', requests.length === 0, requests.join(' '));
	check('no console error or exception', errors.length === 0, errors.join(' | '));

	// 6. the screenshot, fresh, from the top
	await section('screenshot', async () => {
	await page.reload({ waitUntil: 'load' });
	await page.screenshot({ path: shot_path, fullPage: false });
	const shot = readFileSync(shot_path).toString('base64');
	const ref = readFileSync(ref_path).toString('base64');
	const cmp = await ctx.newPage();
	const r = await cmp.evaluate(async ([a, b]) => {
		const img = async (s) => { const i = new Image(); i.src = 'data:image/png;base64,' + s;
			await i.decode(); return i; };
		const [x, y] = [await img(a), await img(b)];
		const G = 8; // a G x G grid of regions
		const means = (im) => {
			const c = document.createElement('canvas');
			c.width = im.naturalWidth; c.height = im.naturalHeight;
			const g = c.getContext('2d'); g.drawImage(im, 0, 0);
			const d = g.getImageData(0, 0, c.width, c.height).data;
			const m = [];
			let ink = 0;
			for (let gy = 0; gy < G; gy++) for (let gx = 0; gx < G; gx++) {
				let s = 0, n = 0;
				for (let py = Math.floor(gy * c.height / G); py < (gy + 1) * c.height / G; py += 2)
					for (let px = Math.floor(gx * c.width / G); px < (gx + 1) * c.width / G; px += 2) {
						const o = (py * c.width + px) * 4, v = (d[o] + d[o + 1] + d[o + 2]) / 3;
						s += 255 - v; n++; if (v < 200) ink++;
					}
				m.push(s / n); // the region's mean darkness
			}
			return { w: c.width, h: c.height, m, ink };
		};
		const [p, q] = [means(x), means(y)];
		// within 3 levels plus half the reference's darkness: a region of text
		// stays text, an empty one empty
		const close = p.m.filter((v, i) => Math.abs(v - q.m[i]) <= 3 + q.m[i] / 2).length;
		return { w: p.w, h: p.h, rw: q.w, rh: q.h, close, n: p.m.length, ink: p.ink, ref_ink: q.ink,
			dark: p.m.map((v) => v.toFixed(0)).join(' '), ref_dark: q.m.map((v) => v.toFixed(0)).join(' ') };
	}, [shot, ref]);
	await cmp.close();
	check(`screenshot ${r.w}x${r.h} like the reference ${r.rw}x${r.rh}`, r.w === r.rw && r.h === r.rh);
	check(`screenshot not blank (${r.ink} dark samples, the reference ${r.ref_ink})`,
		r.ink > r.ref_ink / 2);
	check(`screenshot regions as dark as the reference's (${r.close} of ${r.n})`,
		r.close >= r.n * 0.8, `darkness ${r.dark}; reference ${r.ref_dark}`);
	});
} catch (e) {
	check('the browser session', false, String(e && e.stack || e));
} finally {
	await ctx.close();
	rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
