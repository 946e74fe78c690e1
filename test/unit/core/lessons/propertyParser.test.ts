// Property tests for the parser and renderer: any text in, structured diagnostics or a lesson out (never an
// exception), the same answer every time, and lint, parse and render agreeing on what is a valid lesson.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintFiles } from '../../../../src/core/catalog/catalog';
import { decodeLessonBytes } from '../../../../src/core/shared/decode';
import type { Diagnostic } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';
import { hasErrors, LINT_RULES } from '../../../../src/core/lessons/rules';
import { unsafeMarkup } from '../../helpers/hardeningHtml';
import { propertyParams } from '../../helpers/propertySeed';

const HEADER = '---\nid: slot\ntitle: T\nsummary: S\n---\n';
const SEED_LESSON = readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'lessons', 'valid', 'full.md'), 'utf8');

/** Lines a lesson is made of, good and bad, so random documents often come close to valid ones. */
const fragment = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(
		'---', '```quiz', '```', '````', '~~~', '   ```quiz', '    ```quiz', 'id: q1', 'id: q2', 'id: slot', 'type: single', 'type: multiple', 'type: order',
		'prompt: P', 'choices:', '  - text: a', '  - text: b', '    correct: true', '    explain: x', 'steps: [a, b, c]', 'explain: e',
		'title: T', 'summary: S', 'track: developer', 'tags: [a-b]', 'attack: [T1078]', 'minutes: 5', 'level: beginner',
		'incident:', '  organization: O', '  timeline:', '    - date: 2024-01-01', '      label: L', '  breakdown:', '    - label: B', '      count: 3',
		'sources:', '  - title: s', '    url: https://example.com', '# Heading', '- item', '1. item', '| a | b |', '|:--|--:|', '> quote',
		'[x](javascript:alert(1))', '[y](https://example.com)', '<script>x</script>', '*a**b*', '`code`', '&amp;', 'x: &a [*a]', 'y: *a',
		'```incident-timeline', '```incident-breakdown', '\t', '', ' ',
	) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 10, unit: 'binary' }) },
);
/** A whole quiz block with random ids and text (JSON strings are valid YAML scalars), valid more often than not. */
const quizBlock = fc.record({
	id: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
	isOrder: fc.boolean(),
	prompt: fc.string({ maxLength: 30 }),
	texts: fc.array(fc.string({ maxLength: 20 }), { minLength: 2, maxLength: 4 }),
}).map(({ id, isOrder, prompt, texts }) => ['```quiz', `id: ${id}`, `type: ${isOrder ? 'order' : 'single'}`, `prompt: ${JSON.stringify(prompt)}`,
	isOrder ? `steps: ${JSON.stringify(texts.map((text, i) => `${i} ${text}`))}` : 'choices:',
	...(isOrder ? [] : texts.flatMap((text, i) => [`  - text: ${JSON.stringify(text)}`, `    correct: ${i === 0}`, `    explain: ${JSON.stringify(text)}`])),
	'```'].join('\n'));
const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const lessonLike = fc.tuple(fc.boolean(), fc.array(fc.oneof({ weight: 6, arbitrary: fragment }, { weight: 1, arbitrary: quizBlock }), { maxLength: 40 }), lineEnding)
	.map(([withHeader, lines, eol]) => (withHeader ? HEADER : '') + lines.join(eol));

/** A real lesson with a few random edits: deletions, duplications and insertions anywhere. */
const mutatedLesson = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.oneof(fragment, fc.constant(''))), { maxLength: 6 })
	.map((edits) => edits.reduce((text, [at, length, insert]) => {
		const start = at % (text.length + 1);
		return text.slice(0, start) + insert + text.slice(start + (length % 3 === 0 ? length : 0));
	}, SEED_LESSON));

const anyText = fc.oneof(lessonLike, mutatedLesson, fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300 }));

function assertStructured(diagnostics: readonly Diagnostic[]): void {
	let previous = { line: 0, column: 0 };
	for (const d of diagnostics) {
		assert.ok(Object.hasOwn(LINT_RULES, d.code), `known rule: ${d.code}`);
		assert.equal(d.severity, LINT_RULES[d.code as keyof typeof LINT_RULES]);
		assert.ok(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1, `position ${d.line}:${d.column}`);
		assert.ok(d.message.length > 0);
		assert.ok(d.line > previous.line || (d.line === previous.line && d.column >= previous.column), 'sorted by position');
		previous = d;
	}
}

const ADVICE_RULES = new Set(['quiz-answer-longest', 'set-answer-longest', 'set-answers-first', 'lesson-minutes-low']);

describe('parser and renderer properties', () => {
	it('parseLesson never throws and reports only structured diagnostics', (t) => {
		fc.assert(fc.property(anyText, (text) => {
			const result = parseLesson(text, 'slot.md', { expectedId: 'slot' });
			assertStructured(result.diagnostics);
			assert.equal(result.lesson !== undefined, !hasErrors(result.diagnostics), 'a lesson exactly when there is no error');
		}), propertyParams(t, 400));
	});

	it('parsing is deterministic', (t) => {
		fc.assert(fc.property(anyText, (text) => {
			assert.deepEqual(parseLesson(text, 'slot.md'), parseLesson(text, 'slot.md'));
		}), propertyParams(t));
	});

	it('lint, parse and render agree on validity', (t) => {
		fc.assert(fc.property(anyText, (text) => {
			const parsed = parseLesson(text, 'en/slot.md', { expectedId: 'slot', locale: 'en' });
			const linted = lintFiles([{ file: 'en/slot.md', locale: 'en', text }]);
			// Lint adds advice on usable lessons (answer cues, reading time): warnings only, never on a broken lesson.
			const advice = linted.filter((d) => ADVICE_RULES.has(d.code));
			assert.deepEqual(linted.filter((d) => !ADVICE_RULES.has(d.code)), parsed.diagnostics, 'the CLI reports what the parser found');
			assert.ok(advice.every((d) => d.severity === 'warning') && (advice.length === 0 || parsed.lesson !== undefined));
			if (hasErrors(linted)) {
				assert.equal(parsed.lesson, undefined, 'a lesson with lint errors is never rendered');
				return;
			}
			if (parsed.lesson) {
				const html = renderLesson(parsed.lesson);
				assert.equal((html.match(/<section class="il-quiz"/g) ?? []).length, parsed.lesson.quizzes.length, 'every quiz is rendered, and only quizzes');
				assert.deepEqual(unsafeMarkup(html), []);
				assert.equal(renderLesson(parsed.lesson), html, 'rendering is deterministic');
			}
		}), propertyParams(t, 400));
	});

	it('any bytes decode to text or a diagnostic, never an exception', (t) => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
			const { text, diagnostics } = decodeLessonBytes(bytes, 'x.md');
			assert.equal(text === undefined, diagnostics.length > 0);
			assertStructured(diagnostics);
		}), propertyParams(t));
	});
});
