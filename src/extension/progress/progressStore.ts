import * as vscode from 'vscode';
import type { Answer, QuizResult } from '../../core/lessons/lesson';
import { emptyProgress, hasLessons, lessonParts, recordAnswer, resetLesson, withLessons, type Progress } from '../../core/progress/progress';
import { withExerciseEvent, type ExerciseEvent } from '../../core/progress/exerciseProgress';
import type { LaidOutProgress } from '../../core/progress/progressLayout';
import { mergeProgress, type MergeCounts } from '../../core/progress/progressMerge';
import { Disposable } from '../platform/dispose';
import { learnerSeed } from './learnerSeed';
import { ProgressCopies, type ReadKind } from './progressCopies';
import { entryKey, LEARNER_SCOPE, type ProgressStorage } from './storedCopy';
import { ProgressWrites } from './progressWrites';
import { SyncedKeys } from './syncedKeys';
import { markAdopted, workspaceProgressToAdopt } from './workspaceAdoption';

export { PROGRESS_KEY, type ProgressStorage } from './storedCopy';

const HAS_PROGRESS_CONTEXT = 'incidentLessons:hasProgress';
/** Garbage can hold thousands of bad entries; the log gets a sample and a count. */
const MAX_LOGGED_PROBLEMS = 20;
/**
 * A merge of up to this many lessons writes each lesson's entry, as answers do, so that Settings Sync, which carries
 * each key on its own, merges it with another machine's; more (each update sends the whole state) start over with a new base.
 */
const MAX_MERGED_ENTRIES = 50;

/** Progress as a window with `storage` would read it at startup, without writing anything (for the tests' seams). */
export function readStoredProgress(storage: ProgressStorage): Progress {
	return new ProgressCopies(storage, () => undefined).current();
}

/** Names the open workspace: its .code-workspace file, else its first folder, else none. */
export function currentWorkspaceId(): string {
	const uri = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri;
	return uri?.toString() ?? 'no-folder';
}

/**
 * The only writer of learner progress. Each change is written at once to the workspace copy and awaited, as one
 * change applied to the freshest stored copy; an answer writes only its lesson (see ./progressCopies). The shared
 * copy gets answers at most once a second (./progressWrites), and at once when the window loses focus, so another
 * window sees them when the learner turns to it; what is left goes on deactivate, and a window that closed first
 * takes it back from its workspace copy on the next start. Stored data that cannot be read as-is is backed up before
 * the first write, data from a newer release is never overwritten, and the learner is told about either once.
 */
