/**
 * Question-level analysis of a team's reports: per quiz, how many answered, how many were right at the first try,
 * and the wrong answer most of them hold; per exercise check, how many learners it still fails for. Answers are
 * choice positions in the report; their wording comes from the lessons, and only for answers given to the same
 * lesson version (content hash), since positions in another version may name other choices. Pure.
 */
import type { Quiz } from '../lessons/lesson';
import type { ReportFile } from './teamReport';

/** Longest wording shown for a choice or a prompt: a report table is not the place for a paragraph. */
const MAX_TEXT = 160;

/**
 * The most distinct questions (and exercise checks) tallied: real curricula have a few hundred, while reports written
 * to exhaust memory could name millions of made-up ids. Ids first met beyond it are left out, and the view says so.
 */
export const MAX_ITEMS = 20_000;

/** What the analysis needs from a lesson: its version and the wording of its quizzes and checks. */
export interface ItemLesson {
	readonly id: string;
	readonly title: string;
	readonly contentHash: string;
	readonly quizzes: readonly Quiz[];
	/** Exercise id → check id → the check's hint. */
	readonly checks?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface WrongAnswer {
	/** 0-based choice (or step) positions, as in the reports. */
	readonly answer: readonly number[];
	/** How many learners' latest answer it is. */
	readonly count: number;
	/** The choices' wording (steps joined with →); absent when the lesson was not given or is another version. */
	readonly text?: string;
}

export interface QuestionRow {
	readonly lessonId: string;
	readonly lessonTitle: string;
	readonly quizId: string;
	readonly prompt?: string;
	/** Learners who answered it. */
	readonly answered: number;
	/** Of those, right at their first answer (one attempt, correct). */
	readonly firstTry: number;
	/** `firstTry / answered` in percent, rounded. */
	readonly firstTryRate: number;
	/** Learners whose latest answer is still wrong. */
	readonly wrongNow: number;
	readonly topWrong?: WrongAnswer;
}

export interface CheckRow {
	readonly lessonId: string;
	readonly exerciseId: string;
	readonly checkId: string;
	readonly hint?: string;
	/** Learners whose latest check of the exercise failed this check. */
	readonly failing: number;
	/** Learners who checked the exercise at least once. */
	readonly checked: number;
	/** Hints those learners opened, in total. */
	readonly hintsUsed: number;
}

export interface ItemView {
	/** Reports analysed (one per learner). */
	readonly learners: number;
	/** Of those, reports without answers (version 1): counted nowhere below. */
	readonly withoutAnswers: number;
	/** Hardest first: lowest first-try rate, then most answered. */
	readonly questions: readonly QuestionRow[];
	/** Most failing first. */
	readonly checks: readonly CheckRow[];
	/** Set when more than {@link MAX_ITEMS} distinct questions or checks were met: the rest are not counted. */
	readonly truncated?: boolean;
}

/** `text` on one line and at most {@link MAX_TEXT} characters. */
function short(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/** The wording of `answer` in `quiz`, or undefined when a position is not in it. */
export function answerText(quiz: Quiz, answer: readonly number[]): string | undefined {
	const items: readonly { readonly text: string }[] = quiz.type === 'order' ? quiz.steps : quiz.choices;
	const texts = answer.map((i) => items[i]?.text);
	return texts.every((t): t is string => t !== undefined) ? short(texts.join(quiz.type === 'order' ? ' → ' : ' + ')) : undefined;
}

interface Tally {
	lessonId: string;
	lessonTitle: string;
	quizId: string;
	answered: number;
	firstTry: number;
	wrongNow: number;
	/** `answer key + '|' + content hash` → count, for answers wrong at the latest attempt. */
	wrong: Map<string, { answer: readonly number[]; hash: string | undefined; count: number }>;
}

function wrongAnswer(tally: Tally, lesson: ItemLesson | undefined): WrongAnswer | undefined {
	const [top] = [...tally.wrong.values()].sort((a, b) => b.count - a.count || a.answer.join().localeCompare(b.answer.join()));
	if (!top) {
		return undefined;
	}
	const quiz = lesson && top.hash === lesson.contentHash ? lesson.quizzes.find((q) => q.id === tally.quizId) : undefined;
	const text = quiz ? answerText(quiz, top.answer) : undefined;
	return { answer: top.answer, count: top.count, ...(text !== undefined ? { text } : {}) };
}

/**
 * Analyses `reports` (one per learner: the ones the team view used) against `lessons` (their wording; may be empty).
 * A lesson or quiz listed twice in a report counts once.
 */
export function analyzeItems(reports: readonly ReportFile[], lessons: readonly ItemLesson[] = []): ItemView {
	const byLesson = new Map(lessons.map((l) => [l.id, l]));
	const tallies = new Map<string, Tally>();
	const checks = new Map<string, CheckRow & { failing: number; checked: number; hintsUsed: number }>();
	let withoutAnswers = 0;
	let truncated = false;
	for (const { report } of reports) {
		withoutAnswers += report.schemaVersion < 2 ? 1 : 0;
		const seen = new Set<string>();
		for (const lesson of report.lessons) {
			for (const quiz of lesson.quizzes) {
				const key = JSON.stringify([lesson.id, quiz.id]);
				if (seen.has(key) || report.schemaVersion < 2) {
					continue;
				}
				seen.add(key);
				let tally = tallies.get(key);
				if (!tally && tallies.size >= MAX_ITEMS) {
					truncated = true;
					continue;
				}
				if (!tally) {
					tally = { lessonId: lesson.id, lessonTitle: byLesson.get(lesson.id)?.title ?? lesson.title, quizId: quiz.id, answered: 0, firstTry: 0, wrongNow: 0, wrong: new Map() };
					tallies.set(key, tally);
				}
				tally.answered++;
				tally.firstTry += quiz.correct && quiz.attempts === 1 ? 1 : 0;
				if (!quiz.correct) {
					tally.wrongNow++;
					if (quiz.answer) {
						const hash = quiz.contentHash ?? lesson.contentHash;
						const wrongKey = `${quiz.answer.join(',')}|${hash ?? ''}`;
						const entry = tally.wrong.get(wrongKey) ?? { answer: quiz.answer, hash, count: 0 };
						entry.count++;
						tally.wrong.set(wrongKey, entry);
					}
				}
			}
			for (const exercise of lesson.exercises ?? []) {
				if (exercise.attempts === 0 || seen.has(JSON.stringify([lesson.id, '#', exercise.id]))) {
					continue;
				}
				seen.add(JSON.stringify([lesson.id, '#', exercise.id]));
				const hints = byLesson.get(lesson.id)?.checks?.get(exercise.id);
				const failed = new Set(exercise.failedChecks);
				// Every check known for the exercise gets a row, so "fails for nobody" shows too; unknown ids only when failing.
				for (const checkId of new Set([...hints?.keys() ?? [], ...failed])) {
					const key = JSON.stringify([lesson.id, exercise.id, checkId]);
					const hint = hints?.get(checkId);
					if (!checks.has(key) && checks.size >= MAX_ITEMS) {
						truncated = true;
						continue;
					}
					const row = checks.get(key) ?? { lessonId: lesson.id, exerciseId: exercise.id, checkId, ...(hint !== undefined ? { hint: short(hint) } : {}), failing: 0, checked: 0, hintsUsed: 0 };
					row.checked++;
					row.failing += failed.has(checkId) ? 1 : 0;
					row.hintsUsed += exercise.hintsUsed;
					checks.set(key, row);
				}
			}
		}
	}
	const questions = [...tallies.values()].map((t): QuestionRow => {
		const lesson = byLesson.get(t.lessonId);
		const quiz = lesson?.quizzes.find((q) => q.id === t.quizId);
		const topWrong = wrongAnswer(t, lesson);
		return {
			lessonId: t.lessonId, lessonTitle: t.lessonTitle, quizId: t.quizId, ...(quiz ? { prompt: short(quiz.prompt) } : {}),
			answered: t.answered, firstTry: t.firstTry, firstTryRate: Math.round((t.firstTry / t.answered) * 100), wrongNow: t.wrongNow,
			...(topWrong ? { topWrong } : {}),
		};
	}).sort((a, b) => a.firstTry * b.answered - b.firstTry * a.answered || b.answered - a.answered
		|| a.lessonId.localeCompare(b.lessonId) || a.quizId.localeCompare(b.quizId));
	const checkRows = [...checks.values()].sort((a, b) => b.failing * a.checked - a.failing * b.checked || b.failing - a.failing
		|| a.lessonId.localeCompare(b.lessonId) || a.exerciseId.localeCompare(b.exerciseId) || a.checkId.localeCompare(b.checkId));
	return { learners: reports.length, withoutAnswers, questions, checks: checkRows, ...(truncated ? { truncated } : {}) };
}
