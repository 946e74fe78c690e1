import type { RoutedMessage } from '../../core/page/messageRouting';
import type { Progress } from '../../core/progress/progress';
import type { IncidentLessonsApi } from '../api';
import type { TreeSnapshotNode } from '../tree/treeSnapshot';

/**
 * Ways in for the extension's own tests, on the API's `testing` only when the extension runs in development or test
 * mode (never from an installed VSIX). Each one goes through the same code as the real event it stands for.
 */
export interface IncidentLessonsTestingApi {
	/** Handles `raw` exactly as a message posted by the open lesson's webview; resolves with what was decided. */
	deliverWebviewMessage(raw: unknown): Promise<RoutedMessage>;
	/**
	 * Stores raw values as the shared copy and the workspace copy of progress (undefined removes one), then reads
	 * progress as a new window would at startup.
	 */
	plantStoredProgress(shared: unknown, workspace: unknown): Promise<Progress>;
	/**
	 * Removes everything this workspace keeps of progress (its workspaceState) and reads progress again as a window on
	 * another workspace, or a fresh clone, would at startup: what the learner's globalState holds.
	 */
	simulateOtherWorkspace(): Promise<Progress>;
	/**
	 * Progress as a new window on the workspace `workspaceId` (another folder, another clone), with nothing in its
	 * workspaceState, reads it from this window's globalState at startup. Reads only.
	 */
	readAsAnotherWorkspace(workspaceId: string): Progress;
	/** Removes every progress key from both globalState and workspaceState, as in a new profile, and reads again. */
	simulateEmptyProfile(): Promise<Progress>;
	/** The globalState keys progress is stored under now (what Settings Sync is told to carry). */
	globalProgressKeys(): readonly string[];
	/** Stores `raw` as the shared copy the way another window's write arrives: without reading it here. */
	writeAsAnotherWindow(raw: unknown): Promise<void>;
	/** Reads stored progress again as a new window would (a window reload). */
	reloadProgress(): Progress;
	/** Both raw stored copies, as they are now (the shared copy may still wait for the latest answers). */
	storedProgress(): { shared: unknown; workspace: unknown };
	/**
	 * The raw stored value (the copy every window shares), bypassing every cache: what was really persisted. Resolves
	 * after the answers waiting for that copy are written.
	 */
	readStoredProgress(): Promise<unknown>;
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
	/**
	 * Behave as in an untrusted workspace (true) or as the workspace really is (false). It can only take trust away:
	 * for checking Restricted Mode where the host runs with Workspace Trust disabled.
	 */
	simulateRestrictedMode(on: boolean): void;
	/** The heading slug the lesson panel was last asked to open at (a related-lesson CodeLens), if any. */
	lastSection(): string | undefined;
	/** Clears every lesson's progress as Reset All Progress does once confirmed (the command always asks). */
	resetAllProgress(): Promise<void>;
	/** The Lessons view's items, top level first, with their children. */
	treeSnapshot(): Promise<TreeSnapshotNode[]>;
	/** The status-bar text, e.g. "$(mortar-board) Lessons 3/12". */
	statusBarText(): string;
	/** The assigned-lessons status-bar text, e.g. "$(checklist) Assigned 2/5 · due Fri"; '' while it is hidden. */
	assignedStatusBarText(): string;
	/** The reviews status-bar text, e.g. "$(history) 3"; '' while it is hidden (nothing due, or reviews off). */
	reviewStatusBarText(): string;
	/** The learning-records status-bar text, e.g. "$(cloud-upload) 3"; '' while it is hidden (LRS off, nothing waiting). */
	lrsStatusBarText(): string;
	/** Sends the queued learning records now, as the background timer would; undefined while the LRS is off. */
	sendLearningRecords(): Promise<{ readonly sent: number; readonly pending: number; readonly problem?: string } | undefined>;
	/** Stores LRS credentials as Set LRS Credentials… does once they are typed ('' removes them). */
	setLrsCredentials(value: string): Promise<void>;
}

/** What `activate` returns outside production mode: the public API, and the tests' own. */
export interface IncidentLessonsApiWithTesting extends IncidentLessonsApi {
	readonly testing?: IncidentLessonsTestingApi;
}
