import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildLessonPacks, readLessonPack } from '../../../../src/core/catalog/lessonPack';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';

const lesson = (id: string, locale: string) => {
	const parsed = parseLesson(`---\nid: ${id}\ntitle: T ${id}\nsummary: S\n---\n\nBody.\n`, `${locale}/${id}.md`, { locale }).lesson;
	assert.ok(parsed);
	return parsed;
};

describe('lesson packs', () => {
	it('groups lessons by locale, keyed by id, and reads back what was written', () => {
		const packs = buildLessonPacks([lesson('a', 'en'), lesson('b', 'ja'), lesson('c', 'en')]);
		assert.deepEqual(packs.map((p) => [p.locale, Object.keys(p.lessons)]), [['en', ['a', 'c']], ['ja', ['b']]]);
		const en = packs[0];
		assert.ok(en);
		assert.deepEqual(readLessonPack(JSON.stringify(en), 'en'), en);
	});

	it('refuses a stale, foreign or other-locale file with a message that says what to do', () => {
		const [en] = buildLessonPacks([lesson('a', 'en')]);
		for (const text of ['null', '[]', '{"version":2,"locale":"en","lessons":{}}', '{"version":1,"locale":"en","lessons":[]}', JSON.stringify(en).replace('"locale":"en"', '"locale":"ja"')]) {
			assert.throws(() => readLessonPack(text, 'en'), /not a version 1 lesson pack for "en": reinstall or rebuild the extension/, text);
		}
		assert.throws(() => readLessonPack('{', 'en'), SyntaxError);
	});
});
