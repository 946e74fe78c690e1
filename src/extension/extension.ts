/** The entry of the extension host on Node (package.json `main`, dist/extension.js). */
import type * as vscode from 'vscode';
import { activate as activateExtension } from './activation';
import { installHost } from './platform/host';
import { nodeHost } from './platform/node/nodeHost';
import type { IncidentLessonsApiWithTesting } from './testing';

export function activate(context: vscode.ExtensionContext): IncidentLessonsApiWithTesting {
	installHost(nodeHost);
	return activateExtension(context);
}

export { deactivate } from './activation';
