import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFiles, type LessonFile } from '../../../../src/core/catalog/catalog';
import { choiceLength } from '../../../../src/core/lessons/quizCues';
import { estimateReadingTime } from '../../../../src/core/lessons/readingTime';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { lintWorkspaceLesson } from '../../../../src/core/catalog/workspaceCatalog';

const ADVICE = new Set(['quiz-answer-longest', 'set-answer-longest', 'set-answers-first', 'lesson-minutes-low']);

/** A lesson whose front matter ends on line 6 (with `minutes` on line 5 when given); its body starts on line 7. */
function lesson(id: string, body: string, minutes?: number): string {
	return `---\nid: ${id}\ntitle: T\nsummary: S\n${minutes !== undefined ? `minutes: ${minutes}\n` : 'level: beginner\n'}---\n${body}`;
}

/** A single quiz: `right` is the right choice's text, `wrong` the others'; the right one is written first. */
function single(id: string, right: string, ...wrong: string[]): string {
	const choices = [`  - text: ${right}\n    correct: true\n    explain: e\n`, ...wrong.map((w) => `  - text: ${w}\n    explain: e\n`)];
	return `\n\`\`\`quiz\nid: ${id}\ntype: single\nprompt: P\nchoices:\n${choices.join('')}\`\`\`\n`;
}

/** A multiple quiz with `count` choices, those at `right` correct. */
function multiple(id: string, count: number, right: readonly number[]): string {
	const choices = Array.from({ length: count }, (_, i) => `  - text: option ${i}\n    correct: ${right.includes(i)}\n    explain: e\n`);
	return `\n\`\`\`quiz\nid: ${id}\ntype: multiple\nprompt: P\nchoices:\n${choices.join('')}\`\`\`\n`;
}

const file = (locale: string, id: string, text: string): LessonFile => ({ file: `${locale}/${id}.md`, locale, text });

/** The advice diagnostics of a lint, as `rule@file:line`. */
function advice(files: LessonFile[]): string[] {
	return lintFiles(files).filter((d) => ADVICE.has(d.code)).map((d) => `${d.code}@${d.file}:${d.line}`);
}

describe('quiz-answer-longest', () => {
	it('fires when the right choice is more than 1.3 times the longest wrong one, at the quiz', () => {
		const text = lesson('a', single('q1', 'Report it and keep the logs of the server', 'Ignore it', 'Reboot it now'));
		// body: line 7 blank, the quiz fence on line 8
		assert.deepEqual(advice([file('en', 'a', text)]), ['quiz-answer-longest@en/a.md:8']);
		const message = lintFiles([file('en', 'a', text)]).find((d) => d.code === 'quiz-answer-longest')?.message ?? '';
		assert.match(message, /quiz "q1": the right choice \(choice 1, 41 characters\) is 3\.2× as long as the longest wrong one \(13\)/);
	});

	it('does not fire at 1.3 times or less', () => {
		// 13 characters against 10: exactly 1.3
		assert.deepEqual(advice([file('en', 'a', lesson('a', single('q1', 'abcdefghijklm', 'abcdefghij', 'abc')))]), []);
		assert.deepEqual(advice([file('en', 'a', lesson('a', single('q1', 'short', 'a much longer wrong choice')))]), []);
	});

	it('measures Japanese in code points and ignores runs of blanks', () => {
		assert.equal(choiceLength('インシデント窓口に報告する'), 13);
		assert.equal(choiceLength('  a   b\n c '), 5);
		assert.equal(choiceLength('𠮷野家'), 3);
		const text = lesson('a', single('q1', 'インシデント窓口に報告して証拠を保全する', '無視する', '再起動する'));
		assert.deepEqual(advice([file('ja', 'a', text)]), ['quiz-answer-longest@ja/a.md:8']);
	});

	it('is shown for a workspace lesson being edited', () => {
		const text = lesson('a', single('q1', 'Report it and keep the logs of the server', 'Ignore it', 'Reboot it now'));
		assert.deepEqual(lintWorkspaceLesson({ file: 'a.md', locale: 'en', text }, new Set()).map((d) => `${d.code}@${d.line}`), ['quiz-answer-longest@8']);
	});
});

