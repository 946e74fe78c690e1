import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildBundledCatalog, buildCatalog, type LessonFile } from '../../../../src/core/catalog/catalog';
import { bundledEntries, entryOf, readBundledCatalog } from '../../../../src/core/catalog/lessonEntry';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { buildLessonPacks, LESSON_PACKS_FILE, readLessonPack } from '../../../../src/core/catalog/lessonPack';
import { decompress } from 'fzstd';

const LESSONS = path.join(__dirname, '..', '..', '..', '..', 'lessons');
// A variable specifier: the build script is plain JavaScript, typed here by what the test uses.
const SCRIPT = path.join(__dirname, '..', '..', '..', '..', 'build', 'catalog.mjs');
type CatalogScript = { writeCatalog: (options: { lessonsDir: string; out: string }) => Promise<{ lessons: number; warnings: string[] }> };

function bundledFiles(): LessonFile[] {
	return ['en', 'ja'].flatMap((locale) => readdirSync(path.join(LESSONS, locale)).filter((n) => n.endsWith('.md')).sort()
		.map((name) => ({ file: `${locale}/${name}`, locale, text: readFileSync(path.join(LESSONS, locale, name), 'utf8') })));
}

const temp: string[] = [];
after(() => {
	for (const dir of temp) {
		rmSync(dir, { recursive: true, force: true });
	}
});

