import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';
import { quizDisplayOrder } from '../../../../src/core/page/quizHtml';
import { decodeEntities, executableConstructs } from '../../helpers/hardeningHtml';

function render(file: string): string {
	const { lesson, diagnostics } = parseLesson(readFileSync(file, 'utf8'), file);
	assert.ok(lesson, JSON.stringify(diagnostics));
	return renderLesson(lesson);
}

test('a hostile lesson renders with no executable construct', () => {
	const html = render('test/fixtures/lessons/hostile/xss.md');
	assert.deepEqual(executableConstructs(html), []);
	assert.doesNotMatch(html, /<script/i);
	// the payload text is still visible, escaped, so a reviewer sees what the author wrote
	assert.match(html, /&lt;script&gt;window\.hacked = true&lt;\/script&gt;/);
});

test('only https, http, mailto, in-page and relative links survive', () => {
	const html = render('test/fixtures/lessons/hostile/xss.md');
	const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
	assert.ok(hrefs.includes('https://example.com'));
	assert.ok(hrefs.includes('#heading'));
	assert.ok(hrefs.includes('other-lesson.md'));
	assert.ok(hrefs.includes('mailto:a@example.com'));
	for (const href of hrefs) {
		assert.ok(!/^(javascript|vbscript|data|file|command|vscode):/i.test(href.replace(/\s/g, '')), href);
	}
});

test('the checker itself catches what it looks for', () => {
	assert.equal(executableConstructs('<a href="javascript:alert(1)">x</a>').length, 1);
	assert.equal(executableConstructs('<a href="java&#9;script:alert(1)">x</a>').length, 1);
	assert.equal(executableConstructs('<img src="x" onerror="alert(1)">').length, 2);
	assert.equal(executableConstructs('<p style="color:red">x</p>').length, 1);
	assert.equal(executableConstructs('<svg onload="alert(1)"></svg>').length, 2);
});

