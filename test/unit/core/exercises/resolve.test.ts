import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveExercise, runChecks, type Exercise, type ReadRelative } from '../../../../src/core/exercises';
import { exerciseVariantSuite } from '../../helpers/exerciseVariants';

const EXERCISE: Exercise = {
	id: 'e', title: 't', prompt: 'p', explain: '', hints: [], solutionAfter: 3, line: 7,
	files: [{ path: 'a.ts', language: 'typescript', starter: { ref: '../exercises/e/a.ts' } }, { path: 'b.ts', language: 'typescript', starter: { text: 'b0' } }],
	checks: [{ id: 'c', file: 'b.ts', kind: 'must', patterns: ['b1'], ignoreComments: false, ignoreWhitespace: false, hint: 'h', line: 9 }],
	solution: [{ path: 'b.ts', content: { ref: 'solution/b.ts' } }],
};

function reader(files: Record<string, string>, calls: string[] = []): ReadRelative {
	return (ref) => {
		calls.push(ref);
		return Promise.resolve(Object.hasOwn(files, ref) ? files[ref] : undefined);
	};
}

describe('resolveExercise', () => {
	it('reads references through the caller, overlays the solution on the starter', async () => {
		const calls: string[] = [];
		const { exercise, diagnostics } = await resolveExercise(EXERCISE, reader({ '../exercises/e/a.ts': 'a0', 'solution/b.ts': 'b1' }, calls), 'l.md');
		assert.deepEqual(diagnostics, []);
		assert.deepEqual([...(exercise?.starterFiles ?? [])], [['a.ts', 'a0'], ['b.ts', 'b0']]);
		assert.deepEqual([...(exercise?.solutionFiles ?? [])], [['a.ts', 'a0'], ['b.ts', 'b1']]);
		assert.deepEqual(calls, ['../exercises/e/a.ts', 'solution/b.ts']);
		assert.equal(exercise && runChecks(exercise, exercise.solutionFiles).passed, true);
	});

	it('names a missing, unreadable or oversized file at the exercise line, and returns no exercise', async () => {
		const failing: ReadRelative = async (ref) => (ref === 'solution/b.ts' ? Promise.reject(new Error('EACCES')) : 'x'.repeat(64 * 1024 + 1));
		const { exercise, diagnostics } = await resolveExercise(EXERCISE, failing, 'l.md');
		assert.equal(exercise, undefined);
		assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.line}`), ['exercise-file-missing@7', 'exercise-file-missing@7']);
		assert.match(diagnostics[0]?.message ?? '', /"\.\.\/exercises\/e\/a\.ts" is larger than 64 KiB/);
		assert.match(diagnostics[1]?.message ?? '', /solution of b\.ts "solution\/b\.ts" does not exist or cannot be read/);
	});

	it('never asks the reader for a reference that climbs out or is absolute', async () => {
		const calls: string[] = [];
		for (const ref of ['../../etc/passwd', '/etc/passwd', '../a/../../b', 'C:\\x']) {
			const bad = { ...EXERCISE, files: [{ path: 'a.ts', language: '', starter: { ref } }] };
			const { diagnostics } = await resolveExercise(bad, reader({ 'solution/b.ts': 'b1' }, calls), 'l.md');
			assert.deepEqual(diagnostics.map((d) => d.code), ['exercise-invalid-path'], ref);
		}
		assert.deepEqual(calls, ['solution/b.ts', 'solution/b.ts', 'solution/b.ts', 'solution/b.ts']);
	});
});

const FIXTURE = path.join(__dirname, '..', '..', '..', 'fixtures', 'exercises', 'lessons');
const RIGHT = (body: string): string => `export function exportRows(account: string, rows: number): string[] {\n${body}\n\treturn fetchRows(account, rows);\n}\n`;

for (const locale of ['en', 'ja']) {
	exerciseVariantSuite(path.join(FIXTURE, locale, 'audit-export.md'), 'audit-before-refusal', {
		right: [
			{ name: 'an audit helper with another name, then throw', files: { 'exportRows.ts': RIGHT('\tif (rows > 1000) {\n\t\tauditRefusal(account,\n\t\t\trows);\n\t\tthrow new RangeError("too many");\n\t}') } },
			{ name: 'a guard clause', files: { 'exportRows.ts': RIGHT('\tif (rows <= 1000) return fetchRows(account, rows);\n\taudit({ account });\n\tthrow new Error("no");') } },
		],
		wrong: [
			{ name: 'the audit call after the throw', files: { 'exportRows.ts': RIGHT('\tif (rows > 1000) {\n\t\tthrow new Error("no");\n\t\taudit(account);\n\t}') } },
			{ name: 'the audit call in a comment', files: { 'exportRows.ts': RIGHT('\tif (rows > 1000) {\n\t\t// audit(account);\n\t\tthrow new Error("no");\n\t}') } },
			{ name: 'no refusal at all', files: { 'exportRows.ts': RIGHT('\taudit(account);') } },
		],
	});
}
