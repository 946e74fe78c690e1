// Bounds on the parser's work and output: diagnostics capped per block and per file, aliases counted at their
// expanded size, the YAML of a lesson bounded, and problems inside aliased data still located.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BLOCK_DIAGNOSTICS, MAX_FILE_DIAGNOSTICS } from '../../../../src/core/lessons/diagnosticLimits';
import { MAX_LESSON_YAML_CHARS, parseLesson } from '../../../../src/core/lessons/parseLesson';
import { MAX_EXPANDED_VALUES } from '../../../../src/core/shared/yamlNodes';

const QUIZ = (id = 'q'): string => `\`\`\`quiz\nid: ${id}\ntype: single\nprompt: P\nchoices:\n  - text: a\n    correct: true\n    explain: x\n  - text: b\n    explain: y\n\`\`\`\n`;
const lesson = (frontMatter: string, body = QUIZ()): string => `---\nid: limits\ntitle: T\nsummary: S\n${frontMatter}---\n${body}`;

describe('diagnostics are capped per block and per file', () => {
	it('reports the first 100 schema problems of the front matter and one error that counts the rest', () => {
		const { lesson: parsed, diagnostics } = parseLesson(lesson(`tags: [${Array.from({ length: 5000 }, (_, i) => `T${i}`).join(', ')}]\n`), 'limits.md');
		assert.equal(parsed, undefined);
		assert.equal(diagnostics.length, MAX_BLOCK_DIAGNOSTICS + 1);
		const last = diagnostics[diagnostics.length - 1];
		assert.equal(last?.message, '4900 more problems are in the front matter and not shown; fix the ones above first');
		assert.deepEqual([last?.code, last?.severity, last?.line], ['front-matter-schema', 'error', 5]);
		assert.equal(diagnostics[0]?.message, '"tags[0]" must be kebab-case (a-z, 0-9 and single hyphens)');
	});

	it('keeps warnings-only blocks usable: the summary of unknown keys is a warning and the lesson parses', () => {
		const { lesson: parsed, diagnostics } = parseLesson(lesson(Array.from({ length: 300 }, (_, i) => `k${i}: v\n`).join('')), 'limits.md');
		assert.ok(parsed);
		assert.equal(diagnostics.length, MAX_BLOCK_DIAGNOSTICS + 1);
		assert.deepEqual(diagnostics.map((d) => d.severity).filter((s) => s !== 'warning'), []);
		assert.match(diagnostics[MAX_BLOCK_DIAGNOSTICS]?.message ?? '', /^200 more problems are in the front matter/);
	});

	it('caps a quiz block, and a file of many broken blocks', () => {
		const choices = Array.from({ length: 2000 }, (_, i) => `{text: ${i}, correct: x}`).join(', ');
		const one = parseLesson(lesson('', `\`\`\`quiz\nid: q\ntype: single\nprompt: P\nchoices: [${choices}]\n\`\`\`\n`), 'limits.md');
		assert.equal(one.diagnostics.length, MAX_BLOCK_DIAGNOSTICS + 1);
		assert.match(one.diagnostics[MAX_BLOCK_DIAGNOSTICS]?.message ?? '', /^\d+ more problems are in quiz "q" and not shown/);
		const blocks = Array.from({ length: 500 }, (_, i) => `\`\`\`quiz\nid: Q${i}\ntype: bad\nprompt: ''\nchoices: [1, 2, 3]\n\`\`\`\n`).join('\n');
		const many = parseLesson(lesson('', blocks), 'limits.md');
		assert.equal(many.diagnostics.length, MAX_FILE_DIAGNOSTICS + 1);
		assert.match(many.diagnostics[MAX_FILE_DIAGNOSTICS]?.message ?? '', /^\d+ more problems are in this file and not shown/);
		assert.equal(many.diagnostics[MAX_FILE_DIAGNOSTICS]?.severity, 'error');
	});
});

describe('YAML work is bounded', () => {
	it('refuses a block whose aliases expand past the limit, at the alias, before any schema check', () => {
		const items = Array<string>(2400).fill('1').join(',');
		const rows = Array.from({ length: 100 }, (_, i) => `    - {label: a, count: 1, subsets: ${i === 0 ? `&a [${items}]` : '*a'}}`).join('\n');
		const { diagnostics } = parseLesson(lesson(`incident:\n  breakdown:\n${rows}\nsources: [{title: s}]\n`), 'limits.md');
		assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [['yaml-syntax', 8]]);
		assert.equal(diagnostics[0]?.message, `invalid YAML in the front matter: it holds more than ${MAX_EXPANDED_VALUES} values with its aliases expanded`);
	});

	it('refuses YAML past the lesson budget without parsing it', () => {
		const big = `tags: [${Array<string>(MAX_LESSON_YAML_CHARS / 2).fill('a').join(',')}]\n`;
		assert.deepEqual(parseLesson(lesson(big), 'limits.md').diagnostics.map((d) => [d.code, d.line]), [['file-too-large', 1]]);
		const quizzes = Array.from({ length: 2000 }, (_, i) => QUIZ(`q${i}`)).join('\n');
		const { diagnostics } = parseLesson(lesson('', quizzes), 'limits.md');
		assert.equal(diagnostics.length, 1);
		assert.equal(diagnostics[0]?.code, 'file-too-large');
		assert.match(diagnostics[0]?.message ?? '', /this quiz block and the ones after it are not checked$/);
	});

	it('locates problems in aliased data at the anchored node', () => {
		const { diagnostics } = parseLesson(lesson('x: &t [Bad]\ntags: *t\n'), 'limits.md');
		assert.deepEqual(diagnostics.filter((d) => d.code === 'front-matter-schema').map((d) => [d.message, d.line, d.column]), [['"tags[0]" must be kebab-case (a-z, 0-9 and single hyphens)', 5, 8]]);
	});
});
