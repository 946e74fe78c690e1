import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseLesson } from '../../../src/core/lessons/parseLesson';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('every bundled lesson has an exercise', () => {
	for (const locale of ['en', 'ja']) {
		for (const name of readdirSync(path.join(ROOT, 'lessons', locale)).filter((n) => n.endsWith('.md')).sort()) {
			it(`${locale}/${name}: at least one exercise, with its variant table`, () => {
				const id = name.slice(0, -3);
				const { lesson } = parseLesson(readFileSync(path.join(ROOT, 'lessons', locale, name), 'utf8'), `${locale}/${name}`, { expectedId: id, locale });
				assert.ok(lesson && lesson.exercises.length > 0, 'an exercise');
				const table = path.join(__dirname, `${id}.test.ts`);
				assert.ok(existsSync(table), `${path.relative(ROOT, table)}: right and wrong fixes for its exercises`);
				const source = readFileSync(table, 'utf8');
				for (const exercise of lesson.exercises) {
					assert.ok(source.includes(`'${exercise.id}'`), `${exercise.id} is in its variant table`);
				}
			});
		}
	}
});
