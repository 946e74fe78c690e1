/**
 * The extension host in a browser's web worker (vscode.dev, github.dev): no disk, no processes, no `require` of a
 * file. Every file, the workspace's and the extension's own, goes through `workspace.fs`; brotli through the
 * Compression Streams API where the browser has its 'brotli' format; no git, so no name from it.
 */
import * as vscode from 'vscode';
import { BrotliUnsupported, type Host } from '../host';
import { chunkLoader } from './chunkLoader';

/** Decodes with `DecompressionStream('brotli')`, which some browsers lack (the constructor throws a TypeError). */
async function brotliDecompress(bytes: Uint8Array): Promise<Uint8Array> {
	let stream: DecompressionStream;
	try {
		// 'brotli' joined the Compression Streams spec after the formats the type declarations list.
		stream = new (DecompressionStream as new (format: string) => DecompressionStream)('brotli');
	} catch {
		throw new BrotliUnsupported('this browser cannot decode brotli (DecompressionStream has no \'brotli\' format)');
	}
	const decoded = new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream));
	return new Uint8Array(await decoded.arrayBuffer());
}

export function browserHost(extensionUri: vscode.Uri): Host {
	const readExtensionFile = (uri: vscode.Uri): Promise<Uint8Array> => Promise.resolve(vscode.workspace.fs.readFile(uri));
	return {
		readExtensionFile,
		brotliDecompress,
		runsProcesses: false,
		gitUserName: () => Promise.resolve(undefined),
		chunk: chunkLoader(vscode.Uri.joinPath(extensionUri, 'dist'), readExtensionFile),
		nextTurn: (callback) => void setTimeout(callback, 0),
	};
}
