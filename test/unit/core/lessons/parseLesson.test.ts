import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeLessonBytes, MAX_LESSON_BYTES } from '../../../../src/core/shared/decode';
import type { Diagnostic, ParseResult } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { LINT_RULES } from '../../../../src/core/lessons/rules';
import { FIXTURES, MALFORMED } from '../../helpers/malformedFixtures';

/** Reads a fixture the way the extension does: bytes, strict decoding, then the parser. */
function parseFixture(folder: 'valid' | 'malformed', name: string): ParseResult {
	const file = path.join(FIXTURES, folder, name);
	const decoded = decodeLessonBytes(readFileSync(file), name);
	if (decoded.text === undefined) {
		return { diagnostics: decoded.diagnostics };
	}
	return parseLesson(decoded.text, name, { expectedId: name.replace(/\.md$/, '') });
}

function codesAndLines(diagnostics: readonly Diagnostic[]): string[] {
	return diagnostics.map((d) => `${d.code}@${d.line}`).sort();
}

/** Rules whose tests live elsewhere: they need more than one file, a huge file, or the file system. */
// Rules about several files (or about reading them) are tested in catalog, translations and cli tests.
const TESTED_ELSEWHERE = ['file-too-large', 'duplicate-lesson-id', 'file-unreadable', 'translation-missing', 'translation-mismatch',
	// trigger rules run in lint (they need re2js), not in the parser: test/unit/core/suggestions/triggers.test.ts
	'trigger-invalid-pattern', 'trigger-invalid-glob', 'trigger-unknown-section',
	// lesson advice runs in lint, on parsed lessons: test/unit/core/lessons/quizCues.test.ts
	'quiz-answer-longest', 'set-answer-longest', 'set-answers-first', 'lesson-minutes-low',
	// exercise rules: test/unit/core/exercises (the block rules in exerciseBlock.test.ts, the rest need re2js or files)
	'exercise-schema', 'exercise-unknown-key', 'exercise-duplicate-id', 'exercise-invalid-pattern', 'exercise-invalid-path',
	'exercise-unknown-file', 'exercise-file-missing', 'exercise-starter-passes', 'exercise-solution-fails'];

describe('parseLesson: malformed fixtures', () => {
	it('has a fixture for every file in the folder', () => {
		assert.deepEqual(readdirSync(path.join(FIXTURES, 'malformed')).sort(), Object.keys(MALFORMED).sort());
	});

	for (const [name, expected] of Object.entries(MALFORMED)) {
		it(`${name} → ${expected.join(', ')}`, () => {
			const result = parseFixture('malformed', name);
			assert.deepEqual(codesAndLines(result.diagnostics), [...expected].sort());
			const hasError = result.diagnostics.some((d) => d.severity === 'error');
			assert.equal(result.lesson === undefined, hasError, 'a lesson is returned exactly when there is no error');
			for (const d of result.diagnostics) {
				assert.equal(d.file, name);
				assert.equal(d.severity, LINT_RULES[d.code as keyof typeof LINT_RULES]);
				assert.ok(d.column >= 1 && d.message.length > 0 && !d.message.includes('\n'));
			}
		});
	}

	it('covers every lint rule (each rule has a test that fails without it)', () => {
		const covered = new Set([...Object.values(MALFORMED).flat().map((entry) => entry.split('@')[0]), ...TESTED_ELSEWHERE]);
		assert.deepEqual([...covered].sort(), Object.keys(LINT_RULES).sort());
	});

	it('lists every rule, with its severity, in docs/lesson-format.md', () => {
		const doc = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'lesson-format.md'), 'utf8');
		const documented = Object.fromEntries([...doc.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']));
		assert.deepEqual(documented, { ...LINT_RULES });
	});
});

