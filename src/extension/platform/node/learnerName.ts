import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import type * as vscode from 'vscode';

/**
 * The learner's name from git's `user.name`: the repository's setting in a trusted workspace, only the global one
 * otherwise (git is not run inside an untrusted folder). Undefined when git or the setting is missing.
 */
export function gitUserName(folder: vscode.Uri | undefined, isTrusted: boolean): Promise<string | undefined> {
	const inFolder = isTrusted && folder?.scheme === 'file';
	const args = inFolder ? ['config', '--get', 'user.name'] : ['config', '--global', '--get', 'user.name'];
	return new Promise((resolve) => {
		execFile('git', args, { cwd: inFolder ? folder.fsPath : homedir(), timeout: 5000, windowsHide: true }, (error, stdout) => {
			const name = error ? '' : stdout.trim();
			resolve(name === '' ? undefined : name.slice(0, 200));
		});
	});
}
