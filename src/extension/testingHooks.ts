import type * as vscode from 'vscode';
import type { RoutedMessage } from '../core/page/messageRouting';
import type { Progress } from '../core/progress/progress';
import type { Clock } from './platform/clock';
import type { LessonPanel } from './page/lessonPanel';
import { PROGRESS_KEY, type ProgressStore } from './progress/progressStore';

/**
 * Ways in for the extension's own tests, on the API only when the extension runs in development or test mode
 * (never from an installed VSIX). Each one goes through the same code as the real event it stands for.
 */
export interface TestingHooks {
	/** Handles `raw` exactly as a message posted by the open lesson's webview; resolves with what was decided. */
	deliverWebviewMessage(raw: unknown): Promise<RoutedMessage>;
	/**
	 * Stores raw values as the shared copy and the workspace copy of progress (undefined removes one), then reads
	 * progress as a new window would at startup.
	 */
	plantStoredProgress(shared: unknown, workspace: unknown): Promise<Progress>;
	/** Stores `raw` as the shared copy the way another window's write arrives: without reading it here. */
	writeAsAnotherWindow(raw: unknown): Promise<void>;
	/** Reads stored progress again as a new window would (a window reload). */
	reloadProgress(): Progress;
	/** Both raw stored copies, as they are now (the shared copy may still wait for the latest answers). */
	storedProgress(): { shared: unknown; workspace: unknown };
	/** Writes the answers waiting for the shared copy, as the next flush would. */
	flushProgress(): Promise<void>;
	/** What the learner was told about stored progress since the last (simulated) window start. */
	notices(): readonly string[];
	/** Keys of backups taken of unreadable progress. */
	backupKeys(): readonly string[];
	/** The check that runs when the window gains focus: did another window change progress? */
	checkForChanges(): void;
	/**
	 * Pins the review schedule's clock to `ms` (milliseconds since 1970), or back to the real time with undefined:
	 * answering now and pinning the clock days ahead makes cards due without waiting.
	 */
	setClock(ms: number | undefined): void;
	/** The heading slug the lesson panel was last asked to open at (a related-lesson CodeLens), if any. */
	lastSection(): string | undefined;
	/** Clears every lesson's progress as Reset All Progress does once confirmed (the command always asks). */
	resetAllProgress(): Promise<void>;
}

/** Builds the hooks over the live services. */
export function createTestingHooks(context: vscode.ExtensionContext, panel: LessonPanel, progress: ProgressStore, clock: Clock): TestingHooks {
	return {
		deliverWebviewMessage: (raw) => panel.receive(raw),
		plantStoredProgress: async (shared, workspace) => {
			await progress.flush();
			await context.globalState.update(progress.sharedKey, shared);
			await context.workspaceState.update(PROGRESS_KEY, workspace);
			return progress.reload();
		},
		writeAsAnotherWindow: async (raw) => {
			await context.globalState.update(progress.sharedKey, raw);
		},
		reloadProgress: () => progress.reload(),
		storedProgress: () => progress.stored(),
		flushProgress: () => progress.flush(),
		notices: () => progress.notices(),
		backupKeys: () => progress.backupKeys(),
		checkForChanges: () => progress.checkForChanges(),
		setClock: (ms) => clock.pin(ms),
		lastSection: () => panel.lastSection,
		resetAllProgress: () => progress.resetAll(),
	};
}
