/**
 * The lesson panel's script. It collects answers and shows feedback; grading and storage happen in the
 * extension. It holds no words of its own (they come in `data-config`) and adds every handler with
 * addEventListener (the CSP allows no inline handlers).
 */
import type { ExerciseAction, FromWebview, LessonSummary, PageConfig, StoredAnswers, ToWebview, WebviewState } from '../protocol';
import { announceIn, exerciseClick, showExercise } from './exercise';
import { announce, format } from './dom';
import { readAnswer, showResult, clearResult, setQuizEnabled, showNextAttempt } from './quiz';
import { moveStep, refreshPositions } from './orderQuiz';
import { elapsedMs, restartClock, watchQuizzes } from './answerTiming';
import { focusReviewCard, offerNextReview, scrollToSection } from './reviewPage';

interface VsCodeApi {
	postMessage(message: FromWebview): void;
	getState(): unknown;
	setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
// A later lesson replaces the page's content (a `show` message) instead of loading a new document.
let config = JSON.parse(document.body.dataset.config ?? '{}') as PageConfig;
let { lessonId, strings } = config;

function quizOf(el: Element | null): HTMLElement | null {
	return el?.closest<HTMLElement>('.il-quiz') ?? null;
}

/** Writes the score line under the lesson and returns its text; '' on a page without one (a review card). */
function showSummary(summary: LessonSummary): string {
	const score = document.getElementById('il-score');
	if (!score) {
		return '';
	}
	const lines = [format(strings.answered, summary.answered, summary.total)];
	if (summary.answered > 0) {
		lines.push(format(strings.score, summary.correct, summary.total, summary.score, summary.passMark));
	}
	if (summary.status === 'passed') {
		lines.push(strings.passed);
	} else if (summary.status === 'failed') {
		lines.push(strings.failed);
	}
	score.textContent = lines.join(' ');
	document.body.dataset.status = summary.status;
	return score.textContent;
}

function check(quiz: HTMLElement): void {
	const quizId = quiz.dataset.quizId ?? '';
	const answer = readAnswer(quiz);
	if (quiz.getAttribute('aria-busy') === 'true') {
		return; // already sent: Check answer stays focusable (not disabled) while the extension grades it
	}
	if (answer.length === 0) {
		announce(strings.chooseFirst);
		return;
	}
	setQuizEnabled(quiz, false);
	quiz.setAttribute('aria-busy', 'true');
	const elapsed = elapsedMs(quizId);
	vscode.postMessage({ type: 'answer', lessonId, quizId, answer, ...(elapsed !== undefined ? { elapsedMs: elapsed } : {}) });
}

function retry(quiz: HTMLElement): void {
	restartClock(quiz.dataset.quizId ?? '');
	clearResult(quiz);
	showNextAttempt(quiz);
	setQuizEnabled(quiz, true);
	quiz.querySelector<HTMLElement>('input, .il-step')?.focus();
}

/** Shows the stored answers (clearing any shown before): from the page's config at load, or a `restore` message. */
function showStored(stored: StoredAnswers): void {
	for (const quiz of document.querySelectorAll<HTMLElement>('.il-quiz')) {
		clearResult(quiz);
		setQuizEnabled(quiz, true);
	}
	for (const graded of stored.graded) {
		const quiz = document.getElementById(`il-quiz-${graded.quizId}`);
		if (quiz) {
			showResult(quiz, graded, strings);
		}
	}
	for (const view of stored.exercises) {
		showExercise(view, strings);
	}
	if (stored.outdated) {
		announce(strings.outdated);
	}
	showSummary(stored.summary);
	// The quizzes now answer clicks and show stored answers: the end of "open lesson" in bench/browser.mjs.
	if (performance.getEntriesByName('incidentLessons:interactive').length === 0) {
		performance.mark('incidentLessons:interactive');
	}
}

/** Shows another lesson in this document: its content written by the extension's renderer, its stored answers. */
function showLesson(msg: Extract<ToWebview, { type: 'show' }>): void {
	config = msg.config;
	({ lessonId, strings } = config);
	document.documentElement.lang = msg.lang;
	document.title = msg.title;
	const main = document.getElementById('il-main');
	const live = document.getElementById('il-live');
	if (!main || !live) {
		return;
	}
	// The renderer's output, as the document's own body is written (Markdown with raw HTML off; the CSP runs no
	// script or handler that could be in it).
	main.innerHTML = msg.bodyHtml;
	live.textContent = '';
	delete document.body.dataset.status;
	performance.clearMarks('incidentLessons:interactive');
	window.scrollTo(0, 0);
	start();
}

function onMessage(msg: ToWebview): void {
	if (msg.type === 'show') {
		showLesson(msg);
		return;
	}
	if (msg.lessonId !== lessonId) {
		return;
	}
	switch (msg.type) {
		case 'restore':
			showStored(msg);
			return;
		case 'graded': {
			const quiz = document.getElementById(`il-quiz-${msg.graded.quizId}`);
			const summary = showSummary(msg.summary);
			if (quiz) {
				quiz.removeAttribute('aria-busy');
				showResult(quiz, msg.graded, strings);
				// the verdict, its explanation, and the score and pass under the lesson, in one message
				announce([msg.graded.result.correct ? strings.correct : strings.incorrect, msg.graded.result.explain, summary].filter(Boolean).join(' '));
				if (!offerNextReview()) {
					quiz.querySelector<HTMLElement>('.il-retry')?.focus();
				}
			}
			return;
		}
		case 'rejected': {
			const quiz = document.getElementById(`il-quiz-${msg.quizId}`);
			if (quiz) {
				quiz.removeAttribute('aria-busy');
				setQuizEnabled(quiz, true);
				quiz.querySelector<HTMLElement>('.il-check')?.focus();
			}
			announce(strings.rejected);
			return;
		}
		case 'scrollTo':
			scrollToSection(msg.section);
			return;
		case 'exercise': {
			showExercise(msg.view, strings);
			announceIn(msg.view.exerciseId, msg.announce);
			const summary = showSummary(msg.summary);
			// A passing check on a passed lesson says so in the page's own live region too, as a quiz answer does.
			if (msg.announce && msg.view.passed && msg.summary.status === 'passed') {
				announce(summary);
			}
			return;
		}
	}
}

document.addEventListener('click', (event) => {
	const target = event.target instanceof Element ? event.target : null;
	const button = target?.closest<HTMLButtonElement>('button');
	const quiz = quizOf(button ?? null);
	const exercise = exerciseClick(button ?? null);
	if (exercise) {
		vscode.postMessage({ type: 'exercise', lessonId, exerciseId: exercise.exerciseId, action: exercise.action as ExerciseAction });
	} else if (button?.classList.contains('il-check') && quiz) {
		check(quiz);
	} else if (button?.classList.contains('il-retry') && quiz) {
		retry(quiz);
	} else if (button?.classList.contains('il-move')) {
		const step = button.closest<HTMLElement>('.il-step');
		if (step) {
			moveStep(step, Number(button.dataset.move), strings);
			// at the top or bottom the button hides itself: focus goes to the step's other button, never to <body>
			(button.hasAttribute('data-edge') ? step.querySelector<HTMLElement>('.il-move:not([data-edge])') ?? step : button).focus();
		}
	} else if (button?.id === 'il-next') {
		vscode.postMessage({ type: 'nextLesson', lessonId });
	} else if (button?.id === 'il-review-next') {
		vscode.postMessage({ type: 'nextReview', lessonId });
	}
	const link = target?.closest<HTMLAnchorElement>('a[href]');
	if (link) {
		// The webview host opens any clicked link itself, past the extension's allowlist and its confirmation for
		// non-https addresses, unless the click stops here; the extension decides what a link may open.
		event.preventDefault();
		event.stopPropagation();
		const href = link.getAttribute('href') ?? '';
		if (href.startsWith('#')) {
			const id = decodeURIComponent(href.slice(1));
			(document.getElementById(`il-h-${id}`) ?? document.getElementById(id))?.scrollIntoView();
		} else {
			vscode.postMessage({ type: 'openLink', lessonId, href });
		}
	}
});

document.addEventListener('keydown', (event) => {
	const target = event.target instanceof HTMLElement ? event.target : null;
	if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && target?.classList.contains('il-step')) {
		event.preventDefault();
		moveStep(target, event.key === 'ArrowUp' ? -1 : 1, strings);
		target.focus();
	}
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
	window.clearTimeout(scrollTimer);
	scrollTimer = window.setTimeout(() => vscode.setState({ lessonId, scrollY: window.scrollY }), 200);
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => onMessage(event.data));

/** Makes the page's quizzes answer and shows its stored answers; then tells the extension the page is ready. */
function start(): void {
	for (const list of document.querySelectorAll<HTMLElement>('.il-steps')) {
		refreshPositions(list);
	}
	watchQuizzes();
	focusReviewCard();
	if (config.stored) {
		showStored(config.stored);
	}
	const saved = vscode.getState() as Partial<WebviewState> | undefined;
	vscode.setState({ lessonId, scrollY: saved?.lessonId === lessonId ? saved.scrollY ?? 0 : 0 });
	if (saved?.lessonId === lessonId && typeof saved.scrollY === 'number') {
		window.scrollTo(0, saved.scrollY);
	}
	vscode.postMessage({ type: 'ready', lessonId });
}

start();
