/**
 * A ```exercise fenced block: its YAML checked against `schemas/exercise.schema.json` and the exercise rules of
 * docs/lesson-format.md, then turned into an {@link Exercise}. Patterns are compiled by the lint (./exerciseLint), not
 * here, so that parsing a lesson never loads the RE2 engine. Pure.
 */
import { capDiagnostics, MAX_BLOCK_DIAGNOSTICS } from '../lessons/diagnosticLimits';
import type { FencedBlock } from '../lessons/fences';
import type { Diagnostic } from '../lessons/lesson';
import { createDiagnostic, hasErrors } from '../lessons/rules';
import type { RuleId, SourceSpan } from '../lessons/rules';
import { isRecord } from '../shared/records';
import { formatPath, validateExerciseData } from '../shared/schemaValidation';
import { parseYamlBlock } from '../shared/yamlBlock';
import type { ParsedYaml, PathSegment } from '../shared/yamlBlock';
import { languageOfPath } from '../suggestions/languages';
import { DEFAULT_SOLUTION_AFTER, isExercisePath, isExerciseRef } from './exercise';
import type { Exercise, ExerciseCheck, FileSource } from './exercise';

/** What {@link parseExerciseBlock} found. `id` and `idSpan` are set whenever the block has a string id, even with errors. */
export interface ExerciseBlockResult {
	readonly exercise?: Exercise;
	readonly id?: string;
	readonly idSpan?: SourceSpan;
	readonly diagnostics: Diagnostic[];
}

type Data = Readonly<Record<string, unknown>>;

