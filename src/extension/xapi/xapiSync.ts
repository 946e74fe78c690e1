import * as vscode from 'vscode';
import type { LessonProgress } from '../../core/progress/progress';
import { ownEntry } from '../../core/shared/records';
import { inertText } from '../../core/shared/text';
import { lrsTarget } from '../../core/xapi/lrsConfig';
import { sendStatements } from '../../core/xapi/lrsClient';
import { StatementQueue, type FlushResult } from '../../core/xapi/statementQueue';
import { statementsFromChange } from '../../core/xapi/xapiEvents';
import type { AssignedLessons } from '../team/assignedLessons';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { Disposable } from '../platform/dispose';
import type { ExtensionConfig } from '../platform/config';
import { host } from '../platform/host';
import type { ProgressStore } from '../progress/progressStore';
import { LRS_SECRET_KEY, readLrsSettings, type LrsSettings } from './lrsSettings';

export interface XapiSyncDeps {
	readonly storage: vscode.Uri;
	readonly secrets: vscode.SecretStorage;
	readonly progress: ProgressStore;
	readonly library: LessonLibrary;
	readonly assigned: AssignedLessons;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
}

/** The first retry after a failed send, and the longest wait between two (the wait doubles in between). */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
/** Answers given close together go in one request. */
const SEND_DELAY_MS = 2000;

/**
 * Learning records for a company LRS, opt in (nothing happens while `incidentLessons.lrs.endpoint` is empty): each
 * answer, pass, fail and completion becomes statements queued on disk under the extension's global storage, then
 * sent in the background with backoff. Progress is stored before this hears of it, and nothing here can hold it
 * up: every failure is logged and retried later. A status bar item says what waits and why.
 */
export class XapiSync extends Disposable {
	private readonly item = this.register(vscode.window.createStatusBarItem('incidentLessons.lrs', vscode.StatusBarAlignment.Left, 9));
	private readonly queue: StatementQueue;
	private readonly seen = new Map<string, LessonProgress | undefined>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private failures = 0;
	private problem: string | undefined;
	private pending = 0;
	private target: { endpoint: string; authorization: string } | undefined;
	/** Whether the LRS was on when progress was last taken as seen: off, nothing is read or kept. */
	private on = false;

	constructor(private readonly deps: XapiSyncDeps) {
		super();
		const file = vscode.Uri.joinPath(deps.storage, 'xapi-queue.json');
		this.queue = new StatementQueue({
			load: async () => {
				try {
					return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
				} catch {
					return undefined;
				}
			},
			save: async (text) => {
				await vscode.workspace.fs.createDirectory(deps.storage);
				await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
			},
		}, (s) => sendStatements(this.target ?? { endpoint: '', authorization: '' }, s, {
			fetch: (...args) => globalThis.fetch(...args),
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		}), (message) => deps.log.warn(`LRS: ${message}`));
		this.item.name = vscode.l10n.t('Incident Lessons: learning records');
		this.settingsChanged();
		this.register(deps.progress.onDidChange((lessonId) => void this.changed(lessonId).catch((e: unknown) => deps.log.error(`LRS: could not queue statements: ${String(e)}`))));
		this.register({ dispose: () => clearTimeout(this.timer) });
	}

	/** The `lrs.*` settings may have changed: turned on, progress so far is taken as seen (it is not sent); then send. */
	settingsChanged(): void {
		const on = readLrsSettings() !== undefined;
		if (on && !this.on) {
			this.remember(undefined);
		}
		this.on = on;
		if (on) {
			this.schedule(SEND_DELAY_MS);
		} else {
			clearTimeout(this.timer);
			this.show(undefined);
		}
	}

	/** The status bar text: '' while hidden (off, or nothing waiting). */
	get text(): string {
		return this.item.text;
	}

	/** Takes the current progress of one lesson (or all) as seen, so only later changes make statements. */
	private remember(lessonId: string | undefined): void {
		const lessons = this.deps.progress.get().lessons;
		if (lessonId === undefined) {
			this.seen.clear();
			for (const id of Object.keys(lessons)) {
				this.seen.set(id, ownEntry(lessons, id));
			}
		} else {
			this.seen.set(lessonId, ownEntry(lessons, lessonId));
		}
	}

