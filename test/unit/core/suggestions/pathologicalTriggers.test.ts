// Trigger scans against hostile workspace triggers and text: each scan runs in a worker with a time limit, and the
// limits that keep a scan's slices short (lines over MAX_LINE_CHARS skipped before matching, blocks bounded by
// characters × program size, sets bounded in size) must not change what a scan finds on ordinary lines.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import type { LessonTrigger } from '../../../../src/core/suggestions/trigger';
import { compileTriggers, MAX_LINE_CHARS, scanDocument, type TriggerMatch } from '../../../../src/core/suggestions/triggerMatch';
import { PATTERN_FLAGS } from '../../../../src/core/suggestions/triggerPattern';
import type { TriggerScanInput, TriggerScanResult } from './pathologicalTriggersWorker';
import { propertyParams } from '../../helpers/propertySeed';
import { WorkerRunner } from '../../helpers/workerHarness';

/** Generous bounds for a slow, shared two-core machine: the editor's slices aim at 50 ms and the CLI at 1 s. */
const SLICE_BOUND_MS = Number(process.env.PATHOLOGICAL_SLICE_MS ?? 500);
const CLI_BOUND_MS = Number(process.env.PATHOLOGICAL_CLI_MS ?? 3000);
const TIMEOUT_MS = 60_000;

function trigger(pattern: string, line = 1): LessonTrigger {
	return { languages: [], files: [], pattern, why: 'w', line, column: 1 };
}

/** 20 triggers whose DFA states never repeat on random letters: each is `[^\n]*[a-X][^\n]{140}\x01`. */
const HOSTILE = [{ lessonId: 'hostile', title: 'H', triggers: Array.from({ length: 20 }, (_, i) => trigger(`[^\\n]*[a-${String.fromCharCode(109 + i % 13)}][^\\n]{140}\\x01`, i + 1)) }];

/** Lowercase letters from a fixed seed. */
function letters(length: number, seed: number): string {
	let state = seed;
	return Array.from({ length }, () => String.fromCharCode(97 + ((state = (state * 1103515245 + 12345) % 2147483648) >> 16) % 26)).join('');
}

describe('trigger scans keep their time budgets on hostile triggers and text', () => {
	const runner = new WorkerRunner<TriggerScanInput, TriggerScanResult>(path.join(__dirname, 'pathologicalTriggersWorker.ts'), TIMEOUT_MS);
	after(() => runner.stop());

	it('a 400,000-character line is skipped, not matched, and the lines around it still match', async (t) => {
		const matching = `a${'b'.repeat(140)}\x01`;
		const text = [letters(400_000, 1), 'const a = 1;', matching, 'return a;'].join('\n');
		const r = await runner.run({ sources: HOSTILE, text });
		t.diagnostic(`worst slice ${r.worstSliceMs.toFixed(1)} ms in ${r.slices}; CLI ${r.cliMs.toFixed(1)} ms`);
		assert.ok(r.worstSliceMs < SLICE_BOUND_MS, `slowest editor slice ${r.worstSliceMs.toFixed(0)} ms`);
		assert.ok(r.cliMs < CLI_BOUND_MS, `CLI scan ${r.cliMs.toFixed(0)} ms`);
		assert.deepEqual([r.editorStatus, r.cliStatus], ['complete', 'complete']);
		assert.deepEqual(r.editorLines, Array.from({ length: 20 }, () => 3));
		assert.deepEqual(r.cliLines, r.editorLines);
	});

	it('400 random lines just under the line limit are scanned in short slices', async (t) => {
		const text = Array.from({ length: 400 }, (_, i) => letters(MAX_LINE_CHARS - 1, i + 2)).join('\n');
		const r = await runner.run({ sources: HOSTILE, text });
		t.diagnostic(`worst slice ${r.worstSliceMs.toFixed(1)} ms in ${r.slices}, ${r.editorStatus}; CLI ${r.cliMs.toFixed(1)} ms, ${r.cliStatus}`);
		assert.ok(r.worstSliceMs < SLICE_BOUND_MS, `slowest editor slice ${r.worstSliceMs.toFixed(0)} ms`);
		assert.ok(r.cliMs < CLI_BOUND_MS, `CLI scan ${r.cliMs.toFixed(0)} ms`);
		assert.deepEqual([...r.editorLines, ...r.cliLines], []);
	});
});

/** A match as line, start, end and trigger. */
type Found = [number, number, number, number];
const byPosition = (a: Found, b: Found): number => a[0] - b[0] || a[1] - b[1] || a[3] - b[3];

/** What a scan must find: every trigger on every line up to MAX_LINE_CHARS, one line at a time, in file order. */
function naive(patterns: readonly string[], text: string, max: number): Found[] {
	const found: Found[] = [];
	patterns.forEach((pattern, id) => {
		const re = RE2JS.compile(pattern, PATTERN_FLAGS);
		let count = 0;
		text.split('\n').forEach((line, n) => {
			const m = re.matcher(line);
			if (count < max && line.length <= MAX_LINE_CHARS && m.find()) {
				count++;
				found.push([n + 1, m.start(), m.end(), id]);
			}
		});
	});
	return found.sort(byPosition);
}

const PATTERNS = ['ab', '^a', 'b$', 'a[^\\n]{3}b', '(a|b)+\\x01', 'ba*b', '[ab][^\\n]{100}\\x01', '\\x01\\x01', '(?i)A B'];

describe('scanning by blocks and sets finds what a line-by-line search finds', () => {
	it('on random lines around the line limit, for any triggers and per-trigger cap', (t) => {
		const line = fc.oneof(
			fc.stringMatching(/^[ab \x01]{0,40}$/),
			fc.integer({ min: MAX_LINE_CHARS - 5, max: MAX_LINE_CHARS + 5 }).map((n) => 'ab \x01'.repeat(n).slice(0, n)),
		);
		fc.assert(fc.property(
			fc.array(line, { maxLength: 150 }), fc.subarray(PATTERNS, { minLength: 1 }), fc.integer({ min: 1, max: 30 }),
			(lines, patterns, max) => {
				const text = lines.join('\n');
				const index = compileTriggers(patterns.map((p, i) => ({ lessonId: `l${i}`, title: 'L', triggers: [trigger(p)] })));
				const { matches, status } = scanDocument(index, { path: 'a', languageId: '', text },
					{ clock: () => 0, budgetMs: 1, maxChars: 1_000_000, maxMatchesPerTrigger: max });
				const got = matches.map((m: TriggerMatch): Found => [m.line, m.start, m.end, m.trigger]).sort(byPosition);
				assert.equal(status, 'complete');
				assert.deepEqual(got, naive(patterns, text, max));
			},
		), propertyParams(t, 100));
	});
});