export class ProgressStore extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<string | undefined>());
	/** Fires with the lesson id that changed, or undefined when everything may have (a reset, another window). */
	readonly onDidChange = this._onDidChange.event;
	/** The key of the learner's base in the shared storage. */
	readonly sharedKey: string;
	private readonly copies: ProgressCopies;
	private hasNotified = false;
	private shown: string[] = [];
	/** The value last given to the `hasProgress` context key, so it is set only when it changes. */
	private hasProgress: boolean | undefined;
	private readonly writes: ProgressWrites;
	private seed: string | undefined;
	private readonly synced: SyncedKeys;
	/** This workspace's progress of earlier releases, read before any write can make its workspace copy the learner's mirror. */
	private toAdopt: Progress[] | undefined;

	constructor(
		private readonly storage: ProgressStorage,
		private readonly log: vscode.LogOutputChannel,
		private readonly notify: (message: string) => void,
	) {
		super();
		this.copies = new ProgressCopies(storage, (read, kind) => this.report(read, kind));
		this.writes = new ProgressWrites(this.copies, (e) => this.log.error(`Could not save progress: ${String(e)}`));
		this.sharedKey = this.copies.sharedKey;
		this.synced = new SyncedKeys(storage.syncKeys);
		this.toAdopt = workspaceProgressToAdopt(storage);
		this.register(vscode.window.onDidChangeWindowState((state) => {
			if (state.focused) {
				this.checkForChanges();
			} else {
				void this.flush();
			}
		}));
		this.register({ dispose: () => void this.writes.dispose().catch(() => undefined) });
	}

	/** The learner's random seed for the order quizzes show their choices in (./learnerSeed); made on first use. */
	learnerSeed(): string {
		this.seed ??= learnerSeed(this.storage.shared, this.storage.workspaceId, (e) => this.log.error(`Could not save the quiz order seed: ${String(e)}`));
		return this.seed;
	}

	/** Current progress; brought up to date whenever another window has written since the last read. */
	get(): Progress {
		return this.copies.current();
	}

	/**
	 * Records one graded answer. Resolves once it is stored. `alsoChange` (the review card update) is applied in the
	 * same write, given progress before and after the answer, so the answer and its card never disagree; it may
	 * change this lesson's cards only.
	 */
	record(lessonId: string, contentHash: string, result: QuizResult, answer: Answer, alsoChange?: (before: Progress, after: Progress) => Progress): Promise<void> {
		// One time, so that a replay over another window's change (see ./progressCopies) records the same answer.
		const now = new Date();
		return this.write(lessonId, (p) => {
			const after = recordAnswer(p, lessonId, contentHash, result, answer, now);
			return alsoChange ? alsoChange(p, after) : after;
		}, true);
	}

	/** Records what happened to one exercise of a lesson (a check, a hint, the solution shown). Resolves once it is stored. */
	recordExercise(lessonId: string, contentHash: string, exerciseId: string, event: ExerciseEvent): Promise<void> {
		const now = new Date();
		return this.write(lessonId, (p) => {
			const { lesson, cards } = lessonParts(p, lessonId);
			return withLessons(p, new Map([[lessonId, { lesson: withExerciseEvent(lesson, exerciseId, event, contentHash, now), cards }]]));
		}, true);
	}

	/**
	 * Adds `incoming` (an imported file, a workspace's earlier progress) to progress, never replacing a later answer;
	 * resolves once stored with what it added, or undefined when stored progress is read-only.
	 */
	async merge(incoming: Progress): Promise<MergeCounts | undefined> {
		if (this.isReadOnly()) {
			return undefined;
		}
		const { counts, lessonIds } = mergeProgress(this.get(), incoming);
		const merged = (p: Progress): Progress => mergeProgress(p, incoming).progress;
		if (lessonIds.length > MAX_MERGED_ENTRIES) {
			await this.write(undefined, merged);
			return counts;
		}
		for (const lessonId of lessonIds) {
			await this.write(lessonId, (p) => withLessons(p, new Map([[lessonId, lessonParts(merged(p), lessonId)]])));
		}
		return counts;
	}

	/** Merges this workspace's progress of earlier releases into the learner's, once (./workspaceAdoption). */
	async adoptWorkspaceProgress(): Promise<void> {
		const found = this.toAdopt;
		if (found === undefined || this.isReadOnly()) {
			return;
		}
		this.toAdopt = undefined;
		let lessons = 0;
		for (const p of found) {
			lessons += (await this.merge(p))?.lessons ?? 0;
		}
		if (this.storage.shared.get(this.sharedKey) === undefined && hasLessons(this.get())) {
			// Read from this workspace's copy with nothing new to add: stored as the learner's all the same.
			await this.write(undefined, (p) => p);
		}
		await markAdopted(this.storage);
		this.log.info(`This workspace's earlier progress was merged into the learner's: ${lessons} lessons changed.`);
	}

	resetLesson(lessonId: string): Promise<void> {
		return this.write(lessonId, (p) => resetLesson(p, lessonId));
	}

	resetAll(): Promise<void> {
		return this.write(undefined, () => emptyProgress());
	}

	/** True when stored progress is from a newer schema and must not be overwritten. */
	isReadOnly(): boolean {
		return this.copies.isReadOnly();
	}

	/** Tells listeners when another window changed this workspace's progress (checked when the window gains focus). */
	checkForChanges(): void {
		this.copies.current();
		if (this.copies.takeChanges()) {
			this._onDidChange.fire(undefined);
		}
	}

	/** Writes to the shared copy what waits for it; resolves when it is stored (or could not be: that is logged). */
	flush(): Promise<void> {
		return this.writes.flush().catch(() => undefined);
	}

	/** Forgets what was read and told, as a new window starts: storage is read again and may be reported again. */
	reload(): Progress {
		this.hasNotified = false;
		this.shown = [];
		return this.copies.reload();
	}

	/** Both stored copies, each as one raw value (a base with its lesson entries laid over it). */
	stored(): { shared: unknown; workspace: unknown } {
		return this.copies.stored();
	}

	/** What the learner was told about stored progress since the window started (or `reload`), oldest first. */
	notices(): readonly string[] {
		return this.shown;
	}

	/** Keys of the backups taken of progress that could not be read as it was. */
	backupKeys(): string[] {
		return this.copies.backupKeys();
	}

	/** Logs the problems a read of storage found, tells the learner once, and sets the context key. */
	private report({ progress, problems, readOnly }: LaidOutProgress, kind: ReadKind): void {
		if (kind === 'whole') {
			// Answers never cause one (only the first read, another window's new base, or damage): the trace shows when they happen.
			this.log.trace(`Read stored progress whole: ${Object.keys(progress.lessons).length} lessons.`);
		}
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
		void this.setHasProgress(progress);
		this.synced.reset(this.copies.sharedKeys());
		// A first read can take back answers a closed window never shared.
		this.writes.schedule();
	}

	private async setHasProgress(progress: Progress): Promise<void> {
		const has = hasLessons(progress);
		if (has !== this.hasProgress) {
			this.hasProgress = has;
			await vscode.commands.executeCommand('setContext', HAS_PROGRESS_CONTEXT, has);
		}
	}

	private async write(lessonId: string | undefined, change: (p: Progress) => Progress, shareLater = false): Promise<void> {
		const after = await this.writes.write(lessonId, change, { shareLater });
		if (after === undefined) {
			return;
		}
		// A shared entry may be written later (shareLater), so its key is registered now.
		this.synced.add(lessonId === undefined ? this.sharedKey : entryKey(lessonId, `:${LEARNER_SCOPE}`));
		await this.setHasProgress(after);
		// Another window's changes read on the way are announced with this one.
		this._onDidChange.fire(this.copies.takeChanges() ? undefined : lessonId);
	}
}
