/**
 * What differs between the extension host that runs on Node (desktop, remote, Codespaces) and the one that runs in
 * a browser's web worker (vscode.dev, github.dev). Each entry chooses its implementation (./node/nodeHost for
 * dist/extension.js, ./browser/browserHost for dist/extension-browser.js) and installs it before anything else
 * runs, so neither bundle carries the other's code and nothing guesses the runtime.
 */
import type * as vscode from 'vscode';
import type * as Render from '../../core/page/render';
import type * as Parsers from '../../core/parserChunk';
import type * as Patterns from '../../core/patternChunk';
import type * as Reviews from '../../core/reviews/reviewScheduler';
import type * as Zstd from '../../core/zstdChunk';
import type { CappedRead } from './refusals';

/** The library chunks (dist/<name>.js), loaded on first use: see esbuild.mjs. */
export interface Chunks {
	readonly render: typeof Render;
	readonly parsers: typeof Parsers;
	readonly patterns: typeof Patterns;
	readonly reviews: typeof Reviews;
	/** The lesson packs' decoder (Zstandard), the same in both hosts. */
	readonly zstd: typeof Zstd;
}

/** The workspace's folders on the extension host's own disk, read directly: each `workspace.fs` call is a round trip. */
export interface LocalDisk {
	readCapped(root: string, absolute: string, maxBytes: number): Promise<CappedRead>;
	staysInside(root: string, absolute: string): Promise<boolean>;
	readDirectory(absolute: string): Promise<[string, vscode.FileType][]>;
}

export interface Host {
	/** Absent in the browser, where every file goes through `workspace.fs`. */
	readonly disk?: LocalDisk;
	/** A file of the extension itself (under `context.extensionUri`). */
	readExtensionFile(uri: vscode.Uri): Promise<Uint8Array>;
	/** Whether processes (git) can be run: false in the browser, where the UI says what it could not read. */
	readonly runsProcesses: boolean;
	/** git's `user.name` (see ./node/learnerName); undefined where git cannot be run. */
	gitUserName(folder: vscode.Uri | undefined, isTrusted: boolean): Promise<string | undefined>;
	chunk<K extends keyof Chunks>(name: K): Promise<Chunks[K]>;
	/** Runs `callback` in a later macrotask, after pending I/O (Node's setImmediate; a zero timeout in the browser). */
	nextTurn(callback: () => void): void;
}

let installed: Host | undefined;

/** Called once by the entry, before activation does anything. */
export function installHost(host: Host): void {
	installed = host;
}

export function host(): Host {
	if (!installed) {
		throw new Error('no extension host platform installed: the entry installs one before activation');
	}
	return installed;
}

/** Resolves in a later macrotask, after pending I/O: {@link Host.nextTurn} as a promise. */
export function nextTurn(): Promise<void> {
	return new Promise((resolve) => host().nextTurn(resolve));
}