describe('parseLesson: messages and positions', () => {
	it('says which field is missing', () => {
		const [d] = parseFixture('malformed', 'missing-summary.md').diagnostics;
		assert.equal(d?.message, 'missing required field "summary"');
	});

	it('suggests the key an unknown key is a typo of', () => {
		const [d] = parseFixture('malformed', 'unknown-key.md').diagnostics;
		assert.match(d?.message ?? '', /unknown key "tittle" \(did you mean "title"\?\)/);
		assert.deepEqual([d?.line, d?.column, d?.endLine, d?.endColumn], [5, 1, 5, 6]);
	});

	it('points quiz errors at the YAML node, with columns counted in the file', () => {
		const text = '---\nid: x\ntitle: X\nsummary: S\n---\n\n  ```quiz\n  id: q1\n  type: nope\n  prompt: P\n  ```\n';
		const [d] = parseLesson(text, 'x.md').diagnostics;
		assert.equal(d?.code, 'quiz-unknown-type');
		assert.deepEqual([d?.line, d?.column, d?.endLine, d?.endColumn], [9, 9, 9, 12]);
	});

	it('points the second correct choice of a single quiz', () => {
		const [d] = parseFixture('malformed', 'quiz-single-many-correct.md').diagnostics;
		assert.deepEqual([d?.line, d?.column], [16, 5]);
	});

	it('hints at quotes when a number is given for text', () => {
		const text = '---\nid: x\ntitle: 2024\nsummary: S\n---\n';
		const d = parseLesson(text, 'x.md').diagnostics.find((x) => x.code === 'front-matter-schema');
		assert.equal(d?.message, '"title" must be text (put it in quotes)');
	});

	it('reports each missing field of an empty front matter', () => {
		const result = parseLesson('---\n---\n', 'x.md');
		assert.deepEqual(result.diagnostics.filter((d) => d.code === 'front-matter-schema').map((d) => d.message), [
			'missing required field "id"', 'missing required field "title"', 'missing required field "summary"',
		]);
	});

	it('rejects front matter that is not a mapping', () => {
		const [d] = parseLesson('---\n- a\n- b\n---\n', 'x.md').diagnostics;
		assert.equal(d?.message, 'the front matter must be a mapping of keys to values');
	});

	it('rejects choices in an order quiz and steps in a choice quiz', () => {
		const quiz = (type: string, list: string): string => `\`\`\`quiz\nid: q-${type}\ntype: ${type}\nprompt: P\n${list}\n\`\`\`\n`;
		const text = '---\nid: x\ntitle: X\nsummary: S\n---\n' + quiz('order', 'steps: [a, b]\nchoices: []') + quiz('single', 'choices: [{text: a, correct: true, explain: e}, {text: b, explain: e}]\nsteps: [a, b]');
		const messages = parseLesson(text, 'x.md').diagnostics.filter((d) => d.code === 'quiz-schema').map((d) => d.message);
		assert.ok(messages.some((m) => m.includes('"choices" is not used by order quizzes')), messages.join('\n'));
		assert.ok(messages.some((m) => m.includes('"steps" is only used by order quizzes')), messages.join('\n'));
	});

	it('accepts a month in the timeline but not in incident.date, and no 13th month', () => {
		const fm = (incident: string): string => `---\nid: x\ntitle: X\nsummary: S\nincident:\n${incident}sources: [{title: T}]\n---\n`;
		assert.deepEqual(codesAndLines(parseLesson(fm('  date: 2024-07\n'), 'x.md').diagnostics), ['front-matter-schema@6', 'lesson-no-quiz@1']);
		assert.deepEqual(codesAndLines(parseLesson(fm('  date: 2023-02-29\n'), 'x.md').diagnostics), ['front-matter-schema@6', 'lesson-no-quiz@1']);
		assert.deepEqual(codesAndLines(parseLesson(fm('  date: 2024-02-29\n'), 'x.md').diagnostics), ['lesson-no-quiz@1']);
		const timeline = '  timeline:\n    - {date: 2024-13, label: L}\n';
		assert.deepEqual(codesAndLines(parseLesson(fm(timeline), 'x.md').diagnostics), ['lesson-no-quiz@1', 'timeline-invalid-date@7']);
	});

	it('does not check the id against a file name unless asked', () => {
		assert.ok(parseFixture('valid', 'basic.md').lesson);
		const text = readFileSync(path.join(FIXTURES, 'malformed', 'id-mismatch.md'), 'utf8');
		assert.ok(parseLesson(text, 'id-mismatch.md').lesson);
	});
});

