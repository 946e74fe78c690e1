/**
 * Validates front matter, quiz, exercise, assignment and progress report data against the JSON Schemas in `schemas/` and
 * turns ajv's errors into friendly, located problems. The schemas are compiled on first use, not at import. Pure.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileValidators, schemaHints, type SchemaHint, type SchemaHints, type Validators } from './schemaValidators';
import type { PathSegment } from './yamlBlock';
import { isRecord, ownEntry } from './records';

/** One schema violation, in terms of the data's path (not yet a file position). */
export interface SchemaProblem {
	/** `unknownKey` problems are warnings; everything else is an error. */
	readonly kind: 'error' | 'unknownKey';
	/** The ajv keyword that failed (`required`, `type`, `pattern`, ...). */
	readonly keyword: string;
	/** Path of the node the problem is about (for `required` and `unknownKey`: the mapping that holds the key). */
	readonly path: readonly PathSegment[];
	/** For `required` and `unknownKey`: the key in question. */
	readonly key?: string;
	readonly message: string;
}

let compiled: { readonly validators: Validators; readonly hints: ReturnType<typeof schemaHints> } | undefined;

/** The validator of one schema and its hints. */
function schema(name: keyof Validators): { readonly validate: ValidateFunction; readonly hints: SchemaHints } {
	// Precompiled in the production bundles (see ./schemaValidators); compiled by ajv on first use elsewhere.
	compiled ??= { validators: compileValidators(), hints: schemaHints() };
	return { validate: compiled.validators[name], hints: compiled.hints[name] };
}

/** The first problems found, and how many more there were (described no further, to bound the work). */
export interface SchemaCheck {
	readonly problems: SchemaProblem[];
	/** Problems past the limit that are errors. */
	readonly moreErrors: number;
	/** Problems past the limit that are `unknownKey` warnings. */
	readonly moreWarnings: number;
}

/** Checks front matter data against `schemas/lesson-front-matter.schema.json`, describing at most `limit` problems. */
export function validateFrontMatterData(value: unknown, limit = Infinity): SchemaCheck {
	return runValidator(schema('frontMatter'), value, limit);
}

/** Checks quiz data against `schemas/quiz.schema.json`, describing at most `limit` problems. */
export function validateQuizData(value: unknown, limit = Infinity): SchemaCheck {
	return runValidator(schema('quiz'), value, limit);
}

/** Checks exercise data against `schemas/exercise.schema.json`, describing at most `limit` problems. */
export function validateExerciseData(value: unknown, limit = Infinity): SchemaCheck {
	return runValidator(schema('exercise'), value, limit);
}

/** Checks an assignments file's data against `schemas/assignments.schema.json`. */
export function validateAssignmentsData(value: unknown): SchemaProblem[] {
	return runValidator(schema('assignments'), value, Infinity).problems;
}

/** Checks a progress report's data against `schemas/progress-report.schema.json`. */
export function validateReportData(value: unknown): SchemaProblem[] {
	return runValidator(schema('report'), value, Infinity).problems;
}

/**
 * Runs a validator and turns its first `limit` errors into problems. ajv (with `allErrors`) still lists every
 * error, which is cheap; describing one (path, message, suggestion) is not, so the rest are only counted.
 */
function runValidator({ validate, hints }: ReturnType<typeof schema>, value: unknown, limit: number): SchemaCheck {
	if (validate(value)) {
		return { problems: [], moreErrors: 0, moreWarnings: 0 };
	}
	const problems: SchemaProblem[] = [];
	let moreErrors = 0;
	let moreWarnings = 0;
	for (const error of validate.errors ?? []) {
		if (problems.length >= limit) {
			if (error.keyword === 'additionalProperties') {
				moreWarnings++;
			} else if (error.keyword !== 'if') {
				moreErrors++;
			}
			continue;
		}
		const problem = toProblem(error, value, hints);
		if (problem) {
			problems.push(problem);
		}
	}
	return { problems, moreErrors, moreWarnings };
}

