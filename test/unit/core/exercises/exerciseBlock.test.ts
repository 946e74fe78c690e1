import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { hashQuizContent } from '../../../../src/core/lessons/contentHash';
import type { Diagnostic } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { LINT_RULES } from '../../../../src/core/lessons/rules';
import { renderLesson } from '../../../../src/core/page/render';

const EXERCISE_FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'exercises', 'lessons');

const HEAD = `---
id: sample
title: Sample
summary: A sample.
---

\`\`\`quiz
id: q1
type: single
prompt: Which?
choices:
  - text: This one.
    correct: true
    explain: Yes.
  - text: That one.
    explain: No.
\`\`\`
`;
/** The line of the first line inside the first exercise fence of {@link lesson}. */
const FIRST = 20;

const VALID = `id: fix-it
title: Fix it
prompt: Change the code.
files:
  - path: src/app.ts
    starter: |
      const a = 1;
checks:
  - id: has-b
    file: src/app.ts
    must: 'const b'
    hint: Add b.
solution:
  - path: src/app.ts
    content: |
      const b = 1;
`;

function lesson(...blocks: string[]): string {
	return HEAD + blocks.map((b) => `\n\`\`\`exercise\n${b}\`\`\`\n`).join('');
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
	return diagnostics.map((d) => `${d.code}@${d.line}`);
}

describe('exercise blocks in the lesson parser', () => {
	it('parses a valid exercise into Lesson.exercises, with defaults and the check lines', () => {
		const { lesson: parsed, diagnostics } = parseLesson(lesson(VALID), 'sample.md');
		assert.deepEqual(diagnostics, []);
		assert.ok(parsed);
		assert.deepEqual(parsed.exercises, [{
			id: 'fix-it', title: 'Fix it', prompt: 'Change the code.', explain: '', hints: [], solutionAfter: 3, line: FIRST - 1,
			files: [{ path: 'src/app.ts', language: 'typescript', starter: { text: 'const a = 1;\n' } }],
			checks: [{ id: 'has-b', file: 'src/app.ts', kind: 'must', patterns: ['const b'], ignoreComments: false, ignoreWhitespace: false, hint: 'Add b.', line: FIRST + 8 }],
			solution: [{ path: 'src/app.ts', content: { text: 'const b = 1;\n' } }],
		}]);
	});

	it('reads mustNot lists, ignore options, at, hints, solutionAfter, language and file references', () => {
		const block = VALID.replace("    must: 'const b'", "    mustNot: ['eval\\(', 'Function\\(']\n    ignore: [whitespace, comments]\n    at: 'const'")
			.replace('  - path: src/app.ts\n    starter: |\n      const a = 1;', '  - path: q.txt\n    language: sql\n    starterFile: ../exercises/x/q.sql')
			.replace('file: src/app.ts', 'file: q.txt').replace('  - path: src/app.ts\n    content: |\n      const b = 1;', '  - path: q.txt\n    contentFile: solution/q.sql')
			+ 'hints: [one, two]\nsolutionAfter: 0\n';
		const { lesson: parsed, diagnostics } = parseLesson(lesson(block), 'sample.md');
		assert.deepEqual(diagnostics, []);
		const exercise = parsed?.exercises[0];
		assert.deepEqual(exercise?.checks[0], { id: 'has-b', file: 'q.txt', kind: 'mustNot', patterns: ['eval\\(', 'Function\\('], ignoreComments: true, ignoreWhitespace: true, at: 'const', hint: 'Add b.', line: FIRST + 8 });
		assert.deepEqual(exercise?.files, [{ path: 'q.txt', language: 'sql', starter: { ref: '../exercises/x/q.sql' } }]);
		assert.deepEqual(exercise?.solution, [{ path: 'q.txt', content: { ref: 'solution/q.sql' } }]);
		assert.deepEqual([exercise?.hints, exercise?.solutionAfter], [['one', 'two'], 0]);
	});

	const cases: readonly [string, string, readonly string[]][] = [
		['a missing field', VALID.replace('title: Fix it\n', ''), ['exercise-schema@19']],
		['an unknown key (a warning; the exercise still parses)', `${VALID}extra: 1\n`, ['exercise-unknown-key@36']],
		['a non-mapping block', 'just text\n', ['exercise-schema@19']],
		['both must and mustNot', VALID.replace("    must: 'const b'", "    must: 'const b'\n    mustNot: 'x'"), ['exercise-schema@28']],
		['neither starter nor starterFile', VALID.replace('    starter: |\n      const a = 1;\n', ''), ['exercise-schema@24']],
		['a pattern over 500 characters', VALID.replace("must: 'const b'", `must: '${'a'.repeat(501)}'`), ['exercise-schema@30']],
		['nine patterns', VALID.replace("must: 'const b'", `must: [${Array(9).fill('a').join(', ')}]`), ['exercise-schema@30']],
		['a path with ..', VALID.replaceAll('src/app.ts', 'src/../app.ts'), ['exercise-invalid-path@24']],
		['an absolute path', VALID.replaceAll('src/app.ts', '/etc/passwd'), ['exercise-invalid-path@24']],
		['a reference climbing twice', VALID.replace('    starter: |\n      const a = 1;', '    starterFile: ../../secret.ts'), ['exercise-invalid-path@25']],
		['a check on an unknown file', VALID.replace('    file: src/app.ts', '    file: app.ts'), ['exercise-unknown-file@29']],
		['a solution for an unknown file', VALID.replace('  - path: src/app.ts\n    content', '  - path: other.ts\n    content'), ['exercise-unknown-file@33']],
		['a repeated check id', VALID.replace('solution:', '  - id: has-b\n    file: src/app.ts\n    must: x\n    hint: h\nsolution:'), ['exercise-duplicate-id@32']],
		['a file listed twice', VALID.replace('checks:', '  - path: src/app.ts\n    starter: b\ncheckz: 1\nchecks:'), ['exercise-schema@27', 'exercise-unknown-key@29']],
	];
	for (const [name, block, expected] of cases) {
		it(`reports ${name}`, () => {
			const { lesson: parsed, diagnostics } = parseLesson(lesson(block), 'sample.md');
			assert.deepEqual(codes(diagnostics), expected);
			assert.equal(parsed === undefined, diagnostics.some((d) => d.severity === 'error'));
			for (const d of diagnostics) {
				assert.equal(d.severity, LINT_RULES[d.code as keyof typeof LINT_RULES]);
				assert.ok(!d.message.includes('\n'));
			}
		});
	}

	it('keeps quiz and exercise ids in one space', () => {
		const { diagnostics } = parseLesson(lesson(VALID.replace('id: fix-it', 'id: q1')), 'sample.md');
		assert.deepEqual(codes(diagnostics), ['exercise-duplicate-id@20']);
		assert.match(diagnostics[0]?.message ?? '', /already used by the quiz at line 7/);
		const twice = parseLesson(lesson(VALID, VALID), 'sample.md');
		assert.deepEqual(codes(twice.diagnostics), [`exercise-duplicate-id@${FIRST + 19}`]);
	});

	it('takes at most four exercises in a lesson', () => {
		const blocks = [1, 2, 3, 4, 5].map((n) => VALID.replace('id: fix-it', `id: fix-${n}`));
		const { diagnostics } = parseLesson(lesson(...blocks), 'sample.md');
		assert.deepEqual(diagnostics.map((d) => d.code), ['exercise-schema']);
		assert.match(diagnostics[0]?.message ?? '', /at most 4 exercises/);
	});

	it('counts exercise YAML in the lesson YAML budget', () => {
		const big = `${VALID}explain: |\n${`  ${'x'.repeat(99)}\n`.repeat(700)}`;
		const { diagnostics } = parseLesson(lesson(big), 'sample.md');
		assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
		assert.match(diagnostics[0]?.message ?? '', /this exercise block and the ones after it are not checked/);
	});

	it('bounds the diagnostics of a block full of problems', () => {
		const checks = Array.from({ length: 300 }, (_, i) => `  - id: c${i}\n    file: nope.ts\n    hint: h\n`).join('');
		const { diagnostics } = parseLesson(lesson(VALID.replace(/checks:[\s\S]*?solution:/, `checks:\n${checks}solution:`)), 'sample.md');
		assert.ok(diagnostics.length <= 101, `${diagnostics.length} diagnostics`);
		assert.match(diagnostics.at(-1)?.message ?? '', /more problems are in exercise "fix-it" and not shown/);
	});
});