describe('parseLesson: valid lessons', () => {
	for (const name of ['basic.md', 'bom.md', 'crlf.md', 'full.md']) {
		it(`${name} parses without diagnostics`, () => {
			const result = parseFixture('valid', name);
			assert.deepEqual(result.diagnostics, []);
			assert.ok(result.lesson);
		});
	}

	it('applies defaults and keeps the body after the front matter', () => {
		const lesson = parseFixture('valid', 'basic.md').lesson;
		assert.ok(lesson);
		assert.deepEqual(lesson.meta, { id: 'basic', title: 'A test lesson', summary: 'A lesson used by the unit tests.', track: 'general', order: 1000, tags: [], attack: [], sources: [], triggers: [] });
		assert.equal(lesson.locale, 'en');
		assert.equal(lesson.bodyLine, 6);
		assert.ok(lesson.body.startsWith('\n# Basic\n'));
		assert.equal(lesson.quizzes[0]?.line, 11);
	});

	it('reads a BOM and CRLF file like its LF twin', () => {
		const bom = parseFixture('valid', 'bom.md').lesson;
		const crlf = parseFixture('valid', 'crlf.md').lesson;
		assert.ok(bom && crlf);
		assert.equal(bom.meta.title, 'A test lesson');
		assert.equal(crlf.body, '\nText.\n\n```quiz\nid: first-response\ntype: single\nprompt: What do you do first?\nchoices:\n  - text: Report it and keep the logs.\n    correct: true\n    explain: Reporting starts the response while the evidence is intact.\n  - text: Delete the file yourself.\n    explain: Deleting destroys evidence.\n```\n');
		assert.deepEqual(crlf.quizzes, bom.quizzes);
		assert.equal(crlf.contentHash, bom.contentHash);
	});

	it('reads every field and quiz type of full.md', () => {
		const lesson = parseFixture('valid', 'full.md').lesson;
		assert.ok(lesson);
		assert.equal(lesson.meta.track, 'developer');
		assert.equal(lesson.meta.order, 20);
		assert.equal(lesson.meta.level, 'intermediate');
		assert.deepEqual(lesson.meta.attack, ['T1078', 'T1566.001']);
		assert.deepEqual(lesson.meta.incident?.timeline.map((e) => e.date), ['2024-03-19', '2024-03', '2024-07-25']);
		assert.deepEqual(lesson.meta.incident?.breakdown[0], { label: 'Policyholders', count: 143000, subsets: [{ label: 'with bank account data', count: 52000 }] });
		assert.deepEqual(lesson.meta.incident?.breakdown[1]?.subsets, []);
		assert.deepEqual(lesson.meta.sources[1], { title: 'A book without a URL' });
		assert.deepEqual(lesson.quizzes.map((q) => [q.id, q.type, q.line]), [['pick-many', 'multiple', 50], ['put-in-order', 'order', 67]]);
		const order = lesson.quizzes[1];
		assert.equal(order?.type, 'order');
		assert.deepEqual(order.type === 'order' ? order.steps : [], [
			{ text: 'Report', explain: '' },
			{ text: 'Preserve evidence', explain: 'Before anything is changed.' },
			{ text: 'Contain', explain: '' },
		]);
		assert.equal(lesson.quizzes[0]?.explain, 'Logs and alerts both shorten the dwell time.');
	});

	it('uses the given locale', () => {
		const text = readFileSync(path.join(FIXTURES, 'valid', 'basic.md'), 'utf8');
		assert.equal(parseLesson(text, 'basic.md', { locale: 'ja' }).lesson?.locale, 'ja');
	});
});

