import * as vscode from 'vscode';
import type { Answer, QuizResult } from '../core/lesson';
import { emptyProgress, migrateProgress, recordAnswer, resetLesson, type Progress } from '../core/progress';
import { Disposable } from './dispose';

/** The workspaceState key of the workspace copy (where release 0.1.0 kept the only copy). */
export const PROGRESS_KEY = 'incidentLessons.progress';
const SHARED_KEY_PREFIX = 'incidentLessons.progress:';
const BACKUP_KEY_PREFIX = 'incidentLessons.progressBackup.';
const HAS_PROGRESS_CONTEXT = 'incidentLessons:hasProgress';
/** Garbage can hold thousands of bad entries; the log gets a sample and a count. */
const MAX_LOGGED_PROBLEMS = 20;

/** Where progress is kept. */
export interface ProgressStorage {
	/**
	 * globalState, under a key per workspace: every window sees the others' writes, so two windows on one workspace
	 * add to the same progress instead of overwriting each other's (workspaceState is one copy per window).
	 */
	readonly shared: vscode.Memento;
	/**
	 * workspaceState: a mirror that VS Code carries along when a workspace changes identity (a folder becoming a
	 * multi-root workspace), and the only copy release 0.1.0 kept. Read only while the shared copy is missing.
	 */
	readonly workspace: vscode.Memento;
	/** Names this workspace in `shared`. */
	readonly workspaceId: string;
}

/** Names the open workspace: its .code-workspace file, else its first folder, else none. */
export function currentWorkspaceId(): string {
	const uri = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri;
	return uri?.toString() ?? 'no-folder';
}

/**
 * The only writer of learner progress. Each change is written at once and awaited, as one change applied to the
 * freshest stored copy; nothing is written on deactivate. Stored data that cannot be read as-is is backed up before
 * the first write, data from a newer release is never overwritten, and the learner is told about either once.
 */
