import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../../../src/core/catalog/catalog';
import { buildCatalogIndex, type LessonFile } from '../../../../src/core/catalog/catalogIndex';
import { entryOf, indexLesson } from '../../../../src/core/catalog/lessonIndex';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';

const LESSONS = path.join(__dirname, '..', '..', '..', '..', 'lessons');

function bundledFiles(): LessonFile[] {
	return ['en', 'ja'].flatMap((locale) => readdirSync(path.join(LESSONS, locale)).filter((n) => n.endsWith('.md')).sort()
		.map((name) => ({ file: `${locale}/${name}`, locale, text: readFileSync(path.join(LESSONS, locale, name), 'utf8') })));
}

const QUIZ = (id: string, fence = '```'): string => `${fence}quiz\nid: ${id}\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: a\n  - text: B\n    explain: b\n${fence}\n`;

const BASE = `---
id: sample
title: "A sample: quoted"
summary: One line # with a comment
track: developer
order: 5
minutes: 7
level: beginner
tags: [a, b]
incident:
  organization: Example Corp (例)
  timeline:
    - date: 2024-01-02
      label: Found
sources:
  - title: "Source"
    url: https://example.com/
---

# Body

${QUIZ('first')}
Text between.

${QUIZ('second')}`;

/** The line reader's entry, or 'parser' when it hands the file to the parser. */
function fastPath(text: string): ReturnType<typeof entryOf> | 'parser' {
	const result = indexLesson(text, 'sample.md', { expectedId: 'sample', locale: 'en' });
	return result.needsParser ? 'parser' : result.entry ?? assert.fail('the line reader gave neither an entry nor needsParser');
}

/** The parser's view of the same text. */
function parsed(text: string): ReturnType<typeof entryOf> | undefined {
	const { lesson } = parseLesson(text, 'sample.md', { expectedId: 'sample', locale: 'en' });
	return lesson && entryOf(lesson);
}

