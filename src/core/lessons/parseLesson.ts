/**
 * The lesson parser: text in, a {@link Lesson} and diagnostics out. The extension, the CLI, the catalog and
 * every test use this one function. Pure; never throws on bad input.
 */
import { hashQuizContent } from './contentHash';
import { MAX_LESSON_BYTES } from '../shared/decode';
import { scanFences } from './fences';
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

function parseQuizzes(lines: readonly string[], firstLine: number, file: string): { quizzes: Quiz[]; diagnostics: Diagnostic[]; blockCount: number } {
	const { blocks, diagnostics } = scanFences(lines, file, firstLine);
	const quizzes: Quiz[] = [];
	const seen = new Map<string, number>();
	const quizBlocks = blocks.filter((block) => block.info === 'quiz' && block.terminated);
	for (const block of quizBlocks) {
		const result = parseQuizBlock(block, file);
		diagnostics.push(...result.diagnostics);
		if (result.id !== undefined && result.idSpan) {
			const firstUse = seen.get(result.id);
			if (firstUse === undefined) {
				seen.set(result.id, block.startLine);
			} else {
				const message = `quiz id "${result.id}" is already used by the quiz at line ${firstUse}; quiz ids must be unique in a lesson`;
				diagnostics.push(createDiagnostic(file, 'quiz-duplicate-id', message, result.idSpan));
			}
		}
		if (result.quiz) {
			quizzes.push(result.quiz);
		}
	}
	const blockCount = blocks.filter((block) => block.info === 'quiz').length;
	return { quizzes, diagnostics, blockCount };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
	return a.line - b.line || a.column - b.column;
}

/**
 * Parses a lesson file's text (UTF-8 already decoded; a BOM and CRLF or CR line endings are fine).
 * Checks every single-file rule of docs/lesson-format.md and returns all diagnostics sorted by position.
 * `lesson` is set only when there is no error; its `body` is the Markdown after the front matter, with
 * line endings normalized to `\n` and quiz fences left in place.
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
	if (found.block) {
		const frontMatter = parseFrontMatter(found.block, file, options.expectedId);
		diagnostics.push(...frontMatter.diagnostics);
		meta = frontMatter.meta;
	}
	// Without front matter the whole file is body, so quiz problems are still reported.
	const bodyIndex = found.block?.bodyIndex ?? 0;
	const bodyLines = lines.slice(bodyIndex);
	const quizzes = parseQuizzes(bodyLines, bodyIndex + 1, file);
	diagnostics.push(...quizzes.diagnostics);
	// A file without front matter is probably not a lesson at all; one error says so.
	if (quizzes.blockCount === 0 && found.block) {
		const message = 'the lesson has no quiz; add a ```quiz block so learners can check what they learned';
		diagnostics.push(createDiagnostic(file, 'lesson-no-quiz', message, { line: 1, column: 1 }));
	}
	diagnostics.sort(byPosition);
	if (!meta || hasErrors(diagnostics)) {
		return { diagnostics };
	}
	return {
		lesson: {
			meta,
			locale: options.locale ?? 'en',
			quizzes: quizzes.quizzes,
			body: bodyLines.join('\n'),
			bodyLine: bodyIndex + 1,
			contentHash: hashQuizContent(quizzes.quizzes),
		},
		diagnostics,
	};
}
