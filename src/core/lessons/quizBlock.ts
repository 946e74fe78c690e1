/**
 * A ```quiz fenced block: its YAML checked against `schemas/quiz.schema.json` and the quiz rules of
 * docs/lesson-format.md, then turned into a {@link Quiz}. Pure.
 */
import { capDiagnostics, MAX_BLOCK_DIAGNOSTICS } from './diagnosticLimits';
import type { FencedBlock } from './fences';
import type { Choice, Diagnostic, Quiz, QuizType, Step } from './lesson';
import { createDiagnostic, hasErrors } from './rules';
import type { SourceSpan } from './rules';
import { validateQuizData } from '../shared/schemaValidation';
import { parseYamlBlock } from '../shared/yamlBlock';
import type { ParsedYaml } from '../shared/yamlBlock';
import { isRecord } from '../shared/records';

const QUIZ_TYPES: readonly string[] = ['single', 'multiple', 'order'] satisfies QuizType[];

/** What {@link parseQuizBlock} found. `id` and `idSpan` are set whenever the block has a string id, even with errors. */
export interface QuizBlockResult {
	readonly quiz?: Quiz;
	readonly id?: string;
	readonly idSpan?: SourceSpan;
	readonly diagnostics: Diagnostic[];
}

type Data = Readonly<Record<string, unknown>>;

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function stepText(step: unknown): string | undefined {
	if (typeof step === 'string') {
		return step;
	}
	return isRecord(step) && typeof step.text === 'string' ? step.text : undefined;
}