/** A lessons folder holding `files` (`en/name.md` → text). */
function lessonsDir(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
	temp.push(dir);
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

describe('buildBundledCatalog', () => {
	it('holds every bundled lesson file with the entry the parser gives', () => {
		const files = bundledFiles();
		assert.ok(files.length >= 20);
		const { catalog, diagnostics } = buildBundledCatalog(files);
		assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
		assert.deepEqual(catalog.lessons.map((l) => l.file), files.map((f) => f.file));
		for (const { file, locale, text } of files) {
			const { lesson } = parseLesson(text, file, { expectedId: path.basename(file, '.md'), locale });
			assert.ok(lesson, file);
			assert.deepEqual(catalog.lessons.find((l) => l.file === file), { ...entryOf(lesson), file });
		}
	});

	it('lists, per locale, the same lessons in the same order as the full catalog', () => {
		const files = bundledFiles();
		const catalog = readBundledCatalog(JSON.stringify(buildBundledCatalog(files).catalog));
		for (const locale of ['en', 'ja', 'ja-JP', 'fr']) {
			const listed = bundledEntries(catalog, locale).map(({ file: _file, ...entry }) => entry);
			assert.deepEqual(listed, buildCatalog(files, locale).lessons.map(entryOf), locale);
		}
		assert.ok(bundledEntries(catalog, 'ja').some((l) => l.locale === 'ja'));
	});

	it('leaves out a lesson that does not parse, with the parser\'s error', () => {
		const good = bundledFiles()[0];
		assert.ok(good);
		const { catalog, diagnostics } = buildBundledCatalog([good, { file: 'en/broken.md', locale: 'en', text: '---\nid: broken\n---\n' }]);
		assert.deepEqual(catalog.lessons.map((l) => l.file), [good.file]);
		assert.ok(diagnostics.some((d) => d.file === 'en/broken.md' && d.severity === 'error'));
	});
});

describe('readBundledCatalog', () => {
	it('refuses a file that is not a catalog of this version', () => {
		for (const text of ['null', '[]', '3', '{"lessons":[]}', '{"version":2,"lessons":[]}', '{"version":1,"lessons":{}}']) {
			assert.throws(() => readBundledCatalog(text), /not a version 1 lesson catalog/, text);
		}
		assert.throws(() => readBundledCatalog('{'), SyntaxError);
		assert.deepEqual(readBundledCatalog('{"version":1,"lessons":[],"extra":1}'), { version: 1, lessons: [] });
	});
});

describe('build/catalog.mjs', () => {
	it('writes the catalog of every bundled lesson', async () => {
		const { writeCatalog } = await import(SCRIPT) as CatalogScript;
		const out = path.join(lessonsDir({}), 'dist', 'catalog.json');
		const result = await writeCatalog({ lessonsDir: LESSONS, out });
		const files = bundledFiles();
		assert.equal(result.lessons, files.length);
		assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), buildBundledCatalog(files).catalog);
	});

	it('writes one file of packs, a pack per locale holding each lesson as the parser returns it for packing', async () => {
		const { writeCatalog } = await import(SCRIPT) as CatalogScript;
		const out = path.join(lessonsDir({}), 'dist', 'catalog.json');
		await writeCatalog({ lessonsDir: LESSONS, out });
		assert.deepEqual(readdirSync(path.dirname(out)).sort(), ['catalog.json', LESSON_PACKS_FILE]);
		const packed = new TextDecoder().decode(decompress(readFileSync(path.join(path.dirname(out), LESSON_PACKS_FILE))));
		for (const { file, locale, text } of bundledFiles()) {
			const pack = readLessonPack(packed, locale);
			const id = path.basename(file, '.md');
			// Through JSON, as the extension reads it: a lesson holds nothing JSON would change. Exercise files are
			// read into the pack (next test), so exercises are compared by id here.
			const parsed = parseLesson(text, file, { expectedId: id, locale }).lesson;
			const forPack = parsed && buildLessonPacks([parsed])[0]?.lessons[id];
			assert.ok(parsed && forPack && pack.lessons[id], file);
			assert.deepEqual({ ...pack.lessons[id], exercises: [] }, JSON.parse(JSON.stringify({ ...forPack, exercises: [] })), file);
			assert.deepEqual(pack.lessons[id].exercises.map((e) => e.id), parsed.exercises.map((e) => e.id), file);
		}
	});

	it('reads the files an exercise references into the pack, and fails naming the lesson when one is missing', async () => {
		const { writeCatalog } = await import(SCRIPT) as CatalogScript;
		const fixture = path.join(__dirname, '..', '..', '..', 'fixtures', 'exercises', 'lessons');
		const out = path.join(lessonsDir({}), 'dist', 'catalog.json');
		await writeCatalog({ lessonsDir: fixture, out });
		const pack = readLessonPack(new TextDecoder().decode(decompress(readFileSync(path.join(path.dirname(out), LESSON_PACKS_FILE)))), 'en');
		const exercises = Object.values(pack.lessons).flatMap((l) => l.exercises);
		assert.ok(exercises.length > 0);
		for (const exercise of exercises) {
			for (const source of [...exercise.files.map((f) => f.starter), ...exercise.solution.map((s) => s.content)]) {
				assert.ok('text' in source && source.text.length > 0, JSON.stringify(source));
			}
		}
		const starter = readFileSync(path.join(fixture, 'exercises', 'audit-export', 'starter', 'exportRows.ts'), 'utf8');
		assert.ok(exercises.some((e) => e.files.some((f) => 'text' in f.starter && f.starter.text === starter)));

		const broken = lessonsDir({});
		cpSync(fixture, broken, { recursive: true });
		rmSync(path.join(broken, 'exercises', 'audit-export', 'starter', 'exportRows.ts'));
		await assert.rejects(writeCatalog({ lessonsDir: broken, out: path.join(broken, 'catalog.json') }), /en\/audit-export\.md:\d+:1: exercise "[a-z-]+": starter of exportRows\.ts "[^"]+" does not exist/);
	});

	it('fails on a broken bundled lesson, naming its file and line, and writes nothing', async () => {
		const { writeCatalog } = await import(SCRIPT) as CatalogScript;
		const good = bundledFiles().find((f) => f.locale === 'en');
		assert.ok(good);
		// The quiz's `type` is not one the schema knows: an error on the quiz block's line.
		const broken = `${good.text.replace(/^id: .*$/m, 'id: broken')}\n\`\`\`quiz\nid: extra\ntype: essay\nprompt: P\n\`\`\`\n`;
		const brokenLine = broken.split('\n').indexOf('type: essay') + 1;
		const dir = lessonsDir({ [good.file]: good.text, 'en/broken.md': broken });
		const out = path.join(dir, 'catalog.json');
		await assert.rejects(writeCatalog({ lessonsDir: dir, out }), (error: Error) => {
			const lines = error.message.split('\n').filter((l) => l.includes('broken.md'));
			assert.ok(lines.length > 0, error.message);
			assert.ok(lines.every((l) => l.includes(path.join(path.relative(process.cwd(), dir), 'en', 'broken.md:'))), error.message);
			assert.ok(lines.some((l) => l.includes(`broken.md:${brokenLine}:7: quiz "extra" has unknown type "essay"`)), `${error.message} (line ${brokenLine})`);
			return true;
		});
		assert.equal(existsSync(out), false);
	});
});