describe('indexLesson', () => {
	it('reads every bundled lesson without the parser, exactly as the parser does', () => {
		const files = bundledFiles();
		assert.ok(files.length >= 20);
		for (const { file, locale, text } of files) {
			const id = path.basename(file, '.md');
			const fast = indexLesson(text, file, { expectedId: id, locale });
			assert.equal(fast.needsParser, undefined, `${file} needs the parser`);
			const { lesson } = parseLesson(text, file, { expectedId: id, locale });
			assert.ok(lesson, file);
			assert.deepEqual(fast.entry, entryOf(lesson), file);
		}
	});

	it('reads the plain key: value style, quotes, comments, CRLF and a BOM', () => {
		const expected = parsed(BASE);
		assert.deepEqual(expected?.meta, {
			id: 'sample', title: 'A sample: quoted', summary: 'One line', track: 'developer', order: 5, minutes: 7, level: 'beginner',
			incident: { organization: 'Example Corp (例)' },
		});
		assert.deepEqual(expected?.quizIds, ['first', 'second']);
		for (const text of [BASE, BASE.replace(/\n/g, '\r\n'), `\uFEFF${BASE}`, BASE.replace('title: "A sample: quoted"', 'title: \'A sample: quoted\''),
			BASE.replace('track: developer', '# a comment line\ntrack: developer')]) {
			assert.deepEqual(fastPath(text), expected);
		}
		assert.equal((fastPath(BASE.replace('title: "A sample: quoted"', 'title: \'It\'\'s quoted\'')) as { meta: { title: string } }).meta.title, 'It\'s quoted');
	});

	it('ignores quiz fences inside other code blocks and takes longer fences', () => {
		const inCode = BASE.replace('# Body', `# Body\n\n~~~markdown\n${QUIZ('not-a-quiz')}~~~`);
		assert.deepEqual(fastPath(inCode), parsed(inCode));
		assert.deepEqual((fastPath(inCode) as { quizIds: readonly string[] }).quizIds, ['first', 'second']);
		const longer = BASE.replace(QUIZ('first'), QUIZ('first', '````'));
		assert.deepEqual(fastPath(longer), parsed(longer));
	});

	it('hands every shape it is unsure of to the parser', () => {
		const variants: Record<string, string> = {
			'block scalar': BASE.replace('title: "A sample: quoted"', 'title: >\n  Folded'),
			'continued plain scalar': BASE.replace('summary: One line # with a comment', 'summary: One line\n  continued'),
			'escape in double quotes': BASE.replace('title: "A sample: quoted"', 'title: "Tab\\there"'),
			'flow mapping incident': BASE.replace(/incident:\n {2}organization: Example Corp \(例\)\n/, 'incident: { organization: X }\n'),
			'duplicate key': BASE.replace('track: developer', 'track: developer\ntrack: lead'),
			'number as title': BASE.replace('title: "A sample: quoted"', 'title: 2024'),
			'null summary': BASE.replace('summary: One line # with a comment', 'summary: ~'),
			'unknown level': BASE.replace('level: beginner', 'level: expert'),
			'id not the file name': BASE.replace('id: sample', 'id: other'),
			'lone CR line endings': BASE.replace(/\n/g, '\r'),
			'no closing front matter': BASE.replace(/\n---\n\n# Body/, '\n\n# Body'),
			'no quiz': BASE.split('```quiz')[0] ?? '',
			'unterminated fence': `${BASE}\n\`\`\`js\nconsole.log(1)\n`,
			'duplicate quiz id': BASE.replace('id: second', 'id: first'),
			'quiz without id': BASE.replace('id: second\n', ''),
			'anchor': BASE.replace('track: developer', 'track: &t developer'),
			'quoted key': BASE.replace('track: developer', '"track": developer'),
		};
		for (const [name, text] of Object.entries(variants)) {
			assert.equal(fastPath(text), 'parser', name);
		}
	});

	it('falls back to the parser given, whose diagnostics it returns', () => {
		const text = BASE.replace('title: "A sample: quoted"', 'title: >\n  Folded');
		const result = indexLesson(text, 'sample.md', { expectedId: 'sample', locale: 'en' }, parseLesson);
		assert.equal(result.entry?.meta.title, 'Folded\n');
		assert.ok(result.lesson);
		const broken = indexLesson('---\nid: sample\n---\n', 'sample.md', { expectedId: 'sample' }, parseLesson);
		assert.equal(broken.entry, undefined);
		assert.ok(broken.diagnostics.some((d) => d.severity === 'error'));
	});
});

describe('buildCatalogIndex', () => {
	it('lists the bundled lessons in the same order and locales as the full catalog', () => {
		const files = bundledFiles();
		for (const locale of ['en', 'ja', 'ja-JP', 'fr']) {
			const index = buildCatalogIndex(files, locale);
			assert.equal(index.needsParser, 0);
			assert.deepEqual(index.diagnostics, []);
			const full = buildCatalog(files, locale).lessons.map(entryOf);
			assert.deepEqual(index.entries.map(({ file: _file, ...entry }) => entry), full, locale);
		}
	});

	it('counts the files that need the parser, and reads them with it', () => {
		const files: LessonFile[] = [
			{ file: 'en/sample.md', locale: 'en', text: BASE },
			{ file: 'en/other.md', locale: 'en', text: BASE.replace('id: sample', 'id: other').replace('title: "A sample: quoted"', 'title: |\n  Literal') },
		];
		const without = buildCatalogIndex(files, 'en');
		assert.equal(without.needsParser, 1);
		assert.deepEqual(without.entries.map((e) => e.meta.id), ['sample']);
		const withParser = buildCatalogIndex(files, 'en', parseLesson);
		assert.equal(withParser.needsParser, 0);
		assert.deepEqual(withParser.entries.map((e) => [e.meta.id, e.file]), [['sample', 'en/sample.md'], ['other', 'en/other.md']]);
	});

	it('reports a second file with the same id in a locale', () => {
		const index = buildCatalogIndex([{ file: 'en/sample.md', locale: 'en', text: BASE }, { file: 'en/copy/sample.md', locale: 'en', text: BASE }], 'en');
		assert.equal(index.entries.length, 1);
		assert.deepEqual(index.diagnostics.map((d) => [d.file, d.code, d.line]), [['en/copy/sample.md', 'duplicate-lesson-id', 2]]);
	});
});

describe('lessonIndex: long lines', () => {
	it('reads keys with long runs of blanks in linear time, as the parser does', () => {
		// One line of blanks that the key pattern cannot end (`.` stops at U+2028): seconds for a backtracking pattern.
		const text = `---\nid: sample\ntitle:${' '.repeat(60_000)}\u2028T\nsummary: S   # c\norder: 5   #  #\u2028\n---\n${QUIZ('q')}`;
		const started = performance.now();
		const indexed = indexLesson(text, 'sample.md', { expectedId: 'sample' }, parseLesson);
		assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
		const parsed = parseLesson(text, 'sample.md', { expectedId: 'sample' });
		assert.ok(parsed.lesson, JSON.stringify(parsed.diagnostics));
		assert.deepEqual(indexed.entry, entryOf(parsed.lesson));
	});
});
