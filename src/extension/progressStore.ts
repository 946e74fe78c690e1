import * as vscode from 'vscode';
import type { Answer, QuizResult } from '../core/lesson';
import { emptyProgress, migrateProgress, recordAnswer, resetLesson, type Progress } from '../core/progress';
import { Disposable } from './dispose';

export const PROGRESS_KEY = 'incidentLessons.progress';
const BACKUP_KEY_PREFIX = 'incidentLessons.progressBackup.';
const HAS_PROGRESS_CONTEXT = 'incidentLessons:hasProgress';

/**
 * The only writer of learner progress (workspaceState). Each change is written at once and awaited;
 * nothing is written on deactivate. Stored data that cannot be read as-is is backed up before the first
 * write, and data from a newer release is never overwritten.
 */
export class ProgressStore extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<string | undefined>());
	/** Fires with the lesson id that changed, or undefined when everything may have. */
	readonly onDidChange = this._onDidChange.event;
	private cached: Progress | undefined;
	private readOnly = false;
	private needsBackup = false;
	/** Serialises writes so two quick answers never race each other's read-modify-write. */
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly memento: vscode.Memento,
		private readonly log: vscode.LogOutputChannel,
		private readonly warn: (message: string) => void,
	) {
		super();
	}

	get(): Progress {
		if (!this.cached) {
			const raw: unknown = this.memento.get(PROGRESS_KEY);
			const { progress, problems, readOnly } = migrateProgress(raw);
			this.cached = progress;
			this.readOnly = readOnly;
			this.needsBackup = problems.length > 0 && raw !== undefined;
			for (const p of problems) {
				this.log.warn(`Stored progress: ${p}`);
			}
			if (readOnly) {
				this.warn(vscode.l10n.t('Your lesson progress was saved by a newer version of Incident Lessons. It is shown, but new answers are not saved until you update.'));
			} else if (problems.length > 0) {
				this.warn(vscode.l10n.t('Some stored lesson progress could not be read and was set aside (a backup is kept). Details are in the Incident Lessons output.'));
			}
			void vscode.commands.executeCommand('setContext', HAS_PROGRESS_CONTEXT, Object.keys(progress.lessons).length > 0);
		}
		return this.cached;
	}

	/** Records one graded answer. Resolves once it is stored. */
	record(lessonId: string, contentHash: string, result: QuizResult, answer: Answer): Promise<void> {
		return this.write(lessonId, (p) => recordAnswer(p, lessonId, contentHash, result, answer, new Date()));
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

	private write(lessonId: string | undefined, change: (p: Progress) => Progress): Promise<void> {
		const run = async (): Promise<void> => {
			const before = this.get();
			if (this.readOnly) {
				return;
			}
			if (this.needsBackup) {
				await this.memento.update(`${BACKUP_KEY_PREFIX}${Date.now()}`, this.memento.get(PROGRESS_KEY));
				this.needsBackup = false;
			}
			const after = change(before);
			await this.memento.update(PROGRESS_KEY, after);
			this.cached = after;
			await vscode.commands.executeCommand('setContext', HAS_PROGRESS_CONTEXT, Object.keys(after.lessons).length > 0);
			this._onDidChange.fire(lessonId);
		};
		const next = this.queue.then(run);
		this.queue = next.catch((e: unknown) => this.log.error(`Could not save progress: ${String(e)}`));
		return next;
	}
}
