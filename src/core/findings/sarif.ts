/**
 * Reading a SARIF 2.1.0 log (as CodeQL, Semgrep, ESLint's SARIF formatter and Bandit write it) into findings: the
 * rule, message, location and the CWE ids each result carries. The log may come from anyone, so the reader is
 * bounded in size, nesting, results and time, and treats every field as untrusted: a wrong type is a problem to
 * report, never a crash, and locations are only ever printed (see sarifLocation). Pure.
 */
import { jsonShape, MAX_JSON_DEPTH } from '../shared/jsonText';
import { isRecord } from '../shared/records';
import { oneLine } from '../shared/text';
import { cweOfMessage, cweOfTag, cweOfTaxonId } from './cweIds';
import { cwesOfRule } from './ruleCwe';
import { safeArtifactPath } from './sarifLocation';

/** Limits on one log. A large CodeQL log for a big repository is a few megabytes and far fewer results. */
export const SARIF_LIMITS = {
	/** Characters of JSON text read at all. */
	maxChars: 32 * 1024 * 1024,
	/** Results read across all runs; the rest are counted as left out. */
	maxResults: 20_000,
	/** Runs read. */
	maxRuns: 50,
	/** Rules per run, tags per rule or result, taxa per result looked at. */
	maxListItems: 10_000,
	/** Time for reading the results of one log, after parsing. */
	budgetMs: 5000,
	/** Problems kept per log (the rest are counted). */
	maxProblems: 20,
} as const;

/** Longest message kept for printing. */
const MAX_MESSAGE = 300;
/** Largest line number accepted. */
const MAX_LINE = 10_000_000;

export interface Finding {
	/** The tool that reported it (the run's driver name). */
	readonly tool: string;
	readonly ruleId?: string;
	/** One line, at most 300 characters. */
	readonly message: string;
	/** `CWE-<n>` ids, without repeats, in the order found. */
	readonly cwe: readonly string[];
	/** A safe path (see sarifLocation), absent when the result has no file location or it was refused. */
	readonly path?: string;
	readonly line?: number;
}

export interface SarifRead {
	readonly findings: readonly Finding[];
	/** Messages about results or fields that were left out, e.g. `run 1, result 3: …`. */
	readonly problems: readonly string[];
	/** Set when the log as a whole cannot be read; there are then no findings. */
	readonly error?: string;
}

export interface SarifOptions {
	/** The folder paths are made relative to (`/`-separated). */
	readonly root: string;
	/** Milliseconds, for the time budget. */
	readonly clock: () => number;
}

type Json = Record<string, unknown>;

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value.slice(0, SARIF_LIMITS.maxListItems) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const record = (value: unknown): Json | undefined => (isRecord(value) ? value : undefined);

/** CWE ids in a `properties.tags` list. */
function cwesOfTags(properties: unknown): string[] {
	return list(record(properties)?.tags).flatMap((tag) => {
		const cwe = typeof tag === 'string' ? cweOfTag(tag) : undefined;
		return cwe === undefined ? [] : [cwe];
	});
}

/** One run's lookups: its rules by index and id, and which taxonomies are CWE. */
interface RunContext {
	readonly tool: string;
	readonly rules: readonly unknown[];
	readonly rulesById: ReadonlyMap<string, Json>;
	readonly cweTaxonomies: ReadonlySet<number>;
}

function runContext(run: Json): RunContext {
	const driver = record(record(run.tool)?.driver);
	const tool = oneLine(text(driver?.name) ?? 'unknown tool').slice(0, 100);
	const extensionRules = list(record(run.tool)?.extensions).flatMap((ext) => list(record(ext)?.rules));
	const rules = list(driver?.rules);
	const rulesById = new Map<string, Json>();
	for (const rule of [...rules, ...extensionRules]) {
		const id = text(record(rule)?.id);
		if (id !== undefined && isRecord(rule) && !rulesById.has(id)) {
			rulesById.set(id, rule);
		}
	}
	const cweTaxonomies = new Set(list(run.taxonomies).flatMap((t, index) => (text(record(t)?.name)?.toUpperCase() === 'CWE' ? [index] : [])));
	return { tool, rules, rulesById, cweTaxonomies };
}

/** Is this reportingDescriptorReference (a taxon or a relationship's target) one of the CWE taxonomy? */
function isCweReference(reference: Json, context: RunContext): boolean {
	const component = record(reference.toolComponent);
	const index = component?.index;
	return text(component?.name)?.toUpperCase() === 'CWE' || (typeof index === 'number' && context.cweTaxonomies.has(index));
}

function cwesOfReferences(references: readonly unknown[], context: RunContext): string[] {
	return references.flatMap((ref) => {
		const reference = record(ref);
		const id = text(reference?.id);
		const cwe = reference && id !== undefined && isCweReference(reference, context) ? cweOfTaxonId(id) : undefined;
		return cwe === undefined ? [] : [cwe];
	});
}

function ruleOf(result: Json, context: RunContext): Json | undefined {
	const index = record(result.rule)?.index ?? result.ruleIndex;
	const byIndex = typeof index === 'number' ? record(context.rules[index]) : undefined;
	const id = text(result.ruleId) ?? text(record(result.rule)?.id);
	return byIndex ?? (id !== undefined ? context.rulesById.get(id) : undefined);
}

