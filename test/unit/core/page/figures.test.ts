// Line wrapping for the SVG figures: the incremental version must break lines exactly where the straightforward
// one (re-measuring the whole line for every word) did, for Latin, CJK, mixed and astral text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { wrapText } from '../../../../src/core/page/figures';
import { propertyParams } from '../../helpers/propertySeed';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function referenceUnits(text: string): number {
	let units = 0;
	for (const ch of text) {
		units += WIDE.test(ch) ? 2 : 1;
	}
	return units;
}

/** The original wrapping, kept as the oracle. */
function referenceWrap(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/(\s+)/).filter((w) => w !== '')) {
		for (const piece of referenceUnits(word) > max ? [...word] : [word]) {
			if (referenceUnits(line + piece) > max && line.trim() !== '') {
				lines.push(line.trim());
				line = piece.trimStart();
			} else {
				line += piece;
			}
		}
	}
	if (line.trim() !== '') {
		lines.push(line.trim());
	}
	return lines.length > 0 ? lines : [''];
}

const piece = fc.constantFrom('a', 'word', 'breach', 'records', ' ', '  ', '\t', '\n', '不正', 'アクセス', '한국', '（全角）', '😀', '\ud83d', 'x'.repeat(70));

test('wrapText breaks lines where the original implementation did', (t) => {
	fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.integer({ min: 1, max: 80 }), (text, max) => {
		assert.deepEqual(wrapText(text, max), referenceWrap(text, max));
	}), propertyParams(t, 500));
});

test('wrapText counts CJK characters double', () => {
	assert.deepEqual(wrapText('不正アクセスの発生', 6), ['不正ア', 'クセス', 'の発生']);
	assert.deepEqual(wrapText('one two three', 7), ['one two', 'three']);
});
