import * as vscode from 'vscode';
import type { Lesson } from '../../core/lessons/lesson';
import type { RoutedMessage } from '../../core/page/messageRouting';
import { parseWebviewState, type ExerciseAction, type StoredAnswers, type ToWebview } from '../../protocol';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import * as page from './lessonPage';
import type { Answers } from '../progress/answers';
import { summarizer } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';
import { panelEffects, type PanelHost } from './panelMessages';
import { webviewOptions } from './webviewHtml';
import { PanelDocument } from './panelDocument';
import { host } from '../platform/host';

export const LESSON_VIEW_TYPE = 'incidentLessons.lesson';

interface PanelDeps {
	readonly extensionUri: vscode.Uri;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
	/** Opens the lesson after `lessonId` (the "Next lesson" button). */
	readonly openNext: (lessonId: string) => Promise<void>;
	/** Grades and stores the answers given on the page. */
	readonly answers: Answers;
}

/**
 * The one reusable lesson panel: opening another lesson replaces the content of the same tab.
 * Webview messages go through core/messageRouting (every one is checked as if forged); ./panelMessages supplies
 * the effects a checked message may have, answers being stored by progress (../progress/answers). ./lessonPage
 * writes the pages; a lesson page on screen takes the next lesson by message (./panelDocument).
 */
export class LessonPanel extends Disposable implements vscode.WebviewPanelSerializer {
	private panel: vscode.WebviewPanel | undefined;
	private panelDisposables: vscode.Disposable[] = [];
	private lesson: Lesson | undefined;
	/** A lesson, or a review card (one quiz of `lesson`) or the end of a review session. */
	private mode: 'lesson' | 'review' = 'lesson';
	/** The heading to scroll to once the lesson page is ready. */
	private pendingSection: string | undefined;
	/** The stored answers the lesson page was written with (JSON), until it says it is ready. */
	private storedInPage: string | undefined;
	private readonly document = new PanelDocument();
	private readonly _onDidRequestNextReview = this.register(new vscode.EventEmitter<string>());
	/** The Next button of a review card was pressed (with the card's lesson id). */
	readonly onDidRequestNextReview = this._onDidRequestNextReview.event;
	private readonly _onDidRequestExercise = this.register(new vscode.EventEmitter<{ lesson: Lesson; exerciseId: string; action: ExerciseAction }>());
	/** A button of an exercise section was pressed (the exercise is one of the lesson's own: checked by the routing). */
	readonly onDidRequestExercise = this._onDidRequestExercise.event;

	/** What the effects of the page's messages (./panelMessages) may do with this panel. */
	private readonly host: PanelHost;

	constructor(private readonly deps: PanelDeps) {
		super();
		this.host = {
			answers: deps.answers,
			log: deps.log,
			shownLessonId: () => this.lesson?.meta.id,
			isReviewing: () => this.mode === 'review',
			post: (message) => this.post(message),
			restoreFromReady: () => {
				this.document.ready(this.mode === 'lesson', this.panel?.visible === true);
				this.sendRestore(true);
			},
			sendGraded: (lesson, graded) => {
				const summary = summarizer(this.deps.progress, this.deps.config)(lesson);
				this.post({ type: 'graded', lessonId: lesson.meta.id, graded, summary });
			},
			show: (lessonId) => this.show(lessonId),
			openNext: (lessonId) => this.deps.openNext(lessonId),
			nextReview: (lessonId) => this._onDidRequestNextReview.fire(lessonId),
			exercise: (lesson, exerciseId, action) => this._onDidRequestExercise.fire({ lesson, exerciseId, action }),
		};
		this.register(deps.progress.onDidChange((lessonId) => {
			// A review card shows this session's answer only; stored answers are for the lesson page.
			if (this.lesson && this.mode === 'lesson' && (lessonId === undefined || lessonId === this.lesson.meta.id)) {
				this.sendRestore(); // a reset elsewhere clears the open lesson too
			}
		}));
		this.register(deps.library.onDidChange(() => {
			if (this.lesson && this.mode === 'lesson') {
				void this.show(this.lesson.meta.id, true);
			}
		}));
	}

	/** The lesson shown now, if the panel is open. */
	get currentLessonId(): string | undefined {
		return this.panel ? this.lesson?.meta.id : undefined;
	}