function locationOf(result: Json, run: Json, root: string, problem: (message: string) => void): { path?: string; line?: number } {
	const physical = record(record(list(result.locations)[0])?.physicalLocation);
	if (!physical) {
		return {};
	}
	const artifact = record(physical.artifactLocation);
	const indexed = typeof artifact?.index === 'number' ? record(record(list(run.artifacts)[artifact.index])?.location) : undefined;
	const uri = text(artifact?.uri) ?? text(indexed?.uri);
	const startLine = record(physical.region)?.startLine;
	const line = typeof startLine === 'number' && Number.isInteger(startLine) && startLine >= 1 && startLine <= MAX_LINE ? startLine : undefined;
	if (uri === undefined) {
		if (artifact?.uri !== undefined) {
			problem('location left out: "artifactLocation.uri" is not a string');
		}
		return {};
	}
	const safe = safeArtifactPath(uri, root);
	if ('problem' in safe) {
		problem(`location left out: ${safe.problem}`);
		return {};
	}
	return { path: safe.path, ...(line !== undefined ? { line } : {}) };
}

function readResult(result: Json, run: Json, context: RunContext, root: string, problem: (message: string) => void): Finding {
	const rule = ruleOf(result, context);
	const ruleId = text(result.ruleId) ?? text(rule?.id);
	if (result.ruleId !== undefined && typeof result.ruleId !== 'string') {
		problem('"ruleId" is not a string');
	}
	const messageText = text(record(result.message)?.text) ?? '';
	const cwe = [
		...cwesOfTags(result.properties),
		...cwesOfTags(rule?.properties),
		...cwesOfReferences(list(result.taxa), context),
		...cwesOfReferences(list(rule?.relationships).map((r) => record(r)?.target), context),
		...(ruleId !== undefined ? cwesOfRule(ruleId, context.tool) : []),
		...[cweOfMessage(messageText)].filter((c): c is string => c !== undefined),
	];
	return {
		tool: context.tool,
		...(ruleId !== undefined ? { ruleId: oneLine(ruleId).slice(0, 200) } : {}),
		message: oneLine(messageText).slice(0, MAX_MESSAGE),
		cwe: [...new Set(cwe)],
		...locationOf(result, run, root, problem),
	};
}

/** Checks the text before anything builds a value from it, and parses it. */
function parseLog(text: string): { log: Json } | { error: string } {
	if (text.length > SARIF_LIMITS.maxChars) {
		return { error: `larger than ${SARIF_LIMITS.maxChars} characters` };
	}
	if (jsonShape(text).tooDeepAt !== undefined) {
		return { error: `nested deeper than ${MAX_JSON_DEPTH} levels` };
	}
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
	}
	if (!isRecord(value) || value.version !== '2.1.0' || !Array.isArray(value.runs)) {
		return { error: 'not a SARIF 2.1.0 log (expected an object with "version": "2.1.0" and a "runs" list)' };
	}
	return { log: value };
}

/** Reads the findings of a SARIF 2.1.0 log within {@link SARIF_LIMITS}. Never throws. */
export function readSarif(logText: string, options: SarifOptions): SarifRead {
	const parsed = parseLog(logText);
	if ('error' in parsed) {
		return { findings: [], problems: [], error: parsed.error };
	}
	const findings: Finding[] = [];
	const problems: string[] = [];
	let moreProblems = 0;
	const started = options.clock();
	const runs = parsed.log.runs as unknown[];
	if (runs.length > SARIF_LIMITS.maxRuns) {
		problems.push(`only the first ${SARIF_LIMITS.maxRuns} of ${runs.length} runs were read`);
	}
	let seen = 0;
	outer: for (const [r, run] of runs.slice(0, SARIF_LIMITS.maxRuns).entries()) {
		if (!isRecord(run)) {
			problems.push(`run ${r + 1}: not an object`);
			continue;
		}
		const context = runContext(run);
		const results = Array.isArray(run.results) ? run.results : [];
		if (run.results !== undefined && !Array.isArray(run.results)) {
			problems.push(`run ${r + 1}: "results" is not a list`);
		}
		for (const [i, result] of results.entries()) {
			if (seen >= SARIF_LIMITS.maxResults) {
				problems.push(`only the first ${SARIF_LIMITS.maxResults} results were read`);
				break outer;
			}
			if (seen++ % 256 === 0 && options.clock() - started > SARIF_LIMITS.budgetMs) {
				problems.push(`stopped after ${SARIF_LIMITS.budgetMs} ms; ${findings.length} results were read`);
				break outer;
			}
			const problem = (message: string): void => {
				if (problems.length < SARIF_LIMITS.maxProblems) {
					problems.push(`run ${r + 1}, result ${i + 1}: ${message}`);
				} else {
					moreProblems++;
				}
			};
			if (!isRecord(result)) {
				problem('not an object');
				continue;
			}
			findings.push(readResult(result, run, context, options.root, problem));
		}
	}
	if (moreProblems > 0) {
		problems.push(`and ${moreProblems} more problem${moreProblems === 1 ? '' : 's'}`);
	}
	return { findings, problems };
}
