// Hostile assignments files, report files and team sizes, each read in a worker thread within a time budget (a
// worker that hangs is terminated and the case fails), and the report command run whole under a 256 MiB heap.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_REPORT_BYTES, REPORT_FORMAT } from '../../../../src/core/team/learnerReport';
import type { TeamInput, TeamResult } from './pathologicalTeamWorker';
import { WorkerRunner } from '../../helpers/workerHarness';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
/** Time one case may take inside the worker: each takes under a second on an idle two-core machine. */
const BUDGET_MS = Number(process.env.PATHOLOGICAL_BUDGET_MS ?? 4_000);
/** After this the worker is terminated and the case fails: it hangs. */
const TIMEOUT_MS = 60_000;

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const head = `{"format": "${REPORT_FORMAT}", "schemaVersion": 1, "generatedAt": "2026-11-23T09:00:00.000Z", "learner": {"name": "M"}, "passMark": 80,\n`;
/** A JSON array of `count` copies of `item`. */
const list = (item: string, count: number): string => `[${`${item},`.repeat(count - 1)}${item}]`;
/** As many copies of `item` as fit in `bytes` of array. */
const fill = (item: string, bytes: number): string => list(item, Math.floor((bytes - 1) / (item.length + 1)));

const CASES: Readonly<Record<string, { input: TeamInput; outcome: RegExp }>> = {
	'assignments nested 10,000 deep': { input: { kind: 'assignments', text: `{"version": 1,\n"assignments": ${nested(10_000)}}` }, outcome: /^2:assignments-json-syntax: invalid JSON: arrays and objects nested more than 100 levels deep$/ },
	'assignments nested 100,000 deep': { input: { kind: 'assignments', text: `{"version": 1,\n"x": {"y": ${nested(100_000)}}}` }, outcome: /^2:assignments-json-syntax: .*nested more than 100 levels/ },
	'a report nested 10,000 deep': { input: { kind: 'report', text: `${head}"lessons": ${nested(10_000)}}` }, outcome: /nested more than 100 levels deep \(line 2\)/ },
	'a report nested 100,000 deep (objects)': { input: { kind: 'report', text: `${head}"lessons": [${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]}` }, outcome: /nested more than 100 levels deep \(line 2\)/ },
	'a report of 200,000 {} lessons': { input: { kind: 'report', text: `${head}"lessons": ${list('{}', 200_000)}}` }, outcome: /^too large: 200003 arrays and objects, more than the 42016 a report may hold$/ },
	'a 5 MiB report of {} lessons': { input: { kind: 'report', text: `${head}"lessons": ${fill('{}', MAX_REPORT_BYTES - 200)}}` }, outcome: /^too large: \d{7} arrays and objects/ },
	'a 5 MiB report of 2,000 lessons with {} quizzes': { input: { kind: 'report', text: `${head}"lessons": ${list(`{"quizzes": ${fill('{}', 2_600)}}`, 2_000)}}` }, outcome: /^too large: \d{7} arrays and objects/ },
	'the worst report within the limits: 2,000 {} lessons and 10,000 {} quizzes': {
		input: { kind: 'report', text: `${head}"lessons": [${Array.from({ length: 2_000 }, (_, i) => (i < 50 ? `{"quizzes": ${list('{}', 200)}}` : '{}')).join(',')}]}` },
		outcome: /^not a valid version 1 report: missing required field "lessons\[0\]\.id"$/,
	},
	'1,000 learners × 50 lessons': { input: { kind: 'team', learners: 1_000, lessons: 50 }, outcome: /^1000 learners × 50 lessons/ },
	'20 learners × 2,000 lessons': { input: { kind: 'team', learners: 20, lessons: 2_000 }, outcome: /^20 learners × 2000 lessons/ },
};

describe('pathological assignments, reports and teams', () => {
	const runner = new WorkerRunner<TeamInput, TeamResult>(path.join(__dirname, 'pathologicalTeamWorker.ts'), TIMEOUT_MS);
	after(() => runner.stop());

	for (const [name, { input, outcome }] of Object.entries(CASES)) {
		it(`${name}: read within ${BUDGET_MS} ms, one clear outcome`, async (t) => {
			const result = await runner.run(input);
			t.diagnostic(`${result.ms.toFixed(0)} ms, heap +${result.heapMiB.toFixed(1)} MiB: ${result.outcome.slice(0, 120)}`);
			assert.match(result.outcome, outcome);
			assert.ok(result.ms < BUDGET_MS, `${result.ms.toFixed(0)} ms is over the budget`);
		});
	}
});

describe('the report command under a 256 MiB heap', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'lessons-team-heap-'));
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('skips every hostile file by name and prints the valid learners', () => {
		copyFileSync(path.join(ROOT, 'test', 'fixtures', 'reports', 'chen-wei.json'), path.join(dir, 'chen-wei.json'));
		writeFileSync(path.join(dir, 'empties.json'), `${head}"lessons": ${fill('{}', MAX_REPORT_BYTES - 200)}}`);
		writeFileSync(path.join(dir, 'quizzes.json'), `${head}"lessons": ${list(`{"quizzes": ${fill('{}', 2_600)}}`, 2_000)}}`);
		writeFileSync(path.join(dir, 'deep.json'), `${head}"lessons": ${nested(1_000_000)}}`);
		for (const name of ['empties.json', 'quizzes.json']) {
			const bytes = readFileSync(path.join(dir, name)).length;
			assert.ok(bytes > MAX_REPORT_BYTES - 100_000 && bytes <= MAX_REPORT_BYTES, `${name} is just under 5 MiB (${bytes} bytes)`);
		}
		const started = performance.now();
		const run = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), 'report', dir, '--csv'],
			{ cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS });
		const ms = performance.now() - started;
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /^"Chen Wei",/m);
		for (const name of ['empties.json', 'quizzes.json', 'deep.json']) {
			assert.match(run.stderr, new RegExp(`^skipped ${path.join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `, 'm'));
		}
		assert.match(run.stderr, /1 report read, 3 skipped/);
		assert.ok(ms < TIMEOUT_MS / 2, `${ms.toFixed(0)} ms`);
	});
});
