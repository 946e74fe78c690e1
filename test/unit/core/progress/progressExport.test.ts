// The progress export file: what Export My Progress… writes reads back as the same progress, and a file that is not
// one (not JSON, another format, a newer version, an unknown field, a bad record, too large, too deep, too many
// containers or lessons, prototype keys) is refused whole with a reason, and a line where the text has one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emptyProgress } from '../../../../src/core/progress/progress';
import {
	EXPORT_FORMAT, exportProgressText, MAX_EXPORT_CHARS, MAX_EXPORT_CONTAINERS, MAX_EXPORT_LESSONS, parseProgressExport,
} from '../../../../src/core/progress/progressExport';
import { passedProgress } from '../../helpers/learnerProgress';
import { propertyParams } from '../../helpers/propertySeed';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const NOW = new Date('2026-12-07T10:00:00.000Z');
const envelope = (fields: Record<string, unknown>): string => JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: 1, exportedAt: NOW.toISOString(), lessons: {}, reviews: {}, ...fields });

function refused(text: string): { problem: string; line?: number } {
	const read = parseProgressExport(text);
	assert.ok(!('progress' in read), `refused: ${text.slice(0, 80)}`);
	return read;
}

describe('progress export file', () => {
	it('reads back every answer, exercise record and review card it was written with', () => {
		const p = passedProgress(12);
		const text = exportProgressText(p, NOW);
		const file = JSON.parse(text) as { format: string; schemaVersion: number; exportedAt: string };
		assert.deepEqual([file.format, file.schemaVersion, file.exportedAt], [EXPORT_FORMAT, 1, NOW.toISOString()]);
		const read = parseProgressExport(`\uFEFF${text}`);
		assert.ok('progress' in read);
		assert.deepEqual(plain(read.progress), plain(p));
	});

	it('refuses text that is not JSON, with the line of the error', () => {
		const broken = '{\n\t"format": "incident-lessons-progress",\n\t"schemaVersion": 1\n\t"lessons": {}\n}';
		const read = refused(broken);
		assert.equal(read.line, 4);
		assert.match(read.problem, /invalid JSON/);
		assert.match(refused('').problem, /invalid JSON/);
	});

	it('refuses another format, a newer or broken version, an unknown field and missing records', () => {
		assert.match(refused(JSON.stringify({ format: 'something-else', schemaVersion: 1, lessons: {}, reviews: {} })).problem, /not an Incident Lessons progress export/);
		assert.match(refused(JSON.stringify([1, 2])).problem, /not an Incident Lessons progress export/);
		assert.match(refused(envelope({ schemaVersion: 2 })).problem, /newer version .*schema version 2/);
		assert.match(refused(envelope({ schemaVersion: '1' })).problem, /not a version number/);
		assert.match(refused(envelope({ extra: true })).problem, /field this format does not have: "extra"/);
		assert.match(refused(envelope({ lessons: [] })).problem, /must be objects/);
	});

	it('refuses the whole file for one bad record, where stored progress would drop just that record', () => {
		const p = passedProgress(2);
		const file = JSON.parse(exportProgressText(p, NOW)) as { lessons: Record<string, { quizzes: Record<string, { attempts: unknown }> }> };
		const [lesson] = Object.values(file.lessons);
		const [quiz] = Object.values(lesson?.quizzes ?? {});
		assert.ok(quiz);
		quiz.attempts = -1;
		assert.match(refused(JSON.stringify(file)).problem, /not a valid answer record/);
		assert.match(refused(envelope({ lessons: { 'Not An Id!': { quizzes: {}, startedAt: NOW.toISOString(), updatedAt: NOW.toISOString() } } })).problem, /not a lesson id/);
		assert.match(refused(envelope({ lessons: { a: { quizzes: {} } } })).problem, /repaired the start or update time/);
	});

	it('keeps prototype keys as keys: no record of the file reaches Object.prototype', () => {
		const text = `{"format":"${EXPORT_FORMAT}","schemaVersion":1,"exportedAt":"x","lessons":{"__proto__":{"quizzes":{},"startedAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}},"reviews":{}}`;
		refused(text);
		assert.equal(({} as Record<string, unknown>).quizzes, undefined);
	});

	it('refuses a file over the size, nesting, container or lesson limits before reading records', () => {
		assert.match(refused(' '.repeat(MAX_EXPORT_CHARS + 1)).problem, /larger than/);
		const deep = `{\n"a":\n${'['.repeat(150)}${']'.repeat(150)}}`;
		const tooDeep = refused(deep);
		assert.match(tooDeep.problem, /nested more than/);
		assert.equal(tooDeep.line, 3);
		assert.match(refused(`[${'{},'.repeat(MAX_EXPORT_CONTAINERS)}{}]`).problem, /arrays and objects, more than/);
		const lessons = Object.fromEntries(Array.from({ length: MAX_EXPORT_LESSONS + 1 }, (_, n) => [`l${n}`, 0]));
		assert.match(refused(envelope({ lessons })).problem, /more than 2000 lessons/);
	});

	it('never throws, and reads nothing but a valid export, whatever the text', (t) => {
		const json = fc.json({ maxDepth: 4 }).map((value) => value);
		fc.assert(fc.property(fc.oneof(fc.string(), json, json.map((v) => envelope({ lessons: JSON.parse(v) as unknown }))), (text) => {
			const read = parseProgressExport(text);
			if ('progress' in read) {
				assert.equal(typeof read.progress.lessons, 'object');
			} else {
				assert.equal(typeof read.problem, 'string');
			}
		}), propertyParams(t, 300));
		assert.ok('progress' in parseProgressExport(exportProgressText(emptyProgress(), NOW)));
	});
});
