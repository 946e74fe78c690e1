/**
 * How long a lesson takes, estimated from its text, so a declared `minutes` that is far too low is caught: learners
 * plan by it, and a lesson that takes twice as long as it says gets skimmed. Pure.
 *
 * Rates: adults read English non-fiction silently at about 238 words a minute (Brysbaert 2019, "How many words do we
 * read per minute? A review and meta-analysis of reading rate", J. Memory and Language 109); 200 allows for technical
 * text with code, read to learn. Japanese is measured in characters: about 400–600 a minute silently (IReST, Trauzettel-Klosinski & Dietz 2012,
 * measured 357 a minute reading aloud; silent reading is faster); 500 is used. A quiz's text (prompt, choices, every
 * explanation: the panel shows them all after an answer) is read at the same rates, and each quiz adds half a minute
 * for deciding and checking.
 */
import { frontMatterKeyLine } from '../catalog/catalogIndex';
import { scanFences } from './fences';
import type { Diagnostic, Lesson, Quiz } from './lesson';
import { createDiagnostic } from './rules';

export const WORDS_PER_MINUTE = 200;
export const CJK_CHARACTERS_PER_MINUTE = 500;
export const MINUTES_PER_QUIZ = 0.5;
/** A declared time more than a quarter below the estimate misleads whoever plans by it. */
export const LOW_SHARE = 0.75;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export interface ReadingEstimate {
	readonly words: number;
	/** Han, hiragana and katakana characters, read at their own rate. */
	readonly cjkCharacters: number;
	readonly quizzes: number;
	/** Rounded up. */
	readonly minutes: number;
}

/** What a quiz gives to read. */
function quizText(quiz: Quiz): string {
	const items = quiz.type === 'order' ? quiz.steps : quiz.choices;
	return [quiz.prompt, quiz.explain, ...items.flatMap((item) => [item.text, item.explain])].join('\n');
}

/** The lesson's text as read: the body without its quiz blocks' YAML or link targets, then each quiz's text. */
function readText(lesson: Lesson): string {
	const lines = lesson.body.split('\n');
	const quizLines = new Set<number>();
	for (const block of scanFences(lines, '', 1).blocks) {
		if (block.info === 'quiz') {
			for (let line = block.startLine; line <= block.endLine; line++) {
				quizLines.add(line);
			}
		}
	}
	const body = lines.filter((_, i) => !quizLines.has(i + 1)).join('\n')
		.replace(/\]\([^)\s]*\)/g, ']')
		.replace(/https?:\/\/\S+/g, ' ');
	return [body, ...lesson.quizzes.map(quizText)].join('\n');
}

/** The estimated reading time of `lesson`, with what it is made of. */
export function estimateReadingTime(lesson: Lesson): ReadingEstimate {
	const text = readText(lesson);
	const cjkCharacters = text.match(CJK)?.length ?? 0;
	const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
	const quizzes = lesson.quizzes.length;
	const minutes = Math.ceil(words / WORDS_PER_MINUTE + cjkCharacters / CJK_CHARACTERS_PER_MINUTE + quizzes * MINUTES_PER_QUIZ);
	return { words, cjkCharacters, quizzes, minutes };
}

/** Warns when the declared `minutes` is below {@link LOW_SHARE} of the estimate; `text` is the file, to point at the key. */
export function readingTimeDiagnostics(lesson: Lesson, file: string, text: string): Diagnostic[] {
	const declared = lesson.meta.minutes;
	if (declared === undefined) {
		return [];
	}
	const estimate = estimateReadingTime(lesson);
	if (declared >= LOW_SHARE * estimate.minutes) {
		return [];
	}
	const parts = [
		...(estimate.words > 0 ? [`${estimate.words} words at ${WORDS_PER_MINUTE} a minute`] : []),
		...(estimate.cjkCharacters > 0 ? [`${estimate.cjkCharacters} Japanese characters at ${CJK_CHARACTERS_PER_MINUTE} a minute`] : []),
		`${estimate.quizzes} quizzes at ${MINUTES_PER_QUIZ} minutes each to answer`,
	];
	const message = `"minutes: ${declared}" is far below the estimated ${estimate.minutes} minutes (${parts.join(', ')}); say how long the lesson really takes`;
	return [createDiagnostic(file, 'lesson-minutes-low', message, { line: frontMatterKeyLine(text, 'minutes'), column: 1 })];
}