	/** Whether the panel shows a review session (a card or its end page) rather than a lesson. */
	get isReviewing(): boolean {
		return this.panel !== undefined && this.mode === 'review';
	}

	/**
	 * Shows `lessonId`, creating the panel or reusing it, scrolled to the heading whose slug is `section` when given.
	 * Resolves false when there is no such lesson.
	 */
	async show(lessonId: string, preserveFocus = false, section?: string): Promise<boolean> {
		const entry = (await this.deps.library.lessons()).find((l) => l.meta.id === lessonId);
		if (!entry) {
			return false;
		}
		// The panel's frames are made while the lesson is read and the renderer loads, not after.
		const parsing = this.deps.library.get(lessonId);
		void host().chunk('render').catch(() => undefined);
		this.pendingSection = section;
		this.openPanel(preserveFocus, vscode.ViewColumn.Active);
		if (this.panel) {
			this.panel.title = vscode.l10n.t('Incident Lessons: {0}', entry.meta.title);
		}
		const lesson = await parsing;
		if (lesson) {
			await this.render(lesson);
		} else if (this.panel) {
			this.lesson = undefined;
			this.showError(this.panel, vscode.l10n.t('Lesson not available'), vscode.l10n.t('This lesson has errors and cannot be shown. The Incident Lessons log names the file and line.'));
		}
		return true;
	}

	/** A page saying why there is no lesson to show: a heading and a sentence, no script. */
	private showError(panel: vscode.WebviewPanel, title: string, message: string): void {
		this.document.write(panel, page.errorDocument(panel.webview, this.deps.extensionUri, title, message));
	}

	/**
	 * Loads the renderer chunk, the learner's lessons' pack and the page's script and stylesheet ahead of the first
	 * lesson opened, and runs the renderer once (called once, when the Lessons view shows its rows), so that click
	 * does not wait for them.
	 */
	prepare(): void {
		page.preparePage(this.deps.extensionUri, this.deps.library.prefetch());
	}

	/** Shows one review card: `bodyHtml` (core/reviewHtml) for a quiz of `lesson`, answered like a lesson's quizzes. */
	async showReview(lesson: Lesson, bodyHtml: string): Promise<void> {
		const panel = this.openPanel(false, vscode.ViewColumn.Active);
		this.lesson = lesson;
		this.mode = 'review';
		this.pendingSection = undefined;
		this.storedInPage = undefined;
		panel.title = vscode.l10n.t('Incident Lessons: Review');
		this.document.write(panel, await page.reviewPageHtml(this.deps.extensionUri, lesson, bodyHtml, panel.title));
	}

	/** Shows the end of a review session (core/reviewHtml renderReviewDone): focus on its heading, its text announced. */
	async showReviewDone(bodyHtml: string): Promise<void> {
		const panel = this.openPanel(false, vscode.ViewColumn.Active);
		this.lesson = undefined;
		this.mode = 'review';
		panel.title = vscode.l10n.t('Incident Lessons: Review');
		this.document.write(panel, await page.reviewDonePageHtml(this.deps.extensionUri, bodyHtml, vscode.env.language, panel.title));
	}

	/**
	 * Shows a parsed lesson that need not be in the library (Preview Lesson renders the file being edited), in the
	 * same reusable panel; a new panel opens in `column`.
	 */
	async showLesson(lesson: Lesson, preserveFocus = false, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<void> {
		this.openPanel(preserveFocus, column);
		await this.render(lesson);
	}

	/** Creates the panel in `column`, or brings the existing one forward unless `preserveFocus`. */
	private openPanel(preserveFocus: boolean, column: vscode.ViewColumn): vscode.WebviewPanel {
		if (!this.panel) {
			const panel = vscode.window.createWebviewPanel(LESSON_VIEW_TYPE, '', { viewColumn: column, preserveFocus },
				webviewOptions(this.deps.extensionUri));
			this.adopt(panel);
			return panel;
		}
		if (!preserveFocus) {
			this.panel.reveal(undefined, preserveFocus);
		}
		return this.panel;
	}

	/** Restores the panel after a window reload (registered as the WebviewPanelSerializer). */
	async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
		panel.webview.options = webviewOptions(this.deps.extensionUri);
		if (this.panel) {
			panel.dispose(); // only one lesson panel at a time
			return;
		}
		this.adopt(panel);
		const saved = parseWebviewState(state);
		const lesson = saved ? await this.deps.library.get(saved.lessonId) : undefined;
		if (lesson) {
			await this.render(lesson);
		} else {
			this.showError(panel, vscode.l10n.t('Lesson not available'),
				vscode.l10n.t('This lesson could not be restored. Open it again from the Lessons view.'));
		}
	}

