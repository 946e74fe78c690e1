/**
 * The lesson parser: text in, a {@link Lesson} and diagnostics out. The extension, the CLI, the catalog and
 * every test use this one function. Pure; never throws on bad input.
 */
import { hashQuizContent } from './contentHash';
import { EXERCISE_LIMITS, type Exercise } from '../exercises/exercise';
import { parseExerciseBlock } from '../exercises/exerciseBlock';
import { MAX_LESSON_BYTES } from '../shared/decode';
import { appendAll } from '../shared/arrays';
import { byPosition, capDiagnostics, MAX_FILE_DIAGNOSTICS } from './diagnosticLimits';
import { scanFences, type FencedBlock } from './fences';
import { findFrontMatter, parseFrontMatter } from './frontMatter';
import type { Diagnostic, LessonMeta, ParseResult, Quiz } from './lesson';
import { parseQuizBlock } from './quizBlock';
import { createDiagnostic, hasErrors } from './rules';
import { splitLines, stripBom, utf8ByteLength } from '../shared/text';

/** Options of {@link parseLesson}. */
export interface ParseLessonOptions {
	/** The id the file name implies (`my-lesson` for `my-lesson.md`); a different front matter `id` is an error. */
	readonly expectedId?: string;
	/** The lesson's locale, copied to `Lesson.locale` (default `en`). */
	readonly locale?: string;
}

/** Problems with the text as a whole; when there is one, nothing else is checked. */
function checkText(text: string, file: string): Diagnostic | undefined {
	const start = { line: 1, column: 1 };
	if (text.trim() === '') {
		return createDiagnostic(file, 'file-empty', 'the file is empty', start);
	}
	if (text.includes('\u0000')) {
		return createDiagnostic(file, 'file-binary', 'the file contains NUL characters; it is not a text file', start);
	}
	if (text.length > MAX_LESSON_BYTES / 3 && utf8ByteLength(text) > MAX_LESSON_BYTES) {
		return createDiagnostic(file, 'file-too-large', `the file is larger than ${MAX_LESSON_BYTES} bytes (1 MiB), the most a lesson may have`, start);
	}
	return undefined;
}

/**
 * The most characters of YAML (front matter, quiz and exercise blocks together) one lesson may have. Parsing YAML costs far
 * more per character than the rest, so this keeps a lesson's parse within a second or two; real lessons have a
 * few KiB.
 */
export const MAX_LESSON_YAML_CHARS = 64 * 1024;

function yamlChars(lines: readonly string[]): number {
	return lines.reduce((sum, line) => sum + line.length + 1, 0);
}

function yamlTooLarge(file: string, line: number, what: string): Diagnostic {
	const message = `the lesson has more than ${MAX_LESSON_YAML_CHARS} characters of YAML (front matter, quiz and exercise blocks together), the most a lesson may have; ${what} not checked`;
	return createDiagnostic(file, 'file-too-large', message, { line, column: 1 });
}

interface Blocks {
	readonly quizzes: Quiz[];
	readonly exercises: Exercise[];
	readonly diagnostics: Diagnostic[];
	readonly blockCount: number;
}

/** Parses one quiz or exercise block; `seen` holds the ids taken so far (quiz and exercise ids share one space). */
function parseBlock(block: FencedBlock, file: string, seen: Map<string, string>, found: Blocks): void {
	const result = block.info === 'quiz' ? parseQuizBlock(block, file) : parseExerciseBlock(block, file);
	appendAll(found.diagnostics, result.diagnostics);
	if (result.id !== undefined && result.idSpan) {
		const firstUse = seen.get(result.id);
		if (firstUse === undefined) {
			seen.set(result.id, `the ${block.info} at line ${block.startLine}`);
		} else {
			const rule = block.info === 'quiz' ? 'quiz-duplicate-id' : 'exercise-duplicate-id';
			const message = `${block.info} id "${result.id}" is already used by ${firstUse}; quiz and exercise ids must be unique in a lesson`;
			found.diagnostics.push(createDiagnostic(file, rule, message, result.idSpan));
		}
	}
	if ('quiz' in result && result.quiz) {
		found.quizzes.push(result.quiz);
	} else if ('exercise' in result && result.exercise) {
		found.exercises.push(result.exercise);
	}
}

