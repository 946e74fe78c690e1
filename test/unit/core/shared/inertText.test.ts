// Author text shown in notifications, quick picks and CodeLens titles: no link, no icon, no scheme survives
// inertText, whatever the input, and the text still reads the same (only invisible joiners are added).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { inertText } from '../../../../src/core/shared/text';
import { propertyParams } from '../../helpers/propertySeed';

/** The pattern VS Code's notifications use to find links (vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** Any Markdown-style inline link at all. */
const ANY_LINK = /\[[^\]]*\]\([^)]*\)/;
/** `$(name)` icon syntax, as quick pick labels and CodeLens titles render it. */
const ICON = /\$\([^)]*\)/;
const SCHEME = /[a-z][a-z0-9+.-]*:/i;

/** What the notification shows once newlines are joined, as VS Code does before it looks for links. */
const asNotification = (text: string): string => text.replace(/\r\n|\n|\r/g, ' ');
const visible = (text: string): string => text.replace(/\u2060/g, '');

function assertInert(output: string): void {
	for (const pattern of [VSCODE_LINK, ANY_LINK, ICON, SCHEME]) {
		assert.doesNotMatch(asNotification(output), pattern);
	}
	assert.ok(!/command:|vscode:/i.test(output), output);
}

test('the review\'s inputs lose their links, icons and schemes but read the same', () => {
	const inputs = [
		'[x](command:incidentLessons.resetAllProgress?%7B%22confirmed%22%3Atrue%7D)',
		'unknown quiz type "[Install](command:workbench.extensions.installExtension?%22evil.ext%22)"',
		'[a](vscode://file/etc/passwd) [b](file:///etc/passwd) [c](https://evil.example "t")',
		'[x\n](command:a)', '[x](COMMAND:a)', '$(alert) $(loading~spin) Lesson', '[x]\r\n(command:a)',
	];
	for (const input of inputs) {
		const output = inertText(input);
		assertInert(output);
		assert.equal(visible(output), input.replace(/[\r\n]/g, ' '));
	}
});

test('text without syntax is unchanged', () => {
	for (const text of ['Equifax: the unpatched Struts server', 'Score 80% (3 of 4)', '日本語のレッスン', '']) {
		assert.equal(visible(inertText(text)), text);
	}
	assert.equal(inertText('No links here (really) [just brackets]'), 'No links here (really) [just brackets]');
});

test('control characters and bidi overrides become spaces', () => {
	assert.equal(inertText('a\u001b[31mb\u0007c\u202ed\u2066e\u0085f'), 'a [31mb c d e f');
});

test('property: no input, however built from link and icon syntax, keeps a link, an icon or a scheme', (t) => {
	const piece = fc.constantFrom('[', ']', '(', ')', '](', '$(', 'command:', 'vscode:', 'https://', 'file:', 'x', ' ', '\n', '\r', ':', '\u2060', '\\', '"', 'CoMmAnD:');
	const hostile = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));
	fc.assert(fc.property(hostile, (input) => {
		const output = inertText(input);
		assertInert(output);
		// Only joiners were added, and only line breaks and controls were replaced.
		assert.equal(visible(output).length, input.replace(/\u2060/g, '').length);
	}), propertyParams(t, 1000));
});

test('linear on long hostile input', () => {
	const started = performance.now();
	inertText(`${'a'.repeat(500_000)}:${'](:$('.repeat(100_000)}`);
	assert.ok(performance.now() - started < 1000);
});
