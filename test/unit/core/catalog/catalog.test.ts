import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCatalog, lessonIdFromPath, lintFiles, sortLessons, type LessonFile } from '../../../../src/core/catalog/catalog';

function lesson(id: string, fields: { title?: string; track?: string; order?: number } = {}): string {
	const extra = [fields.track ? `track: ${fields.track}` : '', fields.order !== undefined ? `order: ${fields.order}` : ''].filter(Boolean).join('\n');
	return `---\nid: ${id}\ntitle: ${fields.title ?? id}\nsummary: S\n${extra ? `${extra}\n` : ''}---\n\n\`\`\`quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: a\n  - text: B\n    explain: b\n\`\`\`\n`;
}

function file(locale: string, id: string, text = lesson(id)): LessonFile {
	return { file: `lessons/${locale}/${id}.md`, locale, text };
}

describe('lessonIdFromPath', () => {
	it('takes the file name without .md, for either separator', () => {
		assert.equal(lessonIdFromPath('lessons/en/log4shell.md'), 'log4shell');
		assert.equal(lessonIdFromPath('C:\\lessons\\ja\\log4shell.md'), 'log4shell');
		assert.equal(lessonIdFromPath('plain.MD'), 'plain');
		assert.equal(lessonIdFromPath('no-extension'), 'no-extension');
	});
});

describe('buildCatalog', () => {
	const files = [
		file('en', 'both', lesson('both', { title: 'Both (en)' })),
		file('ja', 'both', lesson('both', { title: 'Both (ja)' })),
		file('en', 'english-only'),
		file('ja', 'japanese-only'),
	];

	it('prefers the learner\'s locale, then English, then any', () => {
		const ja = buildCatalog(files, 'ja');
		assert.deepEqual(ja.lessons.map((l) => `${l.meta.id}:${l.locale}`).sort(), ['both:ja', 'english-only:en', 'japanese-only:ja']);
		assert.equal(ja.lessons.find((l) => l.meta.id === 'both')?.meta.title, 'Both (ja)');
		const fr = buildCatalog(files, 'fr');
		assert.deepEqual(fr.lessons.map((l) => `${l.meta.id}:${l.locale}`).sort(), ['both:en', 'english-only:en', 'japanese-only:ja']);
		assert.deepEqual(fr.diagnostics, []);
	});

	it('matches a regional locale to its language', () => {
		assert.equal(buildCatalog(files, 'ja-JP').lessons.find((l) => l.meta.id === 'both')?.locale, 'ja');
	});

	it('falls back to English when the preferred version has errors', () => {
		const broken = [file('en', 'x'), file('ja', 'x', lesson('x').replace('summary: S\n', ''))];
		const { lessons, diagnostics } = buildCatalog(broken, 'ja');
		assert.deepEqual(lessons.map((l) => l.locale), ['en']);
		assert.deepEqual(diagnostics.map((d) => [d.file, d.code]), [['lessons/ja/x.md', 'front-matter-schema']]);
	});

	it('checks ids against file names', () => {
		const { lessons, diagnostics } = buildCatalog([{ file: 'lessons/en/name.md', locale: 'en', text: lesson('other') }], 'en');
		assert.deepEqual(lessons, []);
		assert.deepEqual(diagnostics.map((d) => d.code), ['id-mismatch']);
	});

	it('reports a duplicate id within a locale at its id line, and keeps the first', () => {
		const dupes = [
			{ file: 'a/en/same.md', locale: 'en', text: lesson('same', { title: 'First' }) },
			{ file: 'b/en/same.md', locale: 'en', text: lesson('same', { title: 'Second' }) },
			{ file: 'a/ja/same.md', locale: 'ja', text: lesson('same') },
		];
		const { lessons, diagnostics } = buildCatalog(dupes, 'en');
		assert.deepEqual(lessons.map((l) => l.meta.title), ['First']);
		assert.deepEqual(diagnostics.map((d) => [d.file, d.code, d.line, d.severity]), [['b/en/same.md', 'duplicate-lesson-id', 2, 'error']]);
		assert.match(diagnostics[0]?.message ?? '', /a\/en\/same\.md/);
	});

	it('sorts by track, then order, then title', () => {
		const set = [
			file('en', 'z', lesson('z', { track: 'basics', title: 'Zed' })),
			file('en', 'y', lesson('y', { track: 'basics', order: 5, title: 'Yankee' })),
			file('en', 'x', lesson('x', { track: 'basics', order: 5, title: 'Alpha' })),
			file('en', 'w', lesson('w', { track: 'advanced', order: 99 })),
		];
		assert.deepEqual(buildCatalog(set, 'en').lessons.map((l) => l.meta.id), ['w', 'x', 'y', 'z']);
	});
});

describe('sortLessons and lintFiles', () => {
	it('sortLessons returns a new sorted array', () => {
		const lessons = buildCatalog([file('en', 'b', lesson('b', { order: 2 })), file('en', 'a', lesson('a', { order: 1 }))], 'en').lessons;
		const reversed = [...lessons].reverse();
		assert.deepEqual(sortLessons(reversed).map((l) => l.meta.id), ['a', 'b']);
		assert.deepEqual(reversed.map((l) => l.meta.id), ['b', 'a']);
	});

	it('lintFiles reports every locale, duplicates included', () => {
		const diagnostics = lintFiles([
			file('en', 'ok'),
			file('ja', 'ok', lesson('ok').replace('type: single', 'type: nope')),
			{ file: 'other/en/ok.md', locale: 'en', text: lesson('ok') },
		]);
		assert.deepEqual(diagnostics.map((d) => `${d.file}:${d.code}`), ['lessons/ja/ok.md:quiz-unknown-type', 'other/en/ok.md:duplicate-lesson-id']);
	});
});
