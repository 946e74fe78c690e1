// The certificate of completion in a real browser: the page Export Certificate… writes is opened from disk in
// Chromium, makes no request of any kind, runs no script (a hostile learner name stays text), shows the learner,
// the cycle, the lessons and the hashes, and prints on one page. Screenshots of screen and print layouts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { ROOT, launchBrowser } from '../harness/codeServer.mjs';

const SHOTS = process.env.SHOTS_DIR ?? path.join(ROOT, 'test-results/screenshots');
const dir = mkdtempSync(path.join(os.tmpdir(), 'il-certificate-'));
const file = path.join(dir, 'aiko-tanaka-certificate.html');
let browser;
let page;
const requests = [];
const consoleErrors = [];

before(async () => {
	const written = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/e2e/certificateSample.mjs'), file], { cwd: ROOT, encoding: 'utf8' });
	assert.equal(written.status, 0, written.stderr);
	mkdirSync(SHOTS, { recursive: true });
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
	page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
	page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
	page.on('dialog', (d) => { consoleErrors.push(`dialog: ${d.message()}`); void d.dismiss(); });
	await page.goto(pathToFileURL(file).href);
});

after(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

test('the certificate opens from disk self-contained: no request, no script, the name as text', async () => {
	await page.locator('h1', { hasText: 'Certificate of completion' }).waitFor();
	assert.equal(await page.locator('.learner').innerText(), 'Aiko Tanaka <script>alert(1)</script>');
	assert.equal(await page.locator('script').count(), 0);
	assert.match(await page.locator('.statement').innerText(), /training cycle 2027-01-15 to 2028-01-14/);
	const rows = await page.locator('tbody tr').allInnerTexts();
	assert.equal(rows.length, 2);
	assert.match(rows[0], /Our deploy key in a public gist[\s\S]*100%[\s\S]*2027-01-20[\s\S]*[0-9a-f]{64}/);
	assert.match(await page.locator('.check').innerText(), /aiko-tanaka\.json, SHA-256 [0-9a-f]{64}/);
	assert.deepEqual(requests, []);
	assert.deepEqual(consoleErrors, []);
	await page.screenshot({ path: path.join(SHOTS, 'certificate-screen.png'), fullPage: true });
});

test('it prints on one page', async () => {
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: path.join(SHOTS, 'certificate-print.png'), fullPage: true });
	const pdf = await page.pdf({ format: 'A4' });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	assert.equal(pages, 1, 'one A4 page');
});
