import type * as vscode from 'vscode';

/** The time the review schedule runs on: the real clock, or (in the extension's own tests, see ../testing/) a pinned one. */
export interface Clock {
	now(): Date;
	/** Fires when the time jumped (a pinned clock moved), so schedules are looked at again. */
	readonly onDidChange: vscode.Event<void>;
}

/** The real time, which never jumps. */
export const systemClock: Clock = {
	now: () => new Date(),
	onDidChange: () => ({ dispose: () => undefined }),
};
