/**
 * The entry of the extension host on Node (package.json `main`, dist/extension.js): the Node platform, then the
 * extension itself (./activation, dist/activation.js, the same file the browser entry runs).
 */
import type * as vscode from 'vscode';
import { activate as activateWith } from './activation';
import { nodeHost } from './platform/node/nodeHost';
import type { IncidentLessonsApiWithTesting } from './testing';

export function activate(context: vscode.ExtensionContext): IncidentLessonsApiWithTesting {
	return activateWith(context, nodeHost);
}

export { deactivate } from './activation';