describe('the content hash and exercises', () => {
	const base = parseLesson(HEAD, 'sample.md').lesson;
	const withExercise = parseLesson(lesson(VALID), 'sample.md').lesson;

	it('stays what it was for a lesson without exercises', () => {
		assert.ok(base && withExercise);
		assert.equal(base.contentHash, hashQuizContent(base.quizzes));
		assert.notEqual(withExercise.contentHash, base.contentHash);
	});

	it('changes with a check pattern, kind, file or ignore option, not with wording', () => {
		const hash = (block: string): string | undefined => parseLesson(lesson(block), 'sample.md').lesson?.contentHash;
		const original = hash(VALID);
		assert.equal(hash(VALID.replace('Fix it', 'Repair it').replace('Add b.', 'Add a b.')), original);
		assert.notEqual(hash(VALID.replace("'const b'", "'const  b'")), original);
		assert.notEqual(hash(VALID.replace('must:', 'mustNot:')), original);
		assert.notEqual(hash(VALID.replace('    hint: Add b.', '    ignore: [comments]\n    hint: Add b.')), original);
	});
});

describe('rendering a lesson with an exercise', () => {
	it('shows no exercise fence as a code block', () => {
		const parsed = parseLesson(readFileSync(path.join(EXERCISE_FIXTURES, 'en', 'audit-export.md'), 'utf8'), 'audit-export.md').lesson;
		assert.ok(parsed);
		const html = renderLesson(parsed);
		assert.doesNotMatch(html, /<pre|language-exercise|starterFile|audit-first/);
		assert.match(html, /Some text/);
	});
});
