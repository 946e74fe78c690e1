import * as vscode from 'vscode';
import { gradeAnswer } from '../core/grade';
import type { Answer, Lesson, QuizResult } from '../core/lesson';
import { resolveLink } from '../core/links';
import { parseFromWebview, parseWebviewState, type FromWebview, type GradedAnswer, type ToWebview } from '../protocol';
import type { ExtensionConfig } from './config';
import { Disposable } from './dispose';
import { renderLabels, webviewStrings } from './labels';
import type { LessonLibrary } from './lessonLibrary';
import { isOutdated, summarize } from './lessonStatus';
import type { ProgressStore } from './progressStore';
import { errorDocument, lessonDocument, webviewOptions } from './webviewHtml';

export const LESSON_VIEW_TYPE = 'incidentLessons.lesson';

interface PanelDeps {
	readonly extensionUri: vscode.Uri;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly config: () => ExtensionConfig;
	readonly log: vscode.LogOutputChannel;
	/** Opens the lesson after `lessonId` (the "Next lesson" button). */
	readonly openNext: (lessonId: string) => Promise<void>;
}

/**
 * The one reusable lesson panel: opening another lesson replaces the content of the same tab.
 * Routes webview messages (checked against the protocol first) to grading and the progress store.
 */
export class LessonPanel extends Disposable implements vscode.WebviewPanelSerializer {
	private panel: vscode.WebviewPanel | undefined;
	private panelDisposables: vscode.Disposable[] = [];
	private lesson: Lesson | undefined;

	constructor(private readonly deps: PanelDeps) {
		super();
		this.register(deps.progress.onDidChange((lessonId) => {
			if (this.lesson && (lessonId === undefined || lessonId === this.lesson.meta.id)) {
				this.sendRestore(); // a reset elsewhere clears the open lesson too
			}
		}));
		this.register(deps.library.onDidChange(() => {
			if (this.lesson) {
				void this.show(this.lesson.meta.id, true);
			}
		}));
	}

	/** The lesson shown now, if the panel is open. */
	get currentLessonId(): string | undefined {
		return this.panel ? this.lesson?.meta.id : undefined;
	}

	/** Shows `lessonId`, creating the panel or reusing it. Resolves false when there is no such lesson. */
	async show(lessonId: string, preserveFocus = false): Promise<boolean> {
		const lesson = await this.deps.library.get(lessonId);
		if (!lesson) {
			return false;
		}
		if (!this.panel) {
			const panel = vscode.window.createWebviewPanel(LESSON_VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Active, preserveFocus },
				webviewOptions(this.deps.extensionUri));
			this.adopt(panel);
		} else if (!preserveFocus) {
			this.panel.reveal(undefined, preserveFocus);
		}
		await this.render(lesson);
		return true;
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
			panel.webview.html = errorDocument(panel.webview, this.deps.extensionUri, vscode.l10n.t('Lesson not available'),
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
			panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw)),
			panel.onDidDispose(() => {
				this.panel = undefined;
				this.lesson = undefined;
				vscode.Disposable.from(...this.panelDisposables.splice(0)).dispose();
			}),
		];
	}

	private async render(lesson: Lesson): Promise<void> {
		const panel = this.panel;
		if (!panel) {
			return;
		}
		this.lesson = lesson;
		panel.title = vscode.l10n.t('Incident Lessons: {0}', lesson.meta.title);
		const { renderLesson } = await import('../core/render');
		const body = renderLesson(lesson, { labels: renderLabels() });
		panel.webview.html = lessonDocument(panel.webview, this.deps.extensionUri, body, lesson.locale, {
			lessonId: lesson.meta.id,
			strings: webviewStrings(),
		});
	}

	private post(message: ToWebview): void {
		void this.panel?.webview.postMessage(message);
	}

	private async onMessage(raw: unknown): Promise<void> {
		const msg = parseFromWebview(raw);
		const lesson = this.lesson;
		if (!msg || !lesson || msg.lessonId !== lesson.meta.id) {
			this.deps.log.warn(`Dropped a message from the lesson webview that does not fit the protocol: ${JSON.stringify(raw)?.slice(0, 200)}`);
			return;
		}
		await this.handle(msg, lesson);
	}

	private async handle(msg: FromWebview, lesson: Lesson): Promise<void> {
		switch (msg.type) {
			case 'ready':
				return this.sendRestore();
			case 'answer': {
				const result = await this.answer(lesson, msg.quizId, msg.answer);
				if (!result) {
					this.post({ type: 'rejected', lessonId: lesson.meta.id, quizId: msg.quizId });
				}
				return;
			}
			case 'openLink':
				return this.openLink(msg.href);
			case 'nextLesson':
				return this.deps.openNext(lesson.meta.id);
		}
	}

	/**
	 * Grades an answer to a quiz of the open lesson, stores it and tells the webview.
	 * Also the path the extension API uses, so tests exercise the same code as a click.
	 */
	async answer(lesson: Lesson, quizId: string, answer: Answer): Promise<QuizResult | undefined> {
		const quiz = lesson.quizzes.find((q) => q.id === quizId);
		const result = quiz ? gradeAnswer(quiz, answer) : undefined;
		if (!result) {
			this.deps.log.warn(`Ignored an answer to ${lesson.meta.id}/${quizId}: no such quiz or a malformed answer.`);
			return undefined;
		}
		await this.deps.progress.record(lesson.meta.id, lesson.contentHash, result, answer);
		if (this.lesson?.meta.id === lesson.meta.id) {
			const summary = summarize(lesson, this.deps.progress.get(), this.deps.config().passMark);
			this.post({ type: 'graded', lessonId: lesson.meta.id, graded: { quizId, answer, result }, summary });
		}
		return result;
	}

	private sendRestore(): void {
		const lesson = this.lesson;
		if (!lesson) {
			return;
		}
		const progress = this.deps.progress.get();
		const stored = Object.hasOwn(progress.lessons, lesson.meta.id) ? progress.lessons[lesson.meta.id] : undefined;
		const graded: GradedAnswer[] = [];
		for (const quiz of lesson.quizzes) {
			const entry = stored && Object.hasOwn(stored.quizzes, quiz.id) ? stored.quizzes[quiz.id] : undefined;
			const result = entry ? gradeAnswer(quiz, entry.answer) : undefined;
			if (entry && result) {
				graded.push({ quizId: quiz.id, answer: entry.answer, result });
			}
		}
		const summary = summarize(lesson, progress, this.deps.config().passMark);
		this.post({ type: 'restore', lessonId: lesson.meta.id, graded, summary, outdated: isOutdated(lesson, progress) });
	}

	/** https opens at once; other allowed schemes (http, mailto) only after the learner confirms the exact address. */
	private async openExternal(url: string): Promise<void> {
		const uri = vscode.Uri.parse(url, true);
		if (uri.scheme !== 'https') {
			const open = vscode.l10n.t('Open');
			const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The lesson links to {0}. Open it?', url), { modal: true }, open);
			if (answer !== open) {
				return;
			}
		}
		await vscode.env.openExternal(uri);
	}

	private async openLink(href: string): Promise<void> {
		const target = resolveLink(href);
		if (target?.kind === 'external') {
			await this.openExternal(target.url);
		} else if (target?.kind === 'lesson') {
			if (!await this.show(target.lessonId)) {
				this.deps.log.warn(`A lesson link points to "${target.lessonId}", which does not exist.`);
			}
		} else if (!target) {
			this.deps.log.warn(`Ignored a link the lesson may not open: ${href.slice(0, 200)}`);
		}
	}
}