interface Context {
	readonly file: string;
	readonly parsed: ParsedYaml;
	readonly label: string;
	readonly diagnostics: Diagnostic[];
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function records(value: unknown): Data[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

function say(context: Context, rule: RuleId, message: string, path: readonly PathSegment[]): void {
	context.diagnostics.push(createDiagnostic(context.file, rule, `${context.label}: ${message}`, context.parsed.spanOf(path)));
}

/** Exactly one of two keys of `item` (at `path`) is given; says so otherwise. */
function oneOf(item: Data, keys: readonly [string, string], path: readonly PathSegment[], context: Context): void {
	const given = keys.filter((key) => item[key] !== undefined);
	if (given.length !== 1) {
		say(context, 'exercise-schema', `"${formatPath(path)}" needs exactly one of "${keys[0]}" or "${keys[1]}"`, path);
	}
}

function checkPath(value: unknown, path: readonly PathSegment[], context: Context, ref = false): void {
	if (typeof value !== 'string') {
		return; // the schema said so
	}
	if (ref ? !isExerciseRef(value) : !isExercisePath(value)) {
		const rule = ref
			? 'must be a path relative to the lesson file: at most one leading "../", then [A-Za-z0-9._-] names joined by "/"'
			: 'must be a plain relative name: [A-Za-z0-9._-] names joined by "/", no "." or ".." and no leading "/"';
		say(context, 'exercise-invalid-path', `"${value}" ${rule}`, path);
	}
}

function checkFiles(data: Data, context: Context): Set<string> {
	const paths = new Set<string>();
	(Array.isArray(data.files) ? data.files : []).forEach((item: unknown, index) => {
		if (!isRecord(item)) {
			return;
		}
		oneOf(item, ['starter', 'starterFile'], ['files', index], context);
		checkPath(item.path, ['files', index, 'path'], context);
		checkPath(item.starterFile, ['files', index, 'starterFile'], context, true);
		if (typeof item.path === 'string') {
			if (paths.has(item.path)) {
				say(context, 'exercise-schema', `file "${item.path}" is listed twice`, ['files', index, 'path']);
			}
			paths.add(item.path);
		}
	});
	return paths;
}

function checkChecks(data: Data, paths: ReadonlySet<string>, context: Context): void {
	const ids = new Set<string>();
	(Array.isArray(data.checks) ? data.checks : []).forEach((item: unknown, index) => {
		if (!isRecord(item)) {
			return;
		}
		oneOf(item, ['must', 'mustNot'], ['checks', index], context);
		if (typeof item.file === 'string' && !paths.has(item.file)) {
			say(context, 'exercise-unknown-file', `check ${index + 1} names file "${item.file}", which is not one of "files"`, ['checks', index, 'file']);
		}
		if (typeof item.id === 'string') {
			if (ids.has(item.id)) {
				say(context, 'exercise-duplicate-id', `check id "${item.id}" is used twice; check ids must be unique in an exercise`, ['checks', index, 'id']);
			}
			ids.add(item.id);
		}
	});
}

function checkSolution(data: Data, paths: ReadonlySet<string>, context: Context): void {
	const seen = new Set<string>();
	(Array.isArray(data.solution) ? data.solution : []).forEach((item: unknown, index) => {
		if (!isRecord(item)) {
			return;
		}
		oneOf(item, ['content', 'contentFile'], ['solution', index], context);
		checkPath(item.contentFile, ['solution', index, 'contentFile'], context, true);
		if (typeof item.path === 'string') {
			if (!paths.has(item.path)) {
				say(context, 'exercise-unknown-file', `solution file "${item.path}" is not one of "files"`, ['solution', index, 'path']);
			} else if (seen.has(item.path)) {
				say(context, 'exercise-schema', `solution file "${item.path}" is listed twice`, ['solution', index, 'path']);
			}
			seen.add(item.path);
		}
	});
}

function source(inline: unknown, ref: unknown): FileSource {
	return typeof inline === 'string' ? { text: inline } : { ref: text(ref) };
}

function patternsOf(value: unknown): string[] {
	return typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

function toExercise(data: Data, line: number, parsed: ParsedYaml): Exercise {
	const checks = records(data.checks).map((check, index): ExerciseCheck => {
		const ignore = Array.isArray(check.ignore) ? check.ignore : [];
		return {
			id: text(check.id), file: text(check.file), kind: check.must !== undefined ? 'must' : 'mustNot',
			patterns: patternsOf(check.must ?? check.mustNot), ignoreComments: ignore.includes('comments'), ignoreWhitespace: ignore.includes('whitespace'),
			...(typeof check.at === 'string' ? { at: check.at } : {}), hint: text(check.hint), line: parsed.spanOf(['checks', index]).line,
		};
	});
	return {
		id: text(data.id), title: text(data.title), prompt: text(data.prompt), explain: text(data.explain),
		files: records(data.files).map((f) => ({ path: text(f.path), language: text(f.language) || languageOfPath(text(f.path)), starter: source(f.starter, f.starterFile) })),
		checks,
		hints: Array.isArray(data.hints) ? data.hints.map(text) : [],
		solutionAfter: typeof data.solutionAfter === 'number' ? data.solutionAfter : DEFAULT_SOLUTION_AFTER,
		solution: records(data.solution).map((s) => ({ path: text(s.path), content: source(s.content, s.contentFile) })),
		line,
	};
}

/**
 * Parses one exercise block found by `scanFences`. Problems point at the offending YAML node in the file (or at the
 * opening fence). Returns the exercise only when the block has no errors. Never throws.
 */
export function parseExerciseBlock(block: FencedBlock, file: string): ExerciseBlockResult {
	const anchor = { line: block.startLine, column: 1 };
	const yamlSource = { lines: block.content, firstLine: block.startLine + 1, indent: block.contentIndent, anchor };
	const { parsed, diagnostics } = parseYamlBlock(yamlSource, file, 'exercise block');
	if (!parsed) {
		return { diagnostics: capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, `the exercise block at line ${block.startLine}`, file, anchor) };
	}
	const data = parsed.value;
	const id = isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
	const label = id !== undefined ? `exercise "${id}"` : `the exercise at line ${block.startLine}`;
	const check = validateExerciseData(data, MAX_BLOCK_DIAGNOSTICS);
	for (const problem of check.problems) {
		if (problem.kind === 'unknownKey' && problem.key !== undefined) {
			diagnostics.push(createDiagnostic(file, 'exercise-unknown-key', `${label}: ${problem.message}`, parsed.keySpanOf(problem.path, problem.key)));
		} else {
			const message = problem.path.length === 0 && problem.keyword === 'type' ? 'an exercise block must hold a mapping of keys to values' : `${label}: ${problem.message}`;
			diagnostics.push(createDiagnostic(file, 'exercise-schema', message, parsed.spanOf(problem.path)));
		}
	}
	if (isRecord(data)) {
		const context = { file, parsed, label, diagnostics };
		const paths = checkFiles(data, context);
		checkChecks(data, paths, context);
		checkSolution(data, paths, context);
	}
	const idSpan = id !== undefined ? parsed.spanOf(['id']) : undefined;
	const uncounted = [{ count: check.moreErrors, rule: 'exercise-schema' as const }, { count: check.moreWarnings, rule: 'exercise-unknown-key' as const }];
	const capped = capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, label, file, anchor, uncounted);
	const result = { ...(id !== undefined ? { id } : {}), ...(idSpan ? { idSpan } : {}), diagnostics: capped };
	if (hasErrors(capped) || !isRecord(data)) {
		return result;
	}
	return { ...result, exercise: toExercise(data, block.startLine, parsed) };
}
