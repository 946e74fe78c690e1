import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedHref, resolveLink } from '../../../../src/core/page/links';

test('allows https, http, mailto, anchors and relative links', () => {
	for (const href of ['https://example.com', 'http://example.com/a?b=c', 'mailto:a@example.com', '#section', 'other.md', './other.md#x', 'HTTPS://EXAMPLE.COM']) {
		assert.equal(isAllowedHref(href), true, href);
	}
});

test('refuses every other scheme, however it is obfuscated', () => {
	for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x',
		'\u0000javascript:x', 'vbscript:msgbox', 'data:text/html,<script>', 'file:///etc/passwd', 'command:workbench.action.terminal.new',
		'vscode://file/x', 'vscode-webview://x', '//evil.example', '\\\\evil\\share', 'ftp://example.com']) {
		assert.equal(isAllowedHref(href), false, JSON.stringify(href));
	}
});

test('resolves clicks to external links, anchors and other lessons', () => {
	assert.deepEqual(resolveLink('https://example.com'), { kind: 'external', url: 'https://example.com' });
	assert.deepEqual(resolveLink('#what-happened'), { kind: 'anchor', fragment: 'what-happened' });
	assert.deepEqual(resolveLink('incident-response.md'), { kind: 'lesson', lessonId: 'incident-response' });
	assert.deepEqual(resolveLink('../ja/incident-response.md#steps'), { kind: 'lesson', lessonId: 'incident-response', fragment: 'steps' });
	assert.equal(resolveLink('javascript:alert(1)'), undefined);
	assert.equal(resolveLink('../../etc/passwd'), undefined);
	assert.equal(resolveLink('notes.txt'), undefined);
});
