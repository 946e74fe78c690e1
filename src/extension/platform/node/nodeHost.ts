/** The extension host on Node: the workspace's local folders and the extension's files through fs, git for a name. */
import { readdir, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Chunks, Host } from '../host';
import { gitUserName } from './learnerName';
import { readLocalFileCapped, staysInside } from './localFile';

/** Each chunk's import becomes a `require('./<name>.js')` of its own file beside the entry (esbuild.mjs, lazyChunks). */
const CHUNKS: { readonly [K in keyof Chunks]: () => Promise<Chunks[K]> } = {
	render: () => import('../../../core/page/render'),
	parsers: () => import('../../../core/parserChunk'),
	patterns: () => import('../../../core/patternChunk'),
	reviews: () => import('../../../core/reviews/reviewScheduler'),
	zstd: () => import('../../../core/zstdChunk'),
};

async function readDirectory(absolute: string): Promise<[string, vscode.FileType][]> {
	// Symbolic links are neither files nor folders, as `workspace.fs` reports them.
	return (await readdir(absolute, { withFileTypes: true })).map((entry): [string, vscode.FileType] => [entry.name,
		entry.isSymbolicLink() ? vscode.FileType.SymbolicLink : entry.isFile() ? vscode.FileType.File : entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown]);
}

export const nodeHost: Host = {
	disk: { readCapped: readLocalFileCapped, staysInside, readDirectory },
	readExtensionFile: (uri) => readFile(uri.fsPath),
	runsProcesses: true,
	gitUserName,
	chunk: (name) => CHUNKS[name](),
	nextTurn: (callback) => void setImmediate(callback),
};