/** The quiz and exercise blocks of the body, in file order, within the YAML budget and the exercise limit. */
function parseBlocks(lines: readonly string[], firstLine: number, file: string, yamlBudget: number): Blocks {
	const { blocks, diagnostics } = scanFences(lines, file, firstLine);
	const found: Blocks = { quizzes: [], exercises: [], diagnostics, blockCount: blocks.filter((block) => block.info === 'quiz').length };
	const seen = new Map<string, string>();
	let budget = yamlBudget;
	let exerciseCount = 0;
	for (const block of blocks) {
		if ((block.info !== 'quiz' && block.info !== 'exercise') || !block.terminated) {
			continue;
		}
		if (budget < 0) {
			break; // over the budget before the first block: reported with the front matter
		}
		budget -= yamlChars(block.content);
		if (budget < 0) {
			diagnostics.push(yamlTooLarge(file, block.startLine, `this ${block.info} block and the ones after it are`));
			break;
		}
		if (block.info === 'exercise' && ++exerciseCount > EXERCISE_LIMITS.exercises) {
			const message = `a lesson may have at most ${EXERCISE_LIMITS.exercises} exercises; this one is not checked`;
			diagnostics.push(createDiagnostic(file, 'exercise-schema', message, { line: block.startLine, column: 1 }));
			continue;
		}
		parseBlock(block, file, seen, found);
	}
	return found;
}

/**
 * Parses a lesson file's text (UTF-8 already decoded; a BOM and CRLF or CR line endings are fine).
 * Checks every single-file rule of docs/lesson-format.md and returns all diagnostics sorted by position.
 * `lesson` is set only when there is no error; its `body` is the Markdown after the front matter, with
 * line endings normalized to `\n` and quiz and exercise fences left in place.
 */
export function parseLesson(text: string, file: string, options: ParseLessonOptions = {}): ParseResult {
	const content = stripBom(text);
	const textProblem = checkText(content, file);
	if (textProblem) {
		return { diagnostics: [textProblem] };
	}
	const lines = splitLines(content);
	const found = findFrontMatter(lines, file);
	const diagnostics: Diagnostic[] = [...found.diagnostics];
	if (!found.block && diagnostics.some((d) => d.code === 'front-matter-unterminated')) {
		return { diagnostics };
	}
	let meta: LessonMeta | undefined;
	let yamlBudget = MAX_LESSON_YAML_CHARS;
	if (found.block) {
		yamlBudget -= yamlChars(found.block.lines);
		if (yamlBudget < 0) {
			diagnostics.push(yamlTooLarge(file, 1, 'the front matter and the quiz and exercise blocks are'));
		} else {
			const frontMatter = parseFrontMatter(found.block, file, options.expectedId);
			appendAll(diagnostics, frontMatter.diagnostics);
			meta = frontMatter.meta;
		}
	}
	// Without front matter the whole file is body, so quiz problems are still reported.
	const bodyIndex = found.block?.bodyIndex ?? 0;
	const bodyLines = lines.slice(bodyIndex);
	const quizzes = parseBlocks(bodyLines, bodyIndex + 1, file, yamlBudget);
	appendAll(diagnostics, quizzes.diagnostics);
	// A file without front matter is probably not a lesson at all; one error says so.
	if (quizzes.blockCount === 0 && found.block) {
		const message = 'the lesson has no quiz; add a ```quiz block so learners can check what they learned';
		diagnostics.push(createDiagnostic(file, 'lesson-no-quiz', message, { line: 1, column: 1 }));
	}
	diagnostics.sort(byPosition);
	const capped = capDiagnostics(diagnostics, MAX_FILE_DIAGNOSTICS, 'this file', file, { line: 1, column: 1 });
	if (!meta || hasErrors(capped)) {
		return { diagnostics: capped };
	}
	return {
		lesson: {
			meta,
			locale: options.locale ?? 'en',
			quizzes: quizzes.quizzes,
			exercises: quizzes.exercises,
			body: bodyLines.join('\n'),
			bodyLine: bodyIndex + 1,
			contentHash: hashQuizContent(quizzes.quizzes, quizzes.exercises),
		},
		diagnostics: capped,
	};
}
