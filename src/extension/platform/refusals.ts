/** Why a workspace file was not read, worded once for every way of reading it (Node's fs, `workspace.fs`). */

/** Why a file was not read. `tooLarge` tells a file over the limit from one that is not a plain file of the workspace. */
export interface Refusal {
	readonly tooLarge: boolean;
	readonly reason: string;
}

/** A file's bytes (at most the limit), or why it was not read. */
export type CappedRead = { readonly bytes: Uint8Array } | { readonly refused: Refusal };

function sizeText(bytes: number): string {
	return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

export const REFUSALS = {
	tooLarge: (maxBytes: number): Refusal => ({ tooLarge: true, reason: `the file is larger than ${sizeText(maxBytes)}, the most Incident Lessons reads; it was not read` }),
	outside: { tooLarge: false, reason: 'the file is a symbolic link that leads outside the workspace folder, or nowhere; it was not read' },
	link: { tooLarge: false, reason: 'the file is a symbolic link, which is not followed on this file system; it was not read' },
	notRegular: { tooLarge: false, reason: 'the file is not a regular file (a device, a pipe, a socket or a folder); it was not read' },
} as const satisfies Record<string, Refusal | ((maxBytes: number) => Refusal)>;
