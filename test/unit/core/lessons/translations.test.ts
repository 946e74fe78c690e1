import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFiles, type LessonFile } from '../../../../src/core/catalog/catalog';

function lesson(id: string, quizzes: string): string {
	return `---\nid: ${id}\ntitle: T\nsummary: S\n---\n\nText.\n\n${quizzes}`;
}

const single = (id: string, correct: number, count = 2): string => '```quiz\n'
	+ `id: ${id}\ntype: single\nprompt: P\nexplain: E\nchoices:\n`
	+ Array.from({ length: count }, (_, i) => `  - text: C${i}\n    correct: ${i === correct}\n    explain: X\n`).join('')
	+ '```\n';

const order = (id: string, steps: number): string => '```quiz\n'
	+ `id: ${id}\ntype: order\nprompt: P\nexplain: E\nsteps:\n` + Array.from({ length: steps }, (_, i) => `  - S${i}\n`).join('') + '```\n';

function file(locale: string, id: string, quizzes: string): LessonFile {
	return { file: `lessons/${locale}/${id}.md`, locale, text: lesson(id, quizzes) };
}

const codes = (files: LessonFile[]): string[] => lintFiles(files).map((d) => `${d.code}@${d.file}:${d.line}`);

describe('translation parity', () => {
	it('accepts translations with the same quizzes and answer keys, whatever the wording', () => {
		const ja = file('ja', 'a', single('q1', 1) + order('q2', 3));
		assert.deepEqual(codes([file('en', 'a', single('q1', 1) + order('q2', 3)), { ...ja, text: ja.text.replace(/C0/g, '選択肢') }]), []);
	});

	it('reports a lesson missing in one locale, against the file that exists', () => {
		assert.deepEqual(codes([file('en', 'a', single('q1', 0)), file('en', 'b', single('q1', 0)), file('ja', 'a', single('q1', 0))]),
			['translation-missing@lessons/en/b.md:1']);
		assert.deepEqual(codes([file('en', 'a', single('q1', 0)), file('ja', 'a', single('q1', 0)), file('ja', 'c', single('q1', 0))]),
			['translation-missing@lessons/ja/c.md:1']);
	});

	it('reports quizzes whose ids, order, choices or right answers differ, at the translated quiz', () => {
		const en = file('en', 'a', single('q1', 0) + single('q2', 1));
		const cases: [string, string][] = [
			['a different right answer', single('q1', 1) + single('q2', 1)],
			['another quiz id', single('q1', 0) + single('q3', 1)],
			['swapped quizzes', single('q2', 1) + single('q1', 0)],
			['an extra choice', single('q1', 0, 3) + single('q2', 1)],
		];
		for (const [what, quizzes] of cases) {
			const found = lintFiles([en, file('ja', 'a', quizzes)]);
			assert.equal(found.length, 1, what);
			assert.equal(found[0]?.code, 'translation-mismatch', what);
			assert.equal(found[0]?.file, 'lessons/ja/a.md', what);
			assert.equal(found[0]?.severity, 'error', what);
		}
		const missingQuiz = lintFiles([en, file('ja', 'a', single('q1', 0))]);
		assert.equal(missingQuiz[0]?.code, 'translation-mismatch');
		assert.match(missingQuiz[0]?.message ?? '', /found no quiz/);
	});

	it('says nothing when only one locale is linted', () => {
		assert.deepEqual(codes([file('en', 'a', single('q1', 0)), file('en', 'b', single('q1', 0))]), []);
	});
});
