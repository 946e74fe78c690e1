// The XSS corpus at the HTML level: every hostile fixture, and every payload in every front-matter and quiz field,
// renders to markup with nothing that can run, load or navigate. (test/e2e/xss.e2e.mjs checks the real webview.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { escapeHtml } from '../../../../src/core/shared/html';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';
import { decodeEntities, executableConstructs, unsafeMarkup } from '../../helpers/hardeningHtml';

const HOSTILE = path.join(__dirname, '..', '..', '..', 'fixtures', 'lessons', 'hostile');

function renderFile(file: string): string {
	const { lesson, diagnostics } = parseLesson(readFileSync(file, 'utf8'), file, { expectedId: path.basename(file, '.md') });
	assert.ok(lesson, `${file} parses: ${JSON.stringify(diagnostics)}`);
	return renderLesson(lesson);
}

/** Payloads that would set `window.__IL_XSS` (or navigate) if anything interpreted them. */
const PAYLOADS = [
	'<script>window.__IL_XSS=1</script>',
	'<img src=x onerror="window.__IL_XSS=1">',
	'"><svg onload=window.__IL_XSS=1>',
	'\' onmouseover=\'window.__IL_XSS=1',
	'<iframe srcdoc="<script>parent.__IL_XSS=1</script>"></iframe>',
	'</title></desc></text><script>window.__IL_XSS=1</script>',
	'<a href="javascript:window.__IL_XSS=1">x</a>',
	'javascript:window.__IL_XSS=1',
	'&lt;script&gt;window.__IL_XSS=1&lt;/script&gt;',
	'&#60;img src=x onerror=window.__IL_XSS=1&#62;',
	'[x](javascript:window.__IL_XSS=1) <javascript:alert(1)> **b**',
	'{{constructor.constructor("window.__IL_XSS=1")()}}',
	'<style>*{display:none}</style><math><mtext><script>window.__IL_XSS=1</script>',
	'\u2028\u2029</script><script>window.__IL_XSS=1</script>',
];

/** A lesson in which `{{slot}}` takes a payload; each free-text field is one slot, the others keep `safe`. */
const TEMPLATE = `---
id: slot
title: {{title}}
summary: {{summary}}
incident:
  organization: {{organization}}
  timeline:
    - date: 2024-01-02
      label: {{timelineLabel}}
    - date: 2024-02
      label: safe
  breakdown:
    - label: {{breakdownLabel}}
      count: 10
      subsets:
        - label: {{subsetLabel}}
          count: 5
sources:
  - title: {{sourceTitle}}
    url: https://example.com/
---

Body.

\`\`\`quiz
id: single
type: single
prompt: {{singlePrompt}}
explain: {{singleExplain}}
choices:
  - text: {{choiceText}}
    correct: true
    explain: {{choiceExplain}}
  - text: other
    explain: other
\`\`\`

\`\`\`quiz
id: order
type: order
prompt: {{orderPrompt}}
steps:
  - text: {{stepText}}
    explain: {{stepExplain}}
  - {{stepShort}}
\`\`\`
`;

const FREE_TEXT_SLOTS = [...new Set([...TEMPLATE.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''))];
/** Explanations are not in the page: they arrive with the verdict and are set as text by the webview. */
const NOT_IN_PAGE = new Set(['singleExplain', 'choiceExplain', 'stepExplain']);

function lessonWith(slot: string, payload: string): string {
	// JSON strings are valid YAML double-quoted scalars, so any payload goes in unchanged.
	return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, name: string) => JSON.stringify(name === slot ? payload : `safe ${name}`));
}

/** Fields with a format (ids, dates, numbers, URLs): a payload there must stop the lesson or lose its link. */
const CONSTRAINED_FIELDS: Readonly<Record<string, (payload: string) => string>> = {
	id: (p) => `---\nid: ${JSON.stringify(p)}\ntitle: T\nsummary: S\n---\n`,
	track: (p) => `---\nid: slot\ntitle: T\nsummary: S\ntrack: ${JSON.stringify(p)}\n---\n`,
	tags: (p) => `---\nid: slot\ntitle: T\nsummary: S\ntags: [${JSON.stringify(p)}]\n---\n`,
	attack: (p) => `---\nid: slot\ntitle: T\nsummary: S\nattack: [${JSON.stringify(p)}]\n---\n`,
	level: (p) => `---\nid: slot\ntitle: T\nsummary: S\nlevel: ${JSON.stringify(p)}\n---\n`,
	incidentDate: (p) => `---\nid: slot\ntitle: T\nsummary: S\nincident:\n  date: ${JSON.stringify(p)}\nsources:\n  - title: s\n---\n`,
	sourceUrl: (p) => `---\nid: slot\ntitle: T\nsummary: S\nsources:\n  - title: s\n    url: ${JSON.stringify(p)}\n---\n`,
	quizId: (p) => `---\nid: slot\ntitle: T\nsummary: S\n---\n\n\`\`\`quiz\nid: ${JSON.stringify(p)}\ntype: single\nprompt: P\nchoices:\n  - text: a\n    correct: true\n    explain: x\n  - text: b\n    explain: y\n\`\`\`\n`,
	quizType: (p) => `---\nid: slot\ntitle: T\nsummary: S\n---\n\n\`\`\`quiz\nid: q\ntype: ${JSON.stringify(p)}\nprompt: P\nchoices:\n  - text: a\n    correct: true\n    explain: x\n\`\`\`\n`,
};