export class ProgressStore extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<string | undefined>());
	/** Fires with the lesson id that changed, or undefined when everything may have (a reset, another window). */
	readonly onDidChange = this._onDidChange.event;
	/** The key of this workspace's progress in the shared storage. */
	readonly sharedKey: string;
	private cached: Progress | undefined;
	/** The stored value `cached` was read from; another object there means another window wrote. */
	private cachedFrom: unknown;
	private readOnly = false;
	private needsBackup = false;
	private hasNotified = false;
	private shown: string[] = [];
	/** Serialises writes so two quick answers never race each other's read-modify-write. */
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly storage: ProgressStorage,
		private readonly log: vscode.LogOutputChannel,
		private readonly notify: (message: string) => void,
	) {
		super();
		this.sharedKey = `${SHARED_KEY_PREFIX}${storage.workspaceId}`;
		this.register(vscode.window.onDidChangeWindowState((state) => {
			if (state.focused) {
				this.checkForChanges();
			}
		}));
	}

	/** Current progress; read again whenever another window has written since the last read. */
	get(): Progress {
		const raw = this.storage.shared.get(this.sharedKey);
		return this.cached !== undefined && raw === this.cachedFrom ? this.cached : this.load(raw);
	}

	/**
	 * Records one graded answer. Resolves once it is stored. `alsoChange` (the review card update) is applied in the
	 * same write, given progress before and after the answer, so the answer and its card never disagree.
	 */
	record(lessonId: string, contentHash: string, result: QuizResult, answer: Answer, alsoChange?: (before: Progress, after: Progress) => Progress): Promise<void> {
		return this.write(lessonId, (p) => {
			const after = recordAnswer(p, lessonId, contentHash, result, answer, new Date());
			return alsoChange ? alsoChange(p, after) : after;
		});
	}

	resetLesson(lessonId: string): Promise<void> {
		return this.write(lessonId, (p) => resetLesson(p, lessonId));
	}

	resetAll(): Promise<void> {
		return this.write(undefined, () => emptyProgress());
	}

	/** True when stored progress is from a newer schema and must not be overwritten. */
	isReadOnly(): boolean {
		this.get();
		return this.readOnly;
	}

	/** Tells listeners when another window changed this workspace's progress (checked when the window gains focus). */
	checkForChanges(): void {
		if (this.cached !== undefined && this.storage.shared.get(this.sharedKey) !== this.cachedFrom) {
			this.get();
			this._onDidChange.fire(undefined);
		}
	}

	/** Forgets what was read and told, as a new window starts: storage is read again and may be reported again. */
	reload(): Progress {
		this.cached = undefined;
		this.hasNotified = false;
		this.shown = [];
		return this.get();
	}

	/** The raw stored value: the shared copy, and the workspace mirror. */
	stored(): { shared: unknown; workspace: unknown } {
		return { shared: this.storage.shared.get(this.sharedKey), workspace: this.storage.workspace.get(PROGRESS_KEY) };
	}

	/** What the learner was told about stored progress since the window started (or `reload`), oldest first. */
	notices(): readonly string[] {
		return this.shown;
	}

	/** Keys of the backups taken of progress that could not be read as it was. */
	backupKeys(): string[] {
		return this.storage.workspace.keys().filter((key) => key.startsWith(BACKUP_KEY_PREFIX));
	}

	private load(shared: unknown): Progress {
		// A workspace that changed identity (or was used with 0.1.0) has no shared copy yet, only the mirror.
		const raw = shared !== undefined ? shared : this.storage.workspace.get(PROGRESS_KEY);
		const { progress, problems, readOnly } = migrateProgress(raw);
		this.cached = progress;
		this.cachedFrom = shared;
		this.readOnly = readOnly;
		this.needsBackup = problems.length > 0 && raw !== undefined;
		for (const p of problems.slice(0, MAX_LOGGED_PROBLEMS)) {
			this.log.warn(`Stored progress: ${p}`);
		}
		if (problems.length > MAX_LOGGED_PROBLEMS) {
			this.log.warn(`Stored progress: ${problems.length - MAX_LOGGED_PROBLEMS} more problems like these.`);
		}
		if (problems.length > 0 && !this.hasNotified) {
			this.hasNotified = true;
			const message = readOnly
				? vscode.l10n.t('Your lesson progress was saved by a newer version of Incident Lessons. It is shown, but new answers are not saved until you update.')
				: vscode.l10n.t('Some stored lesson progress could not be read and was set aside (a backup is kept). Details are in the Incident Lessons output.');
			this.shown.push(message);
			this.notify(message);
		}
		void vscode.commands.executeCommand('setContext', HAS_PROGRESS_CONTEXT, Object.keys(progress.lessons).length > 0);
		return progress;
	}

	private write(lessonId: string | undefined, change: (p: Progress) => Progress): Promise<void> {
		const run = async (): Promise<void> => {
			// Read again first: another window may have added answers this one has not seen.
			const before = this.get();
			if (this.readOnly) {
				return;
			}
			if (this.needsBackup) {
				const { shared, workspace } = this.stored();
				await this.storage.workspace.update(`${BACKUP_KEY_PREFIX}${Date.now()}`, shared !== undefined ? shared : workspace);
				this.needsBackup = false;
			}
			const after = change(before);
			await this.storage.shared.update(this.sharedKey, after);
			await this.storage.workspace.update(PROGRESS_KEY, after);
			this.cached = after;
			this.cachedFrom = this.storage.shared.get(this.sharedKey);
			await vscode.commands.executeCommand('setContext', HAS_PROGRESS_CONTEXT, Object.keys(after.lessons).length > 0);
			this._onDidChange.fire(lessonId);
		};
		const next = this.queue.then(run);
		this.queue = next.catch((e: unknown) => this.log.error(`Could not save progress: ${String(e)}`));
		return next;
	}
}
