// The lesson page's side of exercises: the messages a section sends (checked as if forged), its markup, its state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exercise } from '../../../../src/core/exercises';
import type { Lesson } from '../../../../src/core/lessons/lesson';
import { exerciseView } from '../../../../src/core/page/exerciseView';
import { routeMessage } from '../../../../src/core/page/messageRouting';
import { renderLesson } from '../../../../src/core/page/render';
import { parseFromWebview } from '../../../../src/protocol';

const EXERCISE: Exercise = {
	id: 'audit-first', title: 'Audit <b>before</b> refusing', prompt: 'Fix **this** <script>alert(1)</script> [x](javascript:alert(1))',
	explain: 'Because the *record* matters.',
	files: [{ path: 'src/export.ts', language: 'typescript', starter: { text: 'throw 1;' } }],
	checks: [
		{ id: 'audit', file: 'src/export.ts', kind: 'must', patterns: ['audit'], ignoreComments: true, ignoreWhitespace: false, hint: 'Write the audit row.', line: 12 },
		{ id: 'no-log', file: 'src/export.ts', kind: 'mustNot', patterns: ['console'], ignoreComments: false, ignoreWhitespace: false, hint: 'No logging.', line: 16 },
	],
	hints: ['Look at the refusal.', 'Audit, then throw.'], solutionAfter: 2,
	solution: [{ path: 'src/export.ts', content: { text: 'audit(); throw 1;' } }], line: 5,
};

const BODY = '# Title\n\nIntro.\n\n```exercise\nid: audit-first\n```\n\nAfter.\n';
const LESSON = {
	meta: { id: 'l', title: 'L', summary: 's', track: 'general', order: 1, tags: [], attack: [], sources: [], triggers: [] },
	locale: 'en', quizzes: [], exercises: [EXERCISE], body: BODY, bodyLine: 1, contentHash: 'h',
} as unknown as Lesson;

describe('exercise messages', () => {
	it('takes a well-formed exercise message and drops a malformed or unknown one', () => {
		assert.deepEqual(parseFromWebview({ type: 'exercise', lessonId: 'l', exerciseId: 'audit-first', action: 'check' }),
			{ type: 'exercise', lessonId: 'l', exerciseId: 'audit-first', action: 'check' });
		for (const bad of [
			{ type: 'exercise', lessonId: 'l', exerciseId: 'audit-first', action: 'run' },
			{ type: 'exercise', lessonId: 'l', exerciseId: '../x', action: 'check' },
			{ type: 'exercise', lessonId: 'l', exerciseId: 'audit-first', action: 'check', path: '/etc/passwd' },
			{ type: 'exercise', lessonId: 'l', action: 'start' },
		]) {
			assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
		}
	});

	it('routes only the open lesson\'s own exercises', () => {
		assert.deepEqual(routeMessage({ type: 'exercise', lessonId: 'l', exerciseId: 'audit-first', action: 'solution' }, LESSON),
			{ kind: 'exercise', exerciseId: 'audit-first', action: 'solution' });
		assert.equal(routeMessage({ type: 'exercise', lessonId: 'l', exerciseId: 'constructor', action: 'check' }, LESSON).kind, 'drop');
		assert.equal(routeMessage({ type: 'exercise', lessonId: 'other', exerciseId: 'audit-first', action: 'check' }, LESSON).kind, 'drop');
	});
});

describe('exercise section', () => {
	it('renders in place of its fence: escaped title, safe Markdown prompt, files, buttons, live region, hidden explanation', () => {
		const html = renderLesson(LESSON);
		const section = /<section class="il-exercise" id="il-ex-audit-first"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
		assert.ok(html.indexOf('Intro.') < html.indexOf(section) && html.indexOf(section) < html.indexOf('After.'), 'in place of the fence');
		assert.match(section, /Exercise: Audit &lt;b&gt;before&lt;\/b&gt; refusing/);
		assert.match(section, /<strong>this<\/strong>/);
		assert.doesNotMatch(section, /<script|href="javascript/);
		assert.match(section, /<code>src\/export\.ts<\/code>/);
		assert.deepEqual([...section.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]), ['start', 'check', 'hint', 'solution', 'reset', 'save']);
		assert.match(section, /role="status" aria-live="polite"/);
		assert.match(section, /<div class="il-ex-explain" hidden>[\s\S]*<em>record<\/em>/);
		assert.doesNotMatch(html, /id: audit-first/, 'the YAML is not shown');
		assert.doesNotMatch(section, /audit\(\); throw/, 'the solution is not in the page');
	});

	it('shows nothing before a check, then each check\'s verdict; hints and the solution unlock as the spec says', () => {
		const fresh = exerciseView(EXERCISE, undefined);
		assert.deepEqual(fresh, { exerciseId: 'audit-first', passed: false, attempts: 0, results: [], hints: [], moreHints: true, canShowSolution: false });
		const once = exerciseView(EXERCISE, { passed: false, attempts: 1, failedChecks: ['audit'], hintsUsed: 1, solutionShown: false, contentHash: 'h' });
		assert.deepEqual(once.results, [{ checkId: 'audit', passed: false, hint: 'Write the audit row.' }, { checkId: 'no-log', passed: true, hint: 'No logging.' }]);
		assert.deepEqual(once.hints, ['Look at the refusal.']);
		assert.equal(once.canShowSolution, false);
		const twice = exerciseView(EXERCISE, { passed: false, attempts: 2, failedChecks: ['audit'], hintsUsed: 5, solutionShown: false, contentHash: 'h' });
		assert.equal(twice.canShowSolution, true, 'after solutionAfter failed checks');
		assert.equal(twice.moreHints, false);
		assert.equal(exerciseView(EXERCISE, { passed: true, attempts: 1, failedChecks: [], hintsUsed: 0, solutionShown: false, contentHash: 'h' }).canShowSolution, true);
	});
});
