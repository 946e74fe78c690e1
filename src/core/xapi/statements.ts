/**
 * xAPI 1.0.3 statements for a learner's results: `answered` per quiz, `passed`/`failed` and `completed` per lesson.
 * Ids are name-based UUIDs of learner, verb, activity, attempt and time, so the same result always gives the same
 * statement and a re-send is idempotent (an LRS stores it once). Only what is listed here leaves the machine:
 * no code, no file paths, no workspace name, no e-mail unless the lead configured one. Pure.
 */
import { uuidV5 } from './uuid';

/** The namespace of every id this module derives (a fixed, random UUID: the ids are ours alone). */
const NAMESPACE = '3f4c6a3e-6a36-4d8e-9a8e-2f1f7c3b5d10';

export const VERBS = {
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

export type VerbName = keyof typeof VERBS;

const LESSON_TYPE = 'http://adlnet.gov/expapi/activities/lesson';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const TRACK_TYPE = 'http://adlnet.gov/expapi/activities/course';

/** Where statements say who and what: set by the lead (settings or CLI flags). */
export interface XapiProfile {
	/** An absolute http(s) IRI; activity ids are made under it (`<base>lessons/<id>`). */
	readonly activityBase: string;
	/** The learners' account system (e.g. the company's SSO home page): actor = account { homePage, name }. */
	readonly homePage: string;
	/** Actor as `mbox: mailto:<e-mail>` instead of the account (for learners with one): only when the lead chooses it. */
	readonly useEmail?: boolean;
}

/** The learner as statements name them: an account name (login or display name) and, only if chosen, an e-mail. */
export interface XapiLearner {
	readonly name: string;
	readonly email?: string;
}

/** The assignment a result answers: its file and the due date make one assignment cycle (the registration). */
export interface XapiAssignment {
	readonly file: string;
	readonly due: string;
}

export interface XapiLesson {
	readonly id: string;
	readonly title: string;
	readonly track: string;
	/** Lesson language (`en`, `ja`): context.language and the language map of names. */
	readonly language: string;
	/** The lesson's content hash (see core/lessons/contentHash), when known. */
	readonly contentHash?: string;
	readonly assignment?: XapiAssignment;
}

export type InteractionType = 'choice' | 'sequencing' | 'other';

/** One graded answer. */
export interface AnsweredEvent {
	readonly kind: 'answered';
	readonly quizId: string;
	readonly interaction: InteractionType;
	readonly correct: boolean;
	/** 1 for the first answer to this quiz. */
	readonly attempt: number;
	/** ISO 8601. */
	readonly time: string;
	/** The chosen choices or the order given, as indices in the quiz's own order. */
	readonly response?: readonly number[];
	readonly durationMs?: number;
}

/** A lesson with all its quizzes answered: passed or failed at `score` (0..100), or completed. */
export interface LessonEvent {
	readonly kind: 'passed' | 'failed' | 'completed';
	readonly score: number;
	readonly attempt: number;
	readonly time: string;
}

export type XapiEvent = AnsweredEvent | LessonEvent;

/** The statement fields this module writes (a subset of xAPI 1.0.3). */
export interface Statement {
	readonly id: string;
	readonly actor: Readonly<Record<string, unknown>>;
	readonly verb: { readonly id: string; readonly display: Readonly<Record<string, string>> };
	readonly object: Readonly<Record<string, unknown>>;
	readonly result?: Readonly<Record<string, unknown>>;
	readonly context: Readonly<Record<string, unknown>>;
	readonly timestamp: string;
	readonly version: '1.0.3';
}

/** `<base>lessons/<lesson id>`, and `/quizzes/<quiz id>` under it; ids are percent-encoded path segments. */
export function lessonIri(profile: XapiProfile, lessonId: string): string {
	return `${profile.activityBase}lessons/${encodeURIComponent(lessonId)}`;
}

function quizIri(profile: XapiProfile, lessonId: string, quizId: string): string {
	return `${lessonIri(profile, lessonId)}/quizzes/${encodeURIComponent(quizId)}`;
}

/** The context extension key of a lesson's content hash. */
export function contentHashKey(profile: XapiProfile): string {
	return `${profile.activityBase}extensions/content-hash`;
}

/** The actor: the account, or the learner's e-mail when the profile chooses e-mail and the learner has one. */
export function xapiActor(profile: XapiProfile, learner: XapiLearner): Readonly<Record<string, unknown>> {
	const email = profile.useEmail === true ? learner.email : undefined;
	return email !== undefined
		? { objectType: 'Agent', mbox: `mailto:${email}` }
		: { objectType: 'Agent', account: { homePage: profile.homePage, name: learner.name } };
}

/** The registration of an assignment cycle: the same file and due date give the same UUID on every machine. */
export function registrationOf(assignment: XapiAssignment, lessonId: string): string {
	return uuidV5(NAMESPACE, JSON.stringify(['registration', assignment.file, lessonId, assignment.due]));
}

/** ISO 8601 duration of milliseconds, to the hundredth of a second (what xAPI keeps). */
export function isoDuration(ms: number): string {
	const centis = Math.max(0, Math.round(ms / 10));
	return `PT${Math.floor(centis / 100)}.${String(centis % 100).padStart(2, '0')}S`;
}

function context(profile: XapiProfile, lesson: XapiLesson, parent: boolean): Readonly<Record<string, unknown>> {
	return {
		...(lesson.assignment ? { registration: registrationOf(lesson.assignment, lesson.id) } : {}),
		language: lesson.language,
		contextActivities: {
			...(parent ? { parent: [{ id: lessonIri(profile, lesson.id), objectType: 'Activity' }] } : {}),
			grouping: [{ id: `${profile.activityBase}tracks/${encodeURIComponent(lesson.track)}`, objectType: 'Activity', definition: { type: TRACK_TYPE } }],
		},
		...(lesson.contentHash !== undefined ? { extensions: { [contentHashKey(profile)]: lesson.contentHash } } : {}),
	};
}

function response(event: AnsweredEvent): string | undefined {
	if (!event.response) {
		return undefined;
	}
	// xAPI's interaction response format: choice and step ids joined by `[,]`.
	return event.interaction === 'other' ? event.response.join(',') : event.response.join('[,]');
}

/** The statement for one event of one lesson. */
export function buildStatement(profile: XapiProfile, learner: XapiLearner, lesson: XapiLesson, event: XapiEvent): Statement {
	const actor = xapiActor(profile, learner);
	const isAnswer = event.kind === 'answered';
	const objectId = isAnswer ? quizIri(profile, lesson.id, event.quizId) : lessonIri(profile, lesson.id);
	const names = { [lesson.language]: isAnswer ? `${lesson.title}: ${event.quizId}` : lesson.title };
	const object = {
		objectType: 'Activity', id: objectId,
		definition: isAnswer
			? { name: names, type: INTERACTION_TYPE, interactionType: event.interaction }
			: { name: names, type: LESSON_TYPE },
	};
	const answerText = isAnswer ? response(event) : undefined;
	const result = isAnswer
		? { success: event.correct, ...(answerText !== undefined ? { response: answerText } : {}), ...(event.durationMs !== undefined ? { duration: isoDuration(event.durationMs) } : {}) }
		: { score: { scaled: Math.min(100, Math.max(0, event.score)) / 100, raw: event.score, min: 0, max: 100 }, ...(event.kind === 'completed' ? { completion: true } : { success: event.kind === 'passed' }) };
	return {
		id: uuidV5(NAMESPACE, JSON.stringify([actor, event.kind, objectId, event.attempt, event.time])),
		actor,
		verb: { id: VERBS[event.kind], display: { 'en-US': event.kind } },
		object,
		result,
		context: context(profile, lesson, isAnswer),
		timestamp: event.time,
		version: '1.0.3',
	};
}