	/** A change to one lesson makes statements (while the LRS is on); a reset or another window's changes do not. */
	private async changed(lessonId: string | undefined): Promise<void> {
		if (!this.on) {
			return;
		}
		const before = lessonId !== undefined ? this.seen.get(lessonId) : undefined;
		this.remember(lessonId);
		const settings = readLrsSettings();
		if (lessonId === undefined || settings === undefined || 'problem' in settings) {
			return;
		}
		const after = this.seen.get(lessonId);
		const lesson = await this.deps.library.get(lessonId);
		const name = settings.accountName || await host().gitUserName(undefined, false);
		if (!lesson || !after) {
			return;
		}
		if (!name) {
			this.show(vscode.l10n.t('Set incidentLessons.lrs.accountName: the name the LRS knows you by.'));
			return;
		}
		const assignedItem = (await this.deps.assigned.get()).items.find((i) => i.lessonId === lessonId);
		const statements = statementsFromChange(settings.profile, { name, ...(settings.email !== undefined ? { email: settings.email } : {}) }, {
			id: lessonId, title: lesson.meta.title, track: lesson.meta.track, language: lesson.locale, contentHash: lesson.contentHash,
			...(assignedItem ? { assignment: { file: vscode.workspace.asRelativePath(assignedItem.file, false), due: assignedItem.due } } : {}),
		}, lesson.quizzes, before, after, this.deps.config().passMark);
		if (statements.length > 0) {
			await this.queue.enqueue(statements);
			this.pending = await this.queue.pending();
			this.show(this.problem);
			this.schedule(SEND_DELAY_MS);
		}
	}

	/** Sends what waits now (settings or credentials changed, or a test); resolves with what happened. */
	async sendNow(): Promise<FlushResult | undefined> {
		clearTimeout(this.timer);
		return this.send();
	}

	private schedule(ms: number): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.send(), ms);
	}

	private async send(): Promise<FlushResult | undefined> {
		const settings = readLrsSettings();
		if (settings === undefined) {
			return undefined;
		}
		this.pending = await this.queue.pending().catch(() => 0);
		const unusable = 'problem' in settings ? settings.problem : await this.connect(settings);
		if (unusable !== undefined) {
			// Nothing is sent until the learner fixes it; the statements wait.
			this.show(unusable);
			return { sent: 0, dropped: 0, pending: this.pending, problem: unusable };
		}
		const result = await this.queue.flush().catch((e: unknown) => ({ sent: 0, dropped: 0, pending: this.pending, problem: String(e) }));
		this.pending = result.pending;
		if (result.problem !== undefined) {
			this.failures++;
			this.deps.log.warn(`LRS: ${result.pending} statement(s) wait: ${result.problem}`);
			this.schedule(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1)));
		} else {
			this.failures = 0;
			if (result.sent > 0) {
				this.deps.log.info(`LRS: ${result.sent} statement(s) stored.`);
			}
			if (result.pending > 0) {
				this.schedule(0);
			}
		}
		this.show(result.problem);
		return result;
	}

	/** Takes the target from the settings and the stored credentials; the problem while either cannot be used. */
	private async connect(settings: LrsSettings): Promise<string | undefined> {
		const credentials = await this.deps.secrets.get(LRS_SECRET_KEY);
		const target = credentials === undefined || credentials === '' ? undefined : lrsTarget(settings.endpoint, credentials);
		this.target = target && 'target' in target ? target.target : undefined;
		return target === undefined ? vscode.l10n.t('No LRS credentials: run "Set LRS Credentials…".') : 'problem' in target ? target.problem : undefined;
	}

	private show(problem: string | undefined): void {
		this.problem = problem;
		if (readLrsSettings() === undefined || (this.pending === 0 && problem === undefined)) {
			this.item.hide();
			this.item.text = '';
			return;
		}
		this.item.text = `$(cloud-upload) ${this.pending}`;
		const waiting = vscode.l10n.t('{0} learning records wait to be sent to the LRS.', this.pending);
		this.item.tooltip = problem !== undefined ? `${waiting} ${inertText(problem)}` : waiting;
		this.item.show();
	}
}