/** Compares step texts the way a learner would: case, spacing and surrounding blanks do not matter. */
function normalizeStep(step: string): string {
	return step.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface RuleContext {
	readonly file: string;
	readonly parsed: ParsedYaml;
	readonly label: string;
	readonly diagnostics: Diagnostic[];
}

function checkChoices(data: Data, type: string, context: RuleContext): void {
	const { file, parsed, label, diagnostics } = context;
	if (data.steps !== undefined) {
		diagnostics.push(createDiagnostic(file, 'quiz-schema', `${label}: "steps" is only used by order quizzes; a ${type} quiz has "choices"`, parsed.keySpanOf([], 'steps')));
	}
	if (!Array.isArray(data.choices)) {
		return;
	}
	const correct: number[] = [];
	data.choices.forEach((choice: unknown, index) => {
		if (!isRecord(choice)) {
			return;
		}
		if (choice.correct === true) {
			correct.push(index);
		}
		if (typeof choice.explain !== 'string' || choice.explain.trim() === '') {
			const message = `${label}: choice ${index + 1} has no "explain"; say why it is right or wrong`;
			diagnostics.push(createDiagnostic(file, 'quiz-missing-explain', message, parsed.spanOf(['choices', index])));
		}
	});
	if (correct.length === 0) {
		const message = type === 'single' ? `${label} needs one correct choice (add "correct: true")` : `${label} needs at least one correct choice`;
		diagnostics.push(createDiagnostic(file, 'quiz-no-correct', message, parsed.keySpanOf([], 'choices')));
	} else if (type === 'single' && correct.length > 1) {
		const second = correct[1] ?? 0;
		const message = `${label} is a single quiz but has ${correct.length} correct choices; use "type: multiple" or keep one`;
		diagnostics.push(createDiagnostic(file, 'quiz-single-many-correct', message, parsed.keySpanOf(['choices', second], 'correct')));
	}
}

function checkSteps(data: Data, context: RuleContext): void {
	const { file, parsed, label, diagnostics } = context;
	if (data.choices !== undefined) {
		diagnostics.push(createDiagnostic(file, 'quiz-schema', `${label}: "choices" is not used by order quizzes; an order quiz has "steps"`, parsed.keySpanOf([], 'choices')));
	}
	if (!Array.isArray(data.steps)) {
		return;
	}
	const seen = new Map<string, number>();
	data.steps.forEach((step: unknown, index) => {
		const value = stepText(step);
		if (value === undefined) {
			return;
		}
		const key = normalizeStep(value);
		const first = seen.get(key);
		if (first === undefined) {
			seen.set(key, index);
		} else {
			const message = `${label}: step ${index + 1} repeats step ${first + 1} ("${value.trim()}")`;
			diagnostics.push(createDiagnostic(file, 'quiz-duplicate-step', message, parsed.spanOf(['steps', index])));
		}
	});
	checkGroups(data.steps, context);
}

/** Steps sharing a `group` must be adjacent, at least two, and not all the steps (that quiz could not be wrong). */
function checkGroups(steps: readonly unknown[], { file, parsed, label, diagnostics }: RuleContext): void {
	const groups = steps.map((step) => (isRecord(step) && typeof step.group === 'string' ? step.group : undefined));
	const seen = new Set<string>();
	groups.forEach((group, index) => {
		if (group === undefined || groups[index - 1] === group) {
			return;
		}
		const size = groups.filter((g) => g === group).length;
		const say = (problem: string): void => {
			diagnostics.push(createDiagnostic(file, 'quiz-invalid-group', `${label}: ${problem}`, parsed.spanOf(['steps', index, 'group'])));
		};
		if (seen.has(group)) {
			say(`the steps of group "${group}" must be next to each other`);
		} else if (size < 2) {
			say(`group "${group}" has one step; a group needs two or more`);
		} else if (size === steps.length) {
			say(`group "${group}" holds every step, so any order would be right`);
		}
		seen.add(group);
	});
}

function toQuiz(data: Data, line: number): Quiz {
	const base = { id: text(data.id), prompt: text(data.prompt), explain: text(data.explain), line };
	if (data.type === 'order') {
		const steps: Step[] = (Array.isArray(data.steps) ? data.steps : []).map((step: unknown) =>
			isRecord(step)
				? { text: text(step.text), explain: text(step.explain), ...(typeof step.group === 'string' ? { group: step.group } : {}) }
				: { text: text(step), explain: '' });
		return { ...base, type: 'order', steps };
	}
	const choices: Choice[] = (Array.isArray(data.choices) ? data.choices : []).filter(isRecord).map((choice) =>
		({ text: text(choice.text), correct: choice.correct === true, explain: text(choice.explain) }));
	return { ...base, type: data.type === 'multiple' ? 'multiple' : 'single', choices };
}

/**
 * Parses one quiz block found by `scanFences`. Problems point at the offending YAML node in the file
 * (or at the opening fence). Returns the quiz only when the block has no errors. Never throws.
 */
export function parseQuizBlock(block: FencedBlock, file: string): QuizBlockResult {
	const anchor = { line: block.startLine, column: 1 };
	const source = { lines: block.content, firstLine: block.startLine + 1, indent: block.contentIndent, anchor };
	const { parsed, diagnostics } = parseYamlBlock(source, file, 'quiz block');
	if (!parsed) {
		return { diagnostics: capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, `the quiz block at line ${block.startLine}`, file, anchor) };
	}
	const data = parsed.value;
	if (data === null || data === undefined) {
		diagnostics.push(createDiagnostic(file, 'quiz-schema', 'the quiz block is empty; it needs at least "id", "type" and "prompt"', anchor));
		return { diagnostics };
	}
	const id = isRecord(data) && typeof data.id === 'string' ? data.id : undefined;
	const label = id !== undefined ? `quiz "${id}"` : `the quiz at line ${block.startLine}`;
	const type = isRecord(data) ? data.type : undefined;
	const unknownType = typeof type === 'string' && !QUIZ_TYPES.includes(type);
	if (unknownType) {
		const message = `${label} has unknown type "${type}"; use single, multiple or order`;
		diagnostics.push(createDiagnostic(file, 'quiz-unknown-type', message, parsed.spanOf(['type'])));
	}
	const check = validateQuizData(data, MAX_BLOCK_DIAGNOSTICS);
	for (const problem of check.problems) {
		if (unknownType && problem.keyword === 'enum' && problem.path.length === 1 && problem.path[0] === 'type') {
			continue;
		}
		if (problem.kind === 'unknownKey' && problem.key !== undefined) {
			diagnostics.push(createDiagnostic(file, 'quiz-unknown-key', `${label}: ${problem.message}`, parsed.keySpanOf(problem.path, problem.key)));
		} else {
			const message = problem.path.length === 0 && problem.keyword === 'type' ? 'a quiz block must hold a mapping of keys to values' : `${label}: ${problem.message}`;
			diagnostics.push(createDiagnostic(file, 'quiz-schema', message, parsed.spanOf(problem.path)));
		}
	}
	if (isRecord(data)) {
		const context = { file, parsed, label, diagnostics };
		if (type === 'single' || type === 'multiple') {
			checkChoices(data, type, context);
		} else if (type === 'order') {
			checkSteps(data, context);
		}
	}
	const idSpan = id !== undefined ? parsed.spanOf(['id']) : undefined;
	const uncounted = [{ count: check.moreErrors, rule: 'quiz-schema' as const }, { count: check.moreWarnings, rule: 'quiz-unknown-key' as const }];
	const capped = capDiagnostics(diagnostics, MAX_BLOCK_DIAGNOSTICS, label, file, anchor, uncounted);
	const result = { ...(id !== undefined ? { id } : {}), ...(idSpan ? { idSpan } : {}), diagnostics: capped };
	if (hasErrors(capped) || !isRecord(data)) {
		return result;
	}
	return { ...result, quiz: toQuiz(data, block.startLine) };
}
