import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLessonPacks, readLessonPack, writeLessonPacks } from '../../../../src/core/catalog/lessonPack';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import type { Lesson } from '../../../../src/core/lessons/lesson';
import { renderLesson } from '../../../../src/core/page/render';

const LESSONS = path.join(__dirname, '..', '..', '..', '..', 'lessons');

/** Every bundled lesson, parsed from its file (exercise files stay references: rendering does not read them). */
function bundledLessons(): Lesson[] {
	return ['en', 'ja'].flatMap((locale) => readdirSync(path.join(LESSONS, locale)).filter((n) => n.endsWith('.md')).sort().map((name) => {
		const { lesson: parsed } = parseLesson(readFileSync(path.join(LESSONS, locale, name), 'utf8'), `${locale}/${name}`, { locale });
		assert.ok(parsed, name);
		return parsed;
	}));
}

const lesson = (id: string, locale: string) => {
	const parsed = parseLesson(`---\nid: ${id}\ntitle: T ${id}\nsummary: S\n---\n\nBody.\n`, `${locale}/${id}.md`, { locale }).lesson;
	assert.ok(parsed);
	return parsed;
};

describe('lesson packs', () => {
	it('groups lessons by locale, keyed by id, and reads back each locale from the one file written', () => {
		const packs = buildLessonPacks([lesson('a', 'en'), lesson('b', 'ja'), lesson('c', 'en')]);
		assert.deepEqual(packs.map((p) => [p.locale, Object.keys(p.lessons)]), [['en', ['a', 'c']], ['ja', ['b']]]);
		const text = writeLessonPacks(packs);
		assert.deepEqual(readLessonPack(text, 'en'), packs[0]);
		assert.deepEqual(readLessonPack(text, 'ja'), packs[1]);
	});

	it('refuses a stale, foreign, cut or other-locale file with a message that says what to do', () => {
		const packs = buildLessonPacks([lesson('a', 'en'), lesson('b', 'ja')]);
		const text = writeLessonPacks(packs);
		const header = '{"version":1,"locales":["en"]}';
		for (const bad of ['null', '[]', '{"version":2,"locales":["en"]}', '{"version":1,"locales":"en"}', `${header}\n{"version":2,"locale":"en","lessons":{}}\n`,
			`${header}\n{"version":1,"locale":"en","lessons":[]}\n`, `${header}\n{"version":1,"locale":"ja","lessons":{}}\n`, `${header}\n`, header,
			text.replace('"locales":["en","ja"]', '"locales":["ja","en"]'), writeLessonPacks(packs.slice(1))]) {
			assert.throws(() => readLessonPack(bad, 'en'), /not a version 1 lesson pack for "en": reinstall or rebuild the extension/, bad);
		}
		// Cut inside the second locale's line: the first still reads, the second does not.
		const cut = text.slice(0, text.lastIndexOf('"b"'));
		assert.deepEqual(readLessonPack(cut, 'en'), packs[0]);
		assert.throws(() => readLessonPack(cut, 'ja'), /not a version 1 lesson pack for "ja"/);
		assert.throws(() => readLessonPack('{', 'en'), SyntaxError);
	});

	it('ships each placed quiz and exercise once: their fences are blank in the body, and every lesson renders as from its file', () => {
		const lessons = bundledLessons();
		const packed = new Map(buildLessonPacks(lessons).flatMap((pack) => Object.values(pack.lessons).map((l) => [`${l.locale}/${l.meta.id}`, l] as const)));
		let blocks = 0;
		for (const original of lessons) {
			const inPack = packed.get(`${original.locale}/${original.meta.id}`);
			assert.ok(inPack);
			assert.equal(inPack.body.split('\n').length, original.body.split('\n').length, 'line numbers stay true');
			for (const quiz of original.quizzes) {
				assert.doesNotMatch(inPack.body, new RegExp(`^id: ${quiz.id}$`, 'm'), `${original.meta.id}: quiz ${quiz.id} YAML left in the body`);
			}
			blocks += original.quizzes.length + original.exercises.length;
			assert.equal(renderLesson(inPack, { learner: 'l' }), renderLesson(original, { learner: 'l' }), `${original.locale}/${original.meta.id}`);
		}
		assert.ok(blocks > 50, `only ${blocks} quiz and exercise blocks seen`);
	});

	it('keeps the YAML of a fence the parser did not place (it renders as the author wrote it)', () => {
		const parsed = parseLesson('---\nid: a\ntitle: T\nsummary: S\n---\n\n```yaml\nkey: 1\n```\n', 'en/a.md', { locale: 'en' }).lesson;
		assert.ok(parsed);
		const [pack] = buildLessonPacks([parsed]);
		assert.equal(pack?.lessons.a?.body, parsed.body);
	});
});