	override dispose(): void {
		this.panel?.dispose();
		super.dispose();
	}

	private adopt(panel: vscode.WebviewPanel): void {
		this.panel = panel;
		panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'lesson.svg');
		this.panelDisposables = [
			panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw).catch((error: unknown) =>
				this.deps.log.error(`Could not handle a message from the lesson webview: ${String(error)}`))),
			panel.onDidChangeViewState(() => {
				// A hidden panel's document is made again from webview.html: it must hold the lesson shown.
				if (!panel.visible && this.document.dropped() && this.lesson && this.mode === 'lesson') {
					void this.render(this.lesson);
				}
			}),
			panel.onDidDispose(() => {
				this.panel = undefined;
				this.lesson = undefined;
				this.document.dropped();
				vscode.Disposable.from(...this.panelDisposables.splice(0)).dispose();
			}),
		];
	}

	private async render(lesson: Lesson): Promise<void> {
		const panel = this.panel;
		if (!panel) {
			return;
		}
		const byMessage = this.mode === 'lesson' && this.document.takeByMessage(panel.visible);
		this.lesson = lesson;
		this.mode = 'lesson';
		panel.title = vscode.l10n.t('Incident Lessons: {0}', lesson.meta.title);
		const stored = (): StoredAnswers => {
			const answers = this.storedAnswers(lesson);
			this.storedInPage = JSON.stringify(answers);
			return answers;
		};
		if (byMessage) {
			const { bodyHtml, config } = await page.lessonPageParts(lesson, stored, this.deps.progress);
			this.post({ type: 'show', lessonId: lesson.meta.id, bodyHtml, lang: lesson.locale, title: lesson.meta.title, config });
		} else {
			this.document.write(panel, await page.lessonPageHtml(this.deps.extensionUri, lesson, stored, this.deps.progress));
		}
	}

	/** Posts `message` to the page when it shows that message's lesson (not a review card). */
	postToLesson(message: ToWebview): void {
		if (this.mode === 'lesson' && this.currentLessonId === message.lessonId) {
			this.post(message);
		}
	}

	private post(message: ToWebview): void {
		void this.panel?.webview.postMessage(message);
	}

	/**
	 * Handles one raw message as if the open lesson's webview posted it: routed, checked, logged when dropped.
	 * The webview's messages arrive here, and so do the testing module's (../testing/), so tests exercise the real path.
	 */
	async receive(raw: unknown): Promise<RoutedMessage> {
		const lesson = this.lesson; // the lesson open when the message arrived
		return page.handleWebviewMessage(raw, lesson, panelEffects(this.host, lesson));
	}


	/**
	 * Sends the stored answers of the open lesson. `fromReady`: the page has just loaded and came with answers, so
	 * they are sent only if they changed since it was written.
	 */
	private sendRestore(fromReady = false): void {
		const lesson = this.lesson;
		if (!lesson) {
			return;
		}
		const stored = this.storedAnswers(lesson);
		const inPage = fromReady ? this.storedInPage : undefined;
		this.storedInPage = undefined;
		if (inPage !== JSON.stringify(stored)) {
			this.post({ type: 'restore', lessonId: lesson.meta.id, ...stored });
		}
		if (this.pendingSection !== undefined && this.mode === 'lesson') {
			this.post({ type: 'scrollTo', lessonId: lesson.meta.id, section: this.pendingSection });
			this.pendingSection = undefined;
		}
	}

	/** What the page shows of the learner's answers: none on a review card (recalling the answer is the point). */
	private storedAnswers(lesson: Lesson): StoredAnswers {
		return page.storedAnswers(lesson, this.deps.progress.get(), this.deps.config().passMark, this.mode === 'lesson');
	}
}
