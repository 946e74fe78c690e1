import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeItems, answerText, MAX_ITEMS, type ItemLesson } from '../../../../src/core/team/itemAnalysis';
import { formatItemsCsv, formatItemsMarkdown } from '../../../../src/core/team/itemAnalysisFormat';
import { itemsSection } from '../../../../src/core/team/itemAnalysisHtml';
import type { ProgressReport, ReportLesson, ReportQuiz } from '../../../../src/core/team/learnerReport';
import type { ReportFile } from '../../../../src/core/team/teamReport';

const T = '2026-11-20T10:00:00.000Z';
const quiz = (id: string, correct: boolean, answer: number[], attempts = 1, contentHash = 'v1'): ReportQuiz => ({ id, correct, attempts, answeredAt: T, answer, contentHash });

function file(name: string, quizzes: ReportQuiz[], extra: Partial<ReportLesson> = {}, schemaVersion: 1 | 2 = 2): ReportFile {
	const report: ProgressReport = {
		format: 'incident-lessons-progress-report', schemaVersion, generatedAt: T, learner: { name }, passMark: 80,
		lessons: [{ id: 'gmail', title: 'Gmail', track: 'developer', origin: 'bundled', status: 'inProgress', score: 0, answered: quizzes.length, total: 3, correct: 0, attempts: 1, quizzes, ...extra }],
	};
	return { file: `${name}.json`, report };
}

const LESSON: ItemLesson = {
	id: 'gmail', title: 'The customer list in Gmail', contentHash: 'v1',
	quizzes: [
		{ id: 'q1', type: 'single', prompt: 'Where did the list go?', explain: '', line: 1, choices: [{ text: 'A <b>gist</b>', correct: false, explain: '' }, { text: 'Gmail', correct: true, explain: '' }, { text: 'USB', correct: false, explain: '' }] },
		{ id: 'q2', type: 'order', prompt: 'Order', explain: '', line: 2, steps: [{ text: 'copy', explain: '' }, { text: 'send', explain: '' }] },
	],
	checks: new Map([['ex', new Map([['c1', 'Check one'], ['c2', 'Check two']])]]),
};

describe('question-level analysis', () => {
	const reports = [
		file('a', [quiz('q1', false, [0]), quiz('q2', true, [0, 1])]),
		file('b', [quiz('q1', false, [0]), quiz('q2', true, [0, 1], 3)]),
		file('c', [quiz('q1', true, [1], 2), quiz('q2', false, [1, 0])], { exercises: [{ id: 'ex', passed: false, attempts: 2, failedChecks: ['c2'], hintsUsed: 1, solutionShown: false }] }),
		file('d', [quiz('q1', false, [2], 1, 'v0')], { exercises: [{ id: 'ex', passed: true, attempts: 1, failedChecks: [], hintsUsed: 0, solutionShown: false }] }),
		file('old', [{ id: 'q1', correct: true, attempts: 1, answeredAt: T }], {}, 1),
	];
	const view = analyzeItems(reports, [LESSON]);

	it('counts answered, right at the first try and wrong now per question, hardest first', () => {
		assert.equal(view.learners, 5);
		assert.equal(view.withoutAnswers, 1);
		assert.deepEqual(view.questions.map((q) => [q.quizId, q.answered, q.firstTry, q.firstTryRate, q.wrongNow]), [['q1', 4, 0, 0, 3], ['q2', 3, 1, 33, 1]]);
		assert.equal(view.questions[0]?.prompt, 'Where did the list go?');
		assert.equal(view.questions[0]?.lessonTitle, 'The customer list in Gmail');
	});

	it('names the most held wrong answer with its wording, only for answers to the lesson version given', () => {
		assert.deepEqual(view.questions[0]?.topWrong, { answer: [0], count: 2, text: 'A <b>gist</b>' });
		assert.deepEqual(view.questions[1]?.topWrong, { answer: [1, 0], count: 1, text: 'send → copy' });
		const stale = analyzeItems([reports[3] as ReportFile], [LESSON]);
		assert.deepEqual(stale.questions[0]?.topWrong, { answer: [2], count: 1 });
		const noLessons = analyzeItems(reports);
		assert.deepEqual(noLessons.questions[0]?.topWrong, { answer: [0], count: 2 });
		assert.equal(answerText(LESSON.quizzes[0]!, [7]), undefined);
	});

	it('lists every known check of an exercise learners checked, most failing first', () => {
		assert.deepEqual(view.checks.map((c) => [c.checkId, c.failing, c.checked, c.hint]), [['c2', 1, 2, 'Check two'], ['c1', 0, 2, 'Check one']]);
	});

	it('counts a quiz listed twice in one report once, and a report without answers nowhere', () => {
		const twice = analyzeItems([file('x', [quiz('q1', false, [0]), quiz('q1', true, [1])])], [LESSON]);
		assert.deepEqual(twice.questions.map((q) => [q.answered, q.wrongNow]), [[1, 1]]);
		assert.deepEqual(analyzeItems([reports[4] as ReportFile]).questions, []);
	});

	it('escapes report and lesson text in every format', () => {
		const md = formatItemsMarkdown(analyzeItems([file('x', [quiz('q1', false, [0])])], [{ ...LESSON, quizzes: [{ ...LESSON.quizzes[0]!, prompt: 'a | b' }] }]));
		assert.match(md, /a \\\| b/);
		assert.ok(md.includes('“A \\<b\\>gist\\</b\\>” (choice 1) × 1'), md);
		const html = itemsSection(view);
		assert.match(html, /A &lt;b&gt;gist&lt;\/b&gt;/);
		assert.doesNotMatch(html, /<b>gist/);
		assert.match(html, /<figure><svg role="img" aria-labelledby="items-chart-title items-chart-desc"/);
		assert.match(html, /<figcaption>/);
		assert.doesNotMatch(html, /<script/i);
		const csv = formatItemsCsv(analyzeItems([file('x', [quiz('q1', false, [0])])], [{ ...LESSON, quizzes: [{ ...LESSON.quizzes[0]!, choices: [{ text: '=HYPERLINK("x")', correct: false, explain: '' }] } as never] }]));
		assert.match(csv, /"'=HYPERLINK\(""x""\)"/);
		assert.equal(csv.split('\r\n')[0], 'lesson,question,prompt,answered,first_try,first_try_rate,wrong_now,top_wrong_answer,top_wrong_count,top_wrong_text');
	});
});

describe('question-level analysis of hostile reports', () => {
	it('tallies at most MAX_ITEMS distinct questions and says the rest were left out', () => {
		const many = Array.from({ length: 3 }, (_, r) => file(`m${r}`, Array.from({ length: 10_000 }, (_, i) => quiz(`q${r}-${i}`, false, [0]))));
		const view = analyzeItems(many);
		assert.equal(view.questions.length, MAX_ITEMS);
		assert.equal(view.truncated, true);
		assert.match(formatItemsMarkdown(view), /more than 20000 distinct questions or checks; the ones met after that are not counted/);
		assert.equal(analyzeItems([many[0] as ReportFile]).truncated, undefined);
	});
});