function assertSafe(html: string, what: string): void {
	assert.deepEqual(executableConstructs(html), [], `${what}: executable constructs`);
	assert.deepEqual(unsafeMarkup(html), [], `${what}: markup outside the allowlist`);
}

describe('the hostile corpus renders without anything executable', () => {
	const files = readdirSync(HOSTILE).filter((name) => name.endsWith('.md')).sort();

	it('has a fixture for each family of attack', () => {
		assert.deepEqual(files, ['fences.md', 'fields.md', 'links.md', 'markup.md', 'xss.md']);
	});

	for (const name of files) {
		it(name, () => {
			const html = renderFile(path.join(HOSTILE, name));
			assertSafe(html, name);
			assert.match(html, /window\.(__IL_XSS|hacked)/, 'payloads stay visible, as text');
		});
	}

	it('keeps every hostile link text but drops its destination', () => {
		const html = renderFile(path.join(HOSTILE, 'links.md'));
		for (const label of ['inline javascript', 'inline command', 'entity decimal', 'entity colon', 'reference javascript', 'reference command',
			'reference vbscript', 'reference data', 'inline data svg', 'inline vscode', 'inline protocol-relative', 'angle destination']) {
			assert.ok(html.includes(label), `"${label}" is still shown`);
			assert.doesNotMatch(html, new RegExp(`<a [^>]*>${label}</a>`), `"${label}" is not a link`);
		}
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
		assert.ok(hrefs.includes('https://example.com/') && hrefs.includes('mailto:security@example.com') && hrefs.includes('markup.md'));
	});

	it('escapes hostile fence info strings inside the class attribute', () => {
		const html = renderFile(path.join(HOSTILE, 'fences.md'));
		assert.match(html, /class="language-&quot;&gt;&lt;script&gt;window\.__IL_XSS=1&lt;\/script&gt;"/);
		assert.equal((html.match(/<section class="il-quiz"/g) ?? []).length, 1, 'only the real quiz is a quiz');
	});
});

describe('the allowlist checker', () => {
	it('reports what it must', () => {
		for (const html of ['<script>x</script>', '<a href=\'javascript:x\'>a</a>', '<a href="java&#x09;script:x">a</a>', '<img src="x">',
			'<p onclick="x">p</p>', '<p style="x">p</p>', '<a href="command:x">a</a>', '<svg><foreignObject></foreignObject></svg>', '<p>1 < 2</p>']) {
			assert.notDeepEqual(unsafeMarkup(html), [], html);
		}
	});

	it('passes every bundled lesson as it is', () => {
		for (const locale of ['en', 'ja']) {
			const folder = path.join(__dirname, '..', '..', '..', '..', 'lessons', locale);
			for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
				assert.deepEqual(unsafeMarkup(renderFile(path.join(folder, name))), [], `${locale}/${name}`);
			}
		}
	});
});

describe('a payload in any field', () => {
	it('covers every free-text field of the format', () => {
		assert.deepEqual(FREE_TEXT_SLOTS.length, 15);
	});

	for (const slot of FREE_TEXT_SLOTS) {
		it(`${slot} is accepted as text and rendered inert`, () => {
			for (const payload of PAYLOADS) {
				const { lesson, diagnostics } = parseLesson(lessonWith(slot, payload), 'slot.md');
				assert.ok(lesson, `${slot} = ${payload}: ${JSON.stringify(diagnostics.filter((d) => d.severity === 'error'))}`);
				const html = renderLesson(lesson);
				assertSafe(html, `${slot} = ${payload}`);
				if (!NOT_IN_PAGE.has(slot)) {
					assert.ok(html.includes(escapeHtml(payload.trim())) || html.includes(escapeHtml(payload)), `${slot} shows the payload as text`);
				}
			}
		});
	}

	for (const [field, build] of Object.entries(CONSTRAINED_FIELDS)) {
		it(`${field} refuses the payload, or keeps it out of every link`, () => {
			for (const payload of PAYLOADS) {
				const { lesson } = parseLesson(build(payload), 'slot.md');
				if (lesson) {
					assertSafe(renderLesson(lesson), `${field} = ${payload}`);
				}
			}
		});
	}
});