/** Formats a path for messages: `incident.timeline[1].date`. */
export function formatPath(path: readonly PathSegment[]): string {
	let text = '';
	for (const segment of path) {
		text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
	}
	return text;
}

/**
 * Splits an ajv instancePath (a JSON pointer) into segments, using the data to tell indices from keys; with the value
 * found there.
 */
function toPath(pointer: string, data: unknown): { path: PathSegment[]; value: unknown } {
	const path: PathSegment[] = [];
	let current = data;
	for (const raw of pointer.split('/').slice(1)) {
		const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (Array.isArray(current)) {
			const index = Number(segment);
			path.push(index);
			current = current[index];
		} else {
			path.push(segment);
			current = isRecord(current) ? ownEntry(current, segment) : undefined;
		}
	}
	return { path, value: current };
}

const TYPE_NOUNS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping of keys to values',
	null: 'empty',
};

function typeMessage(expected: unknown, actual: unknown): string {
	const types = Array.isArray(expected) ? expected.map(String) : [String(expected)];
	const noun = types.map((type) => TYPE_NOUNS[type] ?? type).join(' or ');
	const quoteHint = types.includes('string') && (typeof actual === 'number' || typeof actual === 'boolean') ? ' (put it in quotes)' : '';
	return `must be ${noun}${quoteHint}`;
}

function param(error: ErrorObject, name: string): unknown {
	const params: Record<string, unknown> = error.params;
	return params[name];
}

/** The hint of the subschema whose keyword failed. */
function hintOf(error: ErrorObject, hints: SchemaHints): SchemaHint | undefined {
	return ownEntry(hints, error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/')));
}

function toProblem(error: ErrorObject, root: unknown, hints: SchemaHints): SchemaProblem | undefined {
	const { path, value } = toPath(error.instancePath, root);
	const subject = path.length > 0 ? `"${formatPath(path)}"` : 'it';
	switch (error.keyword) {
		case 'if':
			// Reported through the `then` branch's own errors.
			return undefined;
		case 'required': {
			const key = String(param(error, 'missingProperty'));
			return { kind: 'error', keyword: error.keyword, path, key, message: `missing required field "${formatPath([...path, key])}"` };
		}
		case 'additionalProperties': {
			const key = String(param(error, 'additionalProperty'));
			const suggestion = closestWord(key, hintOf(error, hints)?.keys ?? []);
			const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
			return { kind: 'unknownKey', keyword: error.keyword, path, key, message: `unknown key "${formatPath([...path, key])}"${hint}` };
		}
		case 'type':
			return { kind: 'error', keyword: error.keyword, path, message: `${subject} ${typeMessage(param(error, 'type'), value)}` };
		case 'enum': {
			const allowed = param(error, 'allowedValues');
			const list = Array.isArray(allowed) ? allowed.map(String).join(', ') : '';
			return { kind: 'error', keyword: error.keyword, path, message: `${subject} must be one of: ${list}` };
		}
		case 'pattern':
			return { kind: 'error', keyword: error.keyword, path, message: `${subject} ${hintOf(error, hints)?.patternMessage ?? `must match ${String(param(error, 'pattern'))}`}` };
		default:
			return { kind: 'error', keyword: error.keyword, path, message: `${subject} ${limitMessage(error) ?? error.message ?? 'is not valid'}` };
	}
}

function limitMessage(error: ErrorObject): string | undefined {
	const limit = Number(param(error, 'limit'));
	switch (error.keyword) {
		case 'maxLength': return `must be at most ${limit} characters long`;
		case 'minLength': return `must be at least ${limit} characters long`;
		case 'maximum': return `must be at most ${limit}`;
		case 'minimum': return `must be at least ${limit}`;
		case 'maxItems': return `may have at most ${limit} items`;
		case 'minItems': return `needs at least ${limit} items`;
		default: return undefined;
	}
}

/** The known word closest to `word` when it looks like a typo of it (edit distance ≤ 2), else undefined. */
export function closestWord(word: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of known) {
		const distance = editDistance(word.toLowerCase(), candidate);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
