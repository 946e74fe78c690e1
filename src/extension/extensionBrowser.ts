/**
 * The entry of the web extension host (package.json `browser`, dist/extension-browser.js): vscode.dev, github.dev,
 * a browser's web worker. No Node here: see ./platform/browser/browserHost for what it does instead.
 */
import type * as vscode from 'vscode';
import { activate as activateExtension } from './activation';
import { installHost } from './platform/host';
import { browserHost } from './platform/browser/browserHost';
import type { IncidentLessonsApiWithTesting } from './testing';

export function activate(context: vscode.ExtensionContext): IncidentLessonsApiWithTesting {
	installHost(browserHost(context.extensionUri));
	return activateExtension(context);
}

export { deactivate } from './activation';
