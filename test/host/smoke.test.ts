import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('harness', () => {
	test('runs inside the extension host', () => assert.ok(vscode.version));
});
