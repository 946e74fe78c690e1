/**
 * Loads a library chunk (dist/<name>.js, CommonJS) in the web worker, where there is no `require` of a file: its
 * text is read through `workspace.fs` and run as the workbench runs the extension's entry itself, as the body of a
 * function given `module`, `exports` and `require`. The chunks are the same files the Node entry requires, so the
 * package carries one copy of each.
 */
import * as vscode from 'vscode';
import type { Chunks } from '../host';
import { CHUNK_BUILTINS } from './chunkBuiltins';

/**
 * Runs one of the extension's own CommonJS files (`uri`), read by `read`: `require` gives what `modules` names (the
 * vscode API for dist/activation.js) and the built-ins stood in for, and throws for anything else.
 */
export async function loadChunkFile(uri: vscode.Uri, read: (uri: vscode.Uri) => Promise<Uint8Array>, modules: Readonly<Record<string, unknown>> = {}): Promise<unknown> {
	const chunkRequire = (id: string): unknown => {
		if (Object.hasOwn(modules, id)) {
			return modules[id];
		}
		if (!Object.hasOwn(CHUNK_BUILTINS, id)) {
			throw new Error(`a library chunk asked for '${id}', which the browser has not`);
		}
		return CHUNK_BUILTINS[id];
	};
	const text = new TextDecoder().decode(await read(uri));
	const module = { exports: {} as unknown };
	// The extension's own file, run the way the web extension host runs the entry (it has no other loader).
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const run = new Function('module', 'exports', 'require', `${text}\n//# sourceURL=${uri.toString(true)}`) as (m: typeof module, e: unknown, r: typeof chunkRequire) => void;
	run(module, module.exports, chunkRequire);
	return module.exports;
}

export function chunkLoader(dist: vscode.Uri, read: (uri: vscode.Uri) => Promise<Uint8Array>): <K extends keyof Chunks>(name: K) => Promise<Chunks[K]> {
	const loaded = new Map<string, Promise<unknown>>();
	const load = (name: string): Promise<unknown> => loadChunkFile(vscode.Uri.joinPath(dist, `${name}.js`), read);
	return <K extends keyof Chunks>(name: K): Promise<Chunks[K]> => {
		let chunk = loaded.get(name);
		if (!chunk) {
			chunk = load(name);
			chunk.catch(() => loaded.delete(name)); // tried again on the next use
			loaded.set(name, chunk);
		}
		return chunk as Promise<Chunks[K]>;
	};
}
