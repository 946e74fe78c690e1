import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintExercises, type ReadRelative } from '../../../../src/core/exercises';
import { lintFiles, type LessonFile } from '../../../../src/core/catalog/catalog';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';

const block = (checks: string, starter = 'const a = 1;', solution = 'const b = 1;', id = 'fix-it'): string => `\`\`\`exercise
id: ${id}
title: Fix it
prompt: Change the code.
files:
  - path: app.ts
    starter: '${starter}'
checks:
${checks}solution:
  - path: app.ts
    content: '${solution}'
\`\`\`
`;

const lesson = (body: string, id = 'sample'): string => `---\nid: ${id}\ntitle: T\nsummary: S\n---\n\n\`\`\`quiz\nid: q1\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: X\n  - text: B\n    explain: Y\n\`\`\`\n\n${body}`;
/** The line of the exercise fence, and of its first check, in {@link lesson}. */
const FENCE = 19;
const CHECK = FENCE + 8;

const check = (id: string, field: string): string => `  - id: ${id}\n    file: app.ts\n    ${field}\n    hint: Do it.\n`;

const noFiles: ReadRelative = () => Promise.resolve(undefined);

async function lint(text: string, read = noFiles): Promise<string[]> {
	const { lesson: parsed, diagnostics } = parseLesson(text, 'sample.md');
	assert.ok(parsed, diagnostics.map((d) => d.message).join('\n'));
	return (await lintExercises(parsed, 'sample.md', read)).map((d) => `${d.code}@${d.line}: ${d.message}`);
}

describe('lintExercises', () => {
	it('accepts a consistent exercise', async () => {
		assert.deepEqual(await lint(lesson(block(check('has-b', "must: 'const b'")))), []);
	});

	it('reports a pattern or an `at` that does not compile, is too complex or matches empty text, at its check', async () => {
		const checks = check('one', "must: ['const b', '(?<=x)b']") + check('two', "mustNot: 'a*'") + check('three', "must: 'const b'\n    at: '(unclosed'")
			+ check('four', `must: '${Array.from({ length: 25 }, (_, i) => `\\w{1,90}${String.fromCharCode(97 + i)}`).join('|')}'`);
		const found = await lint(lesson(block(checks)));
		assert.equal(found.length, 4, found.join('\n'));
		assert.match(found[0] ?? '', new RegExp(`^exercise-invalid-pattern@${CHECK}: exercise "fix-it", check "one": pattern 2: not a valid RE2 pattern.*lookbehind`));
		assert.match(found[1] ?? '', /^exercise-invalid-pattern@\d+: .*check "two": pattern: the pattern matches empty text/);
		assert.match(found[2] ?? '', /check "three": "at": not a valid RE2 pattern/);
		assert.match(found[3] ?? '', /check "four": pattern: the pattern is too complex/);
	});

	it('reports a starter that already passes, at the fence', async () => {
		assert.deepEqual(await lint(lesson(block(check('has-const', "must: 'const'")))),
			[`exercise-starter-passes@${FENCE}: exercise "fix-it": the starter passes every check, so there is nothing to fix; a check should fail on it`]);
	});

	it('reports each check the solution fails, naming it, at the check', async () => {
		const found = await lint(lesson(block(check('has-b', "must: 'const b'") + check('has-c', "must: 'const c'"))));
		assert.equal(found.length, 1);
		assert.match(found[0] ?? '', new RegExp(`^exercise-solution-fails@${CHECK + 4}: exercise "fix-it": the reference solution fails check "has-c" \\(app\\.ts:1:1: Do it\\.\\)$`));
	});

	it('reports referenced files that are missing, and checks nothing more', async () => {
		const text = lesson(block(check('has-b', "must: 'const b'")).replace("    starter: 'const a = 1;'", '    starterFile: ../exercises/x/app.ts'));
		assert.deepEqual((await lint(text)).map((d) => d.split(':')[0]), [`exercise-file-missing@${FENCE}`]);
		const read: ReadRelative = (ref) => Promise.resolve(ref === '../exercises/x/app.ts' ? 'const a = 2;' : undefined);
		assert.deepEqual(await lint(text, read), []);
	});
});

describe('translation parity of exercises', () => {
	const en: LessonFile = { file: 'lessons/en/sample.md', locale: 'en', text: lesson(block(check('has-b', "must: 'const b'"))) };
	const ja = (text: string): LessonFile => ({ file: 'lessons/ja/sample.md', locale: 'ja', text });
	const codes = (other: LessonFile): string[] => lintFiles([en, other]).map((d) => `${d.code}@${d.line}: ${d.message}`);

	it('accepts a translation that changes only the wording', () => {
		assert.deepEqual(codes(ja(en.text.replace('title: Fix it', 'title: 直す').replace('Change the code.', 'コードを直す。').replace('Do it.', 'やって。'))), []);
	});

	const cases: readonly [string, string, RegExp][] = [
		['another pattern', en.text.replace("must: 'const b'", "must: 'const  b'"), /exercise 1 does not match the en version \(lessons\/en\/sample\.md\): its files, checks, solution or solutionAfter differ/],
		['another ignore option', en.text.replace('    hint: Do it.', '    ignore: [comments]\n    hint: Do it.'), /its files, checks/],
		['another starter', en.text.replace("starter: 'const a = 1;'", "starter: 'const a = 2;'"), /its files, checks/],
		['another solution', en.text.replace("content: 'const b = 1;'", "content: 'const b = 2;'"), /its files, checks/],
		['another exercise id', en.text.replace('id: fix-it', 'id: fix-that'), /expected "fix-it", found "fix-that"/],
		['no exercise', en.text.slice(0, en.text.indexOf('```exercise')), /expected "fix-it", found no exercise/],
	];
	for (const [name, text, message] of cases) {
		it(`reports ${name}`, () => {
			const found = codes(ja(text));
			assert.equal(found.length, 1, found.join('\n'));
			assert.match(found[0] ?? '', /^translation-mismatch@\d+: /);
			assert.match(found[0] ?? '', message);
		});
	}
});