describe('set-answer-longest and set-answers-first', () => {
	/** Five lessons with one single quiz each: the right choice is longest (by a little) in the first `longest`. */
	function singles(locale: string, longest: number): LessonFile[] {
		return Array.from({ length: 5 }, (_, i) => file(locale, `s${i}`, lesson(`s${i}`,
			i < longest ? single('q', 'right choice!', 'wrong choice', 'other') : single('q', 'right', 'wrong choice', 'other'))));
	}

	it('fires at every quiz of a locale where the right choice is longest in more than a third', () => {
		assert.deepEqual(advice(singles('en', 2)), ['set-answer-longest@en/s0.md:8', 'set-answer-longest@en/s1.md:8']);
		const message = lintFiles(singles('en', 2)).find((d) => d.code === 'set-answer-longest')?.message ?? '';
		assert.match(message, /as in 2 of the 5 single-choice quizzes of the en lessons/);
	});

	it('does not fire at a third or less, below five quizzes, or across locales', () => {
		assert.deepEqual(advice(singles('en', 1)), []);
		assert.deepEqual(advice(singles('en', 4).slice(0, 4)), [], 'four quizzes say nothing');
		// one per locale: 1 of 5 in each, though 2 of 10 overall
		assert.deepEqual(advice([...singles('en', 1), ...singles('ja', 1)]), []);
	});

	/** Five lessons with one multiple quiz each: the right choices are exactly the first two in the first `first`. */
	function multiples(first: number): LessonFile[] {
		return Array.from({ length: 5 }, (_, i) => file('en', `m${i}`, lesson(`m${i}`, multiple('q', 4, i < first ? [0, 1] : [1, 3]))));
	}

	it('fires where the right choices are exactly the first ones in more than 40% of multiple quizzes', () => {
		assert.deepEqual(advice(multiples(3)), ['set-answers-first@en/m0.md:8', 'set-answers-first@en/m1.md:8', 'set-answers-first@en/m2.md:8']);
		assert.deepEqual(advice(multiples(2)), [], 'two of five is 40%, not more');
	});

	it('does not count a quiz whose every choice is right, or right choices that are not all first', () => {
		const files = Array.from({ length: 5 }, (_, i) => file('en', `m${i}`, lesson(`m${i}`, multiple('q', 3, i < 3 ? [0, 1, 2] : [0, 2]))));
		assert.deepEqual(advice(files), []);
	});
});

describe('lesson-minutes-low', () => {
	const words = (n: number): string => `\n${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}\n`;

	it('estimates words at 200 a minute, Japanese characters at 500, quizzes with their text and half a minute each', () => {
		const { lesson: parsed } = parseLesson(lesson('r', words(1000) + '\n' + 'あ'.repeat(1000) + '\n' + single('q', 'yes', 'nah')), 'r.md');
		assert.ok(parsed);
		// 1000 body words + the quiz's "P yes e nah e" (5) = 1005 words → 5.025 min; 1000 characters → 2 min; 0.5 min
		assert.deepEqual(estimateReadingTime(parsed), { words: 1005, cjkCharacters: 1000, quizzes: 1, minutes: 8 });
	});

	it('does not count quiz YAML keys or link targets as words', () => {
		const { lesson: parsed } = parseLesson(lesson('r', '\nSee [the report](https://example.com/a/very/long/path).\n' + single('q', 'yes', 'nah')), 'r.md');
		assert.ok(parsed);
		assert.equal(estimateReadingTime(parsed).words, 3 + 5);
	});

	it('fires on the minutes line when the declared time is below three quarters of the estimate', () => {
		// 2000 words + quiz → 10 + 0.5 + a little → 11 minutes; 8 < 8.25
		const text = lesson('r', words(2000) + single('q', 'yes', 'nah'), 8);
		assert.deepEqual(advice([file('en', 'r', text)]), ['lesson-minutes-low@en/r.md:5']);
		const message = lintFiles([file('en', 'r', text)]).find((d) => d.code === 'lesson-minutes-low')?.message ?? '';
		assert.match(message, /"minutes: 8" is far below the estimated 11 minutes \(2005 words at 200 a minute, 1 quizzes/);
	});

	it('does not fire at three quarters or more, or without minutes', () => {
		assert.deepEqual(advice([file('en', 'r', lesson('r', words(2000) + single('q', 'yes', 'nah'), 9))]), []);
		assert.deepEqual(advice([file('en', 'r', lesson('r', words(2000) + single('q', 'yes', 'nah')))]), []);
	});
});