test('author strings are escaped in every field and generated ids are prefixed', () => {
	const html = render('test/fixtures/lessons/hostile/xss.md');
	assert.match(html, /<h1 id="il-title">&lt;script&gt;alert\(&#39;title&#39;\)/);
	assert.match(html, /&quot;&gt;&lt;svg onload=alert\(2\)&gt; summary/);
	assert.match(html, /<label for="il-quiz-q1_c1">&quot; onfocus=&quot;alert\(18\)<\/label>/);
	assert.match(html, /class="language-&quot;&gt;&lt;script&gt;/);
	for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) {
		assert.ok(id?.startsWith('il-'), `id ${id} is prefixed`);
	}
});

test('the answer key is not in the page', () => {
	const html = render('test/fixtures/lessons/hostile/xss.md');
	assert.doesNotMatch(html, /explained/);
	assert.doesNotMatch(html, /correct/);
});

test('rendering is deterministic', () => {
	assert.equal(render('test/fixtures/lessons/hostile/xss.md'), render('test/fixtures/lessons/hostile/xss.md'));
});

test('table alignment uses classes, not inline styles the CSP would block', () => {
	const { lesson } = parseLesson('---\nid: t\ntitle: T\nsummary: S\n---\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n', 't.md');
	assert.ok(lesson);
	const html = renderLesson(lesson);
	assert.match(html, /<th class="il-align-left">a<\/th>/);
	assert.match(html, /<td class="il-align-right">2<\/td>/);
	assert.doesNotMatch(html, /style=/);
});

test('order quizzes are shown shuffled, deterministically, never already solved', () => {
	for (let n = 2; n <= 8; n++) {
		const quiz = { id: `quiz-${n}`, type: 'order', prompt: 'P', explain: '', line: 1, steps: Array.from({ length: n }, (_, i) => ({ text: `s${i}`, explain: '' })) } as const;
		for (let seed = 0; seed < 50; seed++) {
			const order = quizDisplayOrder(quiz, { seed, attempt: 0 });
			assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
			assert.notDeepEqual(order, Array.from({ length: n }, (_, i) => i));
			assert.deepEqual(order, quizDisplayOrder(quiz, { seed, attempt: 0 }));
		}
	}
});

test('timeline and breakdown figures escape every author string', () => {
	const html = render('test/fixtures/lessons/hostile/xss.md');
	assert.match(html, /<svg class="il-svg"[^>]*role="img" aria-labelledby="il-fig-timeline-title il-fig-timeline-desc"/);
	assert.match(html, /<svg class="il-svg"[^>]*aria-labelledby="il-fig-breakdown-title il-fig-breakdown-desc"/);
	assert.match(html, /&lt;\/text&gt;&lt;script&gt;alert\(19\)/);
	assert.match(html, /&lt;\/tspan&gt;&lt;foreignObject&gt;/);
	assert.deepEqual(executableConstructs(html), []);
});

test('a figure fence places the figure in the body instead of the header', () => {
	const text = '---\nid: f\ntitle: F\nsummary: S\nincident:\n  timeline:\n    - date: 2024-03-19\n      label: Start\n    - date: 2024-04\n      label: End\nsources:\n  - title: S\n---\n\nIntro\n\n```incident-timeline\n```\n';
	const { lesson, diagnostics } = parseLesson(text, 'f.md');
	assert.ok(lesson, JSON.stringify(diagnostics));
	const html = renderLesson(lesson);
	assert.equal(html.match(/il-figure-timeline/g)?.length, 1);
	assert.ok(html.indexOf('il-figure-timeline') > html.indexOf('<p>Intro</p>'));
	assert.match(html, /19 Mar 2024/);
	assert.match(html, />Apr 2024</);
});

test('the header lists the incident\'s facts, its count grouped by thousands whatever the host\'s locale', () => {
	const text = '---\nid: h\ntitle: T\nsummary: S\nincident:\n  organization: Org\n  date: 2025-04-25\n  records: 1234567\nsources:\n  - title: S\n---\n\nBody\n';
	const { lesson, diagnostics } = parseLesson(text, 'h.md');
	assert.ok(lesson, JSON.stringify(diagnostics));
	const facts = /<dl class="il-incident">.*?<\/dl>/.exec(renderLesson(lesson))?.[0] ?? '';
	assert.match(facts, /<dt>Organization<\/dt><dd>Org<\/dd>/);
	assert.match(facts, /<dt>Records affected<\/dt><dd>1,234,567<\/dd>/);
});

test('generated ids never collide, whatever the quiz ids (quiz "a-prompt" and quiz "a"\'s prompt)', () => {
	const quiz = (id: string): string => `\`\`\`quiz\nid: ${id}\ntype: single\nprompt: P\nchoices:\n  - text: a\n    correct: true\n    explain: x\n  - text: b\n    explain: y\n\`\`\`\n`;
	const ids = ['a', 'a-prompt', 'a-hint', 'a-c0', 'a-c0-fb', 'a-c1', 'h-a', 'title', 'sources', 'score', 'next'];
	const text = `---\nid: ids\ntitle: T\nsummary: S\n---\n# A\n\n# Prompt\n\n${ids.map(quiz).join('\n')}`;
	const { lesson, diagnostics } = parseLesson(text, 'ids.md');
	assert.ok(lesson, JSON.stringify(diagnostics));
	const all = [...renderLesson(lesson).matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
	assert.ok(all.includes('il-quiz-a_prompt') && all.includes('il-quiz-a-prompt'), all.join(' '));
	assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i), [], 'duplicate ids');
});

test('choices are native inputs in a fieldset named by the prompt, with no list semantics (axe listitem)', () => {
	const html = render('lessons/en/axa-non-life-unauthorized-access.md');
	const fieldsets = [...html.matchAll(/<fieldset class="il-choices"[^>]*><legend class="il-quiz-prompt" id="(il-quiz-[a-z0-9-]+)_prompt">/g)];
	assert.ok(fieldsets.length >= 2, 'every choice quiz is a fieldset whose legend is its prompt');
	assert.doesNotMatch(html, /<li class="il-choice"|role="radiogroup"|<ul class="il-choices"/);
	assert.match(html, /<ol class="il-steps" aria-labelledby="il-quiz-[a-z0-9-]+_prompt"><li class="il-step"/, 'steps stay an ordered list');
});

test('a code block is focusable, so it can be scrolled by keyboard, and named (axe scrollable-region-focusable)', () => {
	const html = render('lessons/en/axa-non-life-unauthorized-access.md');
	assert.match(html, /<table tabindex="0">/, 'a table too scrolls sideways in a narrow panel');
	const blocks = [...html.matchAll(/<pre class="il-code"([^>]*)>/g)].map((m) => m[1] ?? '');
	assert.ok(blocks.length > 0, 'the lesson has a code sample');
	for (const attrs of blocks) {
		assert.match(attrs, /tabindex="0" role="group" aria-label="Code sample( \([a-z]+\))?"/);
	}
});
