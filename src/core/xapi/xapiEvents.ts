/**
 * From a learner's results to xAPI statements: a whole progress report (what the CLI reads), or one change to a
 * lesson's progress (what the extension sees after each answer). Pure.
 */
import { lessonStatus, type LessonProgress } from '../progress/progress';
import type { ProgressReport } from '../team/learnerReport';
import { ownEntry } from '../shared/records';
import { buildStatement, type InteractionType, type Statement, type XapiEvent, type XapiLesson, type XapiProfile } from './statements';

/** A gap between two answers longer than this is a break, not time spent on the quiz: no duration is sent. */
const MAX_ANSWER_DURATION_MS = 60 * 60 * 1000;

/**
 * The statements of a report: `answered` for each quiz's latest answer (a report keeps no earlier ones nor the
 * choices given), `passed` or `failed` and `completed` for each lesson with every quiz answered. `language` is the
 * lessons' language (a report does not record it).
 */
export function statementsFromReport(report: ProgressReport, profile: XapiProfile, language: string): Statement[] {
	const learner = { name: report.learner.name };
	const assigned = new Map((report.assignment?.lessons ?? []).map((a) => [a.id, a.due]));
	const file = report.assignment?.file;
	return report.lessons.flatMap((l) => {
		const due = assigned.get(l.id);
		const lesson: XapiLesson = {
			id: l.id, title: l.title, track: l.track, language,
			...(file !== undefined && due !== undefined ? { assignment: { file, due } } : {}),
		};
		const events: XapiEvent[] = l.quizzes.map((q) => ({
			kind: 'answered', quizId: q.id, interaction: 'other', correct: q.correct, attempt: q.attempts, time: q.answeredAt,
		}));
		if ((l.status === 'passed' || l.status === 'failed') && l.updatedAt !== undefined) {
			events.push({ kind: l.status, score: l.score, attempt: l.attempts, time: l.updatedAt });
			events.push({ kind: 'completed', score: l.score, attempt: l.attempts, time: l.updatedAt });
		}
		return events.map((event) => buildStatement(profile, learner, lesson, event));
	});
}

/** A quiz of a lesson as statements need it: its id and how it is answered. */
export interface XapiQuiz {
	readonly id: string;
	/** `single`, `multiple` or `order`; anything else is an `other` interaction. */
	readonly type: string;
}

function interactionOf(type: string | undefined): InteractionType {
	return type === 'single' || type === 'multiple' ? 'choice' : type === 'order' ? 'sequencing' : 'other';
}

function attemptsOf(lp: LessonProgress): number {
	return Object.values(lp.quizzes).reduce((sum, q) => sum + q.attempts, 0);
}

/**
 * The events one change to a lesson's progress makes: `answered` for each quiz answered again since `before`
 * (with the response and the time since the lesson's previous answer), then `passed`/`failed` when every quiz
 * has an answer, and `completed` the first time that is so. A reset (no `after`) makes none.
 */
export function eventsFromChange(quizzes: readonly XapiQuiz[], before: LessonProgress | undefined, after: LessonProgress | undefined, passMark: number): XapiEvent[] {
	if (!after) {
		return [];
	}
	const events: XapiEvent[] = [];
	const previousTime = before ? Date.parse(before.updatedAt) : NaN;
	for (const quiz of quizzes) {
		const now = ownEntry(after.quizzes, quiz.id);
		const then = ownEntry(before?.quizzes, quiz.id);
		if (!now || (then !== undefined && then.attempts >= now.attempts && then.answeredAt === now.answeredAt)) {
			continue;
		}
		const spent = Date.parse(now.answeredAt) - previousTime;
		events.push({
			kind: 'answered', quizId: quiz.id, interaction: interactionOf(quiz.type), correct: now.correct,
			attempt: now.attempts, time: now.answeredAt, response: now.answer,
			...(spent >= 0 && spent <= MAX_ANSWER_DURATION_MS ? { durationMs: spent } : {}),
		});
	}
	if (events.length === 0) {
		return [];
	}
	const ids = quizzes.map((q) => q.id);
	const result = lessonStatus(ids, after, passMark);
	if (result.status === 'passed' || result.status === 'failed') {
		const attempt = attemptsOf(after);
		events.push({ kind: result.status, score: result.score, attempt, time: after.updatedAt });
		const was = lessonStatus(ids, before, passMark).status;
		if (was !== 'passed' && was !== 'failed') {
			events.push({ kind: 'completed', score: result.score, attempt, time: after.updatedAt });
		}
	}
	return events;
}

/** The statements of {@link eventsFromChange} for one learner and lesson. */
export function statementsFromChange(
	profile: XapiProfile, learner: { readonly name: string; readonly email?: string }, lesson: XapiLesson,
	quizzes: readonly XapiQuiz[], before: LessonProgress | undefined, after: LessonProgress | undefined, passMark: number,
): Statement[] {
	return eventsFromChange(quizzes, before, after, passMark).map((event) => buildStatement(profile, learner, lesson, event));
}
