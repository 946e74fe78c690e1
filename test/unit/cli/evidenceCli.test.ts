import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/run';

const ROOT = path.join(__dirname, '..', '..', '..');
const REPORTS = path.join('test', 'fixtures', 'item-reports');
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(path.resolve(ROOT, file))).digest('hex');

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, ROOT, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

interface Manifest {
	format: string; requirement?: string; cycle?: string;
	reports: { file: string; sha256: string; learner: string; used: boolean }[];
	lessons: { id: string; taughtVersions: string[]; files: { file: string; sha256: string }[]; missingVersions: string[] }[];
	skipped: { file: string; reason: string }[];
	files: Record<string, string>;
}

describe('cli evidence', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-evidence-'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('writes the summary, the CSV and a manifest whose hashes are those of the files read and written; malformed reports are skipped by name', async () => {
		const out = path.join(tmp, 'pack');
		const run = await cli(['evidence', REPORTS, '--out', out, '--cycle', '2026', '--requirement', 'PCI DSS 4.0 6.2.2', '--today', '2026-11-24']);
		assert.equal(run.code, 0, run.stderr);
		assert.deepEqual(readdirSync(out).sort(), ['evidence.csv', 'evidence.html', 'manifest.json']);
		assert.match(run.stderr, /skipped test\/fixtures\/item-reports\/out-of-range\.json: not a valid version 2 report/);
		assert.match(run.stderr, /skipped test\/fixtures\/item-reports\/truncated\.json: not valid JSON .*\(line 30\)/);
		const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
		assert.equal(manifest.format, 'incident-lessons-evidence');
		assert.equal(manifest.requirement, 'PCI DSS 4.0 6.2.2');
		assert.equal(manifest.reports.length, 4);
		for (const r of manifest.reports) {
			assert.equal(r.sha256, sha256(r.file), r.file);
		}
		assert.deepEqual(manifest.skipped.map((s) => path.basename(s.file)), ['out-of-range.json', 'truncated.json']);
		const agency = manifest.lessons.find((l) => l.id === 'agency-email-route');
		assert.deepEqual(agency?.files.map((f) => f.file), ['lessons/en/agency-email-route.md', 'lessons/ja/agency-email-route.md']);
		for (const f of agency?.files ?? []) {
			assert.equal(f.sha256, sha256(f.file));
		}
		assert.deepEqual(agency?.missingVersions, []);
		assert.equal(manifest.files['evidence.html'], sha256(path.join(out, 'evidence.html')));
		assert.equal(manifest.files['evidence.csv'], sha256(path.join(out, 'evidence.csv')));
		const html = readFileSync(path.join(out, 'evidence.html'), 'utf8');
		assert.match(html, /<h1>Training evidence: 2026<\/h1>/);
		assert.match(html, /not proof/);
		assert.match(html, /<li>Ben Carter: agency-email-route \(due 2026-11-20\)<\/li>/);
		const csv = readFileSync(path.join(out, 'evidence.csv'), 'utf8').split('\r\n');
		assert.match(csv[1] ?? '', /^"Aiko Tanaka","agency-email-route",.*"passed","2026-11-12",false,"163b56a70581c4cd",/);
	});

	it('never writes into a folder that is not empty without --force; with it, replaces its own files only and follows no link', async () => {
		const out = path.join(tmp, 'busy');
		mkdirSync(out);
		writeFileSync(path.join(out, 'notes.txt'), 'keep');
		const refused = await cli(['evidence', REPORTS, '--out', out]);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /the folder is not empty \(add --force/);
		assert.deepEqual(readdirSync(out), ['notes.txt']);
		const victim = path.join(tmp, 'victim.txt');
		writeFileSync(victim, 'untouched');
		symlinkSync(victim, path.join(out, 'evidence.html'));
		const forced = await cli(['evidence', REPORTS, '--out', out, '--force']);
		assert.equal(forced.code, 0, forced.stderr);
		assert.equal(readFileSync(victim, 'utf8'), 'untouched');
		assert.equal(readFileSync(path.join(out, 'notes.txt'), 'utf8'), 'keep');
		assert.match(readFileSync(path.join(out, 'evidence.html'), 'utf8'), /^<!DOCTYPE html>/);
		const file = path.join(tmp, 'a-file');
		writeFileSync(file, '');
		assert.match((await cli(['evidence', REPORTS, '--out', file])).stderr, /it is not a folder/);
	});

	it('exits 1 when no report can be read, and names what a usage error lacks', async () => {
		const none = await cli(['evidence', path.join(REPORTS, 'truncated.json'), '--out', path.join(tmp, 'none')]);
		assert.equal(none.code, 1);
		assert.deepEqual(parseArgs(['evidence', 'r']), { kind: 'usageError', message: 'evidence needs --out <dir>, the folder to write the pack to' });
		assert.deepEqual(parseArgs(['evidence', '--out', 'x']), { kind: 'usageError', message: 'evidence needs at least one report file or folder' });
		assert.deepEqual(parseArgs(['evidence', 'r', '--out', 'x', '--requirement', 'y'.repeat(201)]), { kind: 'usageError', message: 'evidence --requirement needs a value of 1 to 200 characters' });
		assert.deepEqual(parseArgs(['evidence', 'r', '--out=x', '--force', '--today', '2026-01-31']), { kind: 'evidence', paths: ['r'], out: 'x', force: true, lessons: [], today: '2026-01-31' });
	});
});
