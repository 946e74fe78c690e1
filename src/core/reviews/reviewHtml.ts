/**
 * The review session's pages for the lesson panel: one quiz at a time with a link back to its lesson, and the page
 * shown when nothing is due. Quizzes use the lesson renderer's markup, so the panel script and styles handle them
 * as in a lesson; no markdown-it is needed. Pure; every author string is escaped.
 */
import { escapeHtml, ID_PREFIX } from '../shared/html';
import { DEFAULT_LABELS, formatLabel, type RenderLabels } from '../page/labels';
import type { Lesson, Quiz } from '../lessons/lesson';
import { renderQuiz, type QuizShuffle } from '../page/quizHtml';

/** The words of the review pages; the extension passes translated ones. */
export interface ReviewLabels {
	readonly heading: string;
	/** `{0}` = the lesson title. */
	readonly fromLesson: string;
	readonly openLesson: string;
	readonly next: string;
	readonly doneHeading: string;
	/** `{0}` = how many reviews were answered in this session. */
	readonly doneCount: string;
	/** `{0}` = when the next card is due, already formatted. */
	readonly nextDue: string;
	readonly noneScheduled: string;
}

/** English words for the review pages (the CLI and tests); the extension passes translated ones. */
export const DEFAULT_REVIEW_LABELS: ReviewLabels = {
	heading: 'Review',
	fromLesson: 'From the lesson: {0}',
	openLesson: 'Open the lesson',
	next: 'Next review',
	doneHeading: 'Nothing left to review',
	doneCount: 'Reviews answered in this session: {0}.',
	nextDue: 'The next review is due {0}.',
	noneScheduled: 'Answer quizzes in the lessons to build your reviews.',
};

/** Where the card is in the session: 1-based, out of the cards due when it was shown. */
export interface ReviewPosition {
	readonly position: number;
	readonly total: number;
}

/**
 * One review card: a heading, the quiz (numbered by its place in the session), a link back to the lesson (as a
 * relative lesson link, which the panel opens like any other), and the Next button the script shows once answered.
 * `shuffle`: the order the learner sees the quiz in this time (see ../page/quizHtml).
 */
export function renderReviewCard(lesson: Lesson, quiz: Quiz, at: ReviewPosition, labels: RenderLabels = DEFAULT_LABELS,
	review: ReviewLabels = DEFAULT_REVIEW_LABELS, shuffle?: QuizShuffle): string {
	const id = escapeHtml(lesson.meta.id);
	return `<article class="il-lesson il-review" data-lesson-id="${id}" lang="${escapeHtml(lesson.locale)}">\n`
		+ `<header class="il-header"><h1 id="${ID_PREFIX}title">${escapeHtml(review.heading)}</h1>`
		+ `<p class="il-summary">${escapeHtml(formatLabel(review.fromLesson, lesson.meta.title))} `
		+ `<a class="il-link" id="${ID_PREFIX}review-lesson" href="${id}.md" rel="noopener noreferrer">${escapeHtml(review.openLesson)}</a></p></header>\n`
		+ renderQuiz(quiz, lesson.meta.id, at.position, at.total, labels, shuffle)
		+ `<footer class="il-footer"><button type="button" class="il-next" id="${ID_PREFIX}review-next" hidden>${escapeHtml(review.next)}</button></footer>\n`
		+ '</article>\n';
}

/** The page after the last due card: how many were answered, and when the next one is due (already formatted). */
export function renderReviewDone(answered: number, nextDue: string | undefined, review: ReviewLabels = DEFAULT_REVIEW_LABELS): string {
	const next = nextDue === undefined ? review.noneScheduled : formatLabel(review.nextDue, nextDue);
	return '<article class="il-lesson il-review il-review-done">\n'
		+ `<header class="il-header"><h1 id="${ID_PREFIX}title" tabindex="-1">${escapeHtml(review.doneHeading)}</h1></header>\n`
		+ `<p>${escapeHtml(formatLabel(review.doneCount, answered))}</p>\n<p>${escapeHtml(next)}</p>\n`
		+ '</article>\n';
}
