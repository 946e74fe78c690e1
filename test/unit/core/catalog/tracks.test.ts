import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareTracks, TRACK_ORDER } from '../../../../src/core/catalog/tracks';

describe('track order', () => {
	it('puts onboarding, developer and lead first, then general, then a team\'s own tracks by name', () => {
		assert.deepEqual(TRACK_ORDER, ['onboarding', 'developer', 'lead', 'general']);
		const tracks = ['payments', 'general', 'lead', 'compliance', 'developer', 'onboarding', 'a-team'];
		assert.deepEqual(tracks.sort(compareTracks), ['onboarding', 'developer', 'lead', 'general', 'a-team', 'compliance', 'payments']);
	});

	it('is the order docs/curriculum.md gives for the Lessons view', () => {
		const doc = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'curriculum.md'), 'utf8');
		const listed = [...doc.matchAll(/^- \*\*([a-z-]+)\*\*/gm)].map((m) => m[1]);
		assert.deepEqual(listed, TRACK_ORDER.filter((t) => t !== 'general'));
	});
});