describe('parseLesson: contentHash', () => {
	const base = readFileSync(path.join(FIXTURES, 'valid', 'full.md'), 'utf8');
	const hash = (text: string): string | undefined => parseLesson(text, 'full.md').lesson?.contentHash;

	it('is 16 hex digits and stable', () => {
		assert.match(hash(base) ?? '', /^[0-9a-f]{16}$/);
		assert.equal(hash(base), hash(base));
	});

	it('ignores wording: prompts, choices, steps, explanations and prose (translations share it)', () => {
		const reworded = base.replace('Which of these help?', 'Which help most?').replace('You can see what happened.', 'Changed.').replace('# Full', '# Renamed')
			.replace('text: Central logs', 'text: Central log').replace('     - Report\n', '     - Report it\n');
		assert.equal(hash(reworded), hash(base));
	});

	it('is the same for every translation of a bundled lesson', () => {
		for (const file of readdirSync('lessons/en')) {
			const en = parseLesson(readFileSync(path.join('lessons/en', file), 'utf8'), file).lesson;
			const ja = parseLesson(readFileSync(path.join('lessons/ja', file), 'utf8'), file).lesson;
			assert.ok(en && ja, file);
			assert.equal(ja.contentHash, en.contentHash, file);
		}
	});

	it('changes with what grades an answer', () => {
		for (const changed of [
			base.replace('Longer passwords only\n    correct: false', 'Longer passwords only\n    correct: true'),
			base.replace('id: pick-many', 'id: pick-some'),
			base.replace('     - Report\n', ''),
		]) {
			assert.ok(hash(changed), 'still valid');
			assert.notEqual(hash(changed), hash(base));
		}
	});
});

describe('parseLesson: hostile and odd input', () => {
	it('reports file-too-large for text over 1 MiB, and from bytes', () => {
		const big = '---\nid: x\n---\n' + 'a'.repeat(MAX_LESSON_BYTES);
		assert.deepEqual(codesAndLines(parseLesson(big, 'x.md').diagnostics), ['file-too-large@1']);
		assert.deepEqual(codesAndLines(parseLesson('é'.repeat(MAX_LESSON_BYTES / 2 + 1), 'x.md').diagnostics), ['file-too-large@1']);
		assert.deepEqual(codesAndLines(decodeLessonBytes(new Uint8Array(MAX_LESSON_BYTES + 1).fill(0x61), 'x.md').diagnostics), ['file-too-large@1']);
		assert.equal(decodeLessonBytes(new Uint8Array(MAX_LESSON_BYTES).fill(0x61), 'x.md').text?.length, MAX_LESSON_BYTES);
	});

	it('strips a BOM when decoding', () => {
		assert.equal(decodeLessonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'x.md').text, 'A');
	});

	it('rejects NUL characters in text', () => {
		assert.deepEqual(codesAndLines(parseLesson('---\nid: x\u0000\n---\n', 'x.md').diagnostics), ['file-binary@1']);
	});

	it('stops YAML alias bombs', () => {
		const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', '---', ''].join('\n');
		assert.ok(parseLesson(bomb, 'x.md').diagnostics.some((d) => d.code === 'yaml-syntax'));
	});

	it('reports duplicate keys and several documents as YAML errors', () => {
		assert.deepEqual(codesAndLines(parseLesson('---\nid: x\nid: y\n---\n', 'x.md').diagnostics), ['lesson-no-quiz@1', 'yaml-syntax@3']);
		const text = '---\nid: x\ntitle: X\nsummary: S\n---\n```quiz\nid: q\n---\nid: r\n```\n';
		assert.deepEqual(codesAndLines(parseLesson(text, 'x.md').diagnostics), ['yaml-syntax@8']);
	});

	it('reports an empty quiz block', () => {
		const text = '---\nid: x\ntitle: X\nsummary: S\n---\n```quiz\n```\n';
		assert.deepEqual(codesAndLines(parseLesson(text, 'x.md').diagnostics), ['quiz-schema@6']);
	});

	it('never throws on mangled fixtures', () => {
		const sources = readdirSync(path.join(FIXTURES, 'valid')).map((name) => readFileSync(path.join(FIXTURES, 'valid', name), 'latin1'));
		let seed = 42;
		const random = (n: number): number => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed % n;
		};
		const noise = ['\n', '---', '```', '~~~', ':', '- ', '"', '{', '[', '&a ', '*a', '\t', '\r', 'quiz', '\uFEFF', '#'];
		for (let round = 0; round < 400; round++) {
			let text = sources[round % sources.length] ?? '';
			for (let edit = 0; edit < 1 + random(6); edit++) {
				const at = random(text.length + 1);
				text = text.slice(0, at) + (noise[random(noise.length)] ?? '') + text.slice(at + random(4));
			}
			const result = parseLesson(text, 'fuzz.md');
			assert.equal(result.lesson === undefined, result.diagnostics.some((d) => d.severity === 'error'));
		}
	});
});
