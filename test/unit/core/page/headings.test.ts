// ATX headings as trigger `section` checks read them: the same text markdown-it gives the renderer, in linear time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { atxHeadingText, headingSlugs } from '../../../../src/core/page/slug';
import { propertyParams } from '../../helpers/propertySeed';

describe('atxHeadingText', () => {
	it('reads CommonMark headings and closing sequences', () => {
		const cases: [string, string | undefined][] = [
			['# foo', 'foo'], ['###### foo', 'foo'], ['####### foo', undefined], ['#5 bolt', undefined], ['#hashtag', undefined],
			['   # foo', 'foo'], ['    # foo', undefined], ['\t# foo', undefined], ['#', ''], ['# ', ''], ['### ###', ''], ['# #', ''],
			['## foo ##', 'foo'], ['# foo ##################################', 'foo'], ['### foo ###     ', 'foo'], ['### foo ### b', 'foo ### b'],
			['# foo#', 'foo#'], ['## foo #\t', 'foo'], ['#\tfoo', 'foo'], ['#                  foo                     ', 'foo'],
		];
		for (const [line, text] of cases) {
			assert.equal(atxHeadingText(line), text, JSON.stringify(line));
		}
	});

	it('property: agrees with markdown-it on any line of blanks, hashes and letters', (t) => {
		const md = markdownIt('default', { html: false });
		const line = fc.array(fc.constantFrom(' ', '\t', '#', 'a', 'b'), { minLength: 1, maxLength: 14 }).map((chars) => chars.join(''));
		fc.assert(fc.property(line, (text) => {
			const tokens = md.parse(text, {});
			const expected = tokens[0]?.type === 'heading_open' ? tokens[1]?.content : undefined;
			assert.equal(atxHeadingText(text), expected, JSON.stringify(text));
		}), propertyParams(t, 2000));
	});

	it('takes linear time on long lines of blanks (a regular expression took seconds to minutes)', () => {
		const started = performance.now();
		for (const line of [`# a${' '.repeat(60_000)}b`, `#${' '.repeat(1 << 20)}\u2028`, `#${' \t'.repeat(300_000)}#`]) {
			atxHeadingText(line);
		}
		assert.deepEqual(headingSlugs(`# a${' '.repeat(60_000)}b\n## c #${' '.repeat(60_000)}`), ['a-b', 'c']);
		assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
	});
});
