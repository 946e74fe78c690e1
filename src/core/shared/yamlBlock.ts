/**
 * Parses a YAML block cut out of a lesson file (the front matter or a quiz) and maps positions inside it
 * back to file lines and columns, so diagnostics point at the offending node. Pure.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import type { Diagnostic } from '../lessons/lesson';
import { createDiagnostic } from '../lessons/rules';
import type { RuleId, SourceSpan } from '../lessons/rules';
import { analyzeNodes } from './yamlNodes';

/** One segment of a path into YAML data: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Where a YAML block sits in the file. */
export interface YamlSource {
	/** The block's lines (already split, indentation of an indented fence removed). */
	readonly lines: readonly string[];
	/** 1-based file line of `lines[0]`. */
	readonly firstLine: number;
	/** For each line, how many columns were removed before it reached `lines` (default 0). */
	readonly indent?: readonly number[];
	/** Where to report problems that have no better place (e.g. the opening fence). */
	readonly anchor: SourceSpan;
}

/** A parsed YAML block: its plain value and a way to find where a path's node is in the file. */
export interface ParsedYaml {
	/** The data as plain JavaScript values (`null` for an empty block). */
	readonly value: unknown;
	/** The span of the node at `path` (or of the deepest existing ancestor; the block anchor for the root). */
	spanOf(path: readonly PathSegment[]): SourceSpan;
	/** The span of the key `key` in the mapping at `path`, or `spanOf(path)` when there is no such key. */
	keySpanOf(path: readonly PathSegment[], key: string): SourceSpan;
}

/** The most aliases a block may expand, against "billion laughs" documents (checked again by the yaml library). */
const MAX_ALIAS_COUNT = 100;

function keyText(key: unknown): string {
	return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Keys that repeat an earlier scalar key of the same mapping. Done here in linear time: the yaml library's own
 * `uniqueKeys` check compares every key with every other, which takes minutes on a block with many keys.
 */
function duplicateKeys(doc: Document.Parsed): Node[] {
	const duplicates: Node[] = [];
	visit(doc, {
		Map(_key, map) {
			const seen = new Set<string>();
			for (const { key } of map.items) {
				if (isScalar(key)) {
					const text = `${typeof key.value}:${String(key.value)}`;
					if (seen.has(text)) {
						duplicates.push(key);
					}
					seen.add(text);
				}
			}
		},
	});
	return duplicates;
}

/** Each mapping's pairs by key (the first pair wins, as a lookup in order would), built once per mapping. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, segment: PathSegment): Pair | undefined {
	let index = pairIndexes.get(map);
	if (!index) {
		index = new Map();
		for (const pair of map.items) {
			const text = keyText(pair.key);
			if (!index.has(text)) {
				index.set(text, pair);
			}
		}
		pairIndexes.set(map, index);
	}
	return index.get(String(segment));
}

interface Located {
	readonly node?: Node;
	readonly key?: Node;
	/** How many path segments were found. */
	readonly depth: number;
}

/** The node at `path`, following aliases through `targets` (resolving one with the library walks the whole document). */
function locate(doc: Document.Parsed, targets: ReadonlyMap<Alias, Node>, path: readonly PathSegment[]): Located {
	let current: unknown = doc.contents;
	let found: Located = { depth: 0 };
	for (const segment of path) {
		const node = isAlias(current) ? targets.get(current) : current;
		if (isMap(node)) {
			const pair = pairOf(node, segment);
			if (!pair) {
				break;
			}
			const key = isScalar(pair.key) ? pair.key : undefined;
			const value = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) || isAlias(pair.value) ? pair.value : undefined;
			found = { node: value?.range ? value : key, key, depth: found.depth + 1 };
			current = pair.value;
		} else if (isSeq(node)) {
			const item: unknown = node.items[Number(segment)];
			if (!(isScalar(item) || isMap(item) || isSeq(item) || isAlias(item))) {
				break;
			}
			found = { node: item, depth: found.depth + 1 };
			current = item;
		} else {
			break;
		}
	}
	return found;
}

function createSpanMapper(source: YamlSource, text: string, counter: LineCounter): (start: number, end: number) => SourceSpan {
	const toFile = (offset: number): { line: number; column: number } => {
		const { line, col } = counter.linePos(offset);
		return { line: source.firstLine + line - 1, column: col + (source.indent?.[line - 1] ?? 0) };
	};
	return (start, rawEnd) => {
		const from = toFile(start);
		// Node ranges may include the line break after them; the span ends at the last visible character.
		let end = rawEnd;
		while (end > start && /\s/.test(text[end - 1] ?? '')) {
			end--;
		}
		if (end <= start) {
			return from;
		}
		const to = toFile(end - 1);
		return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
	};
}

/**
 * Parses `source` as one YAML 1.2 document (core schema: dates stay strings, no custom types).
 * Syntax errors, duplicate keys, several documents and alias bombs become `yaml-syntax` diagnostics
 * (one per line) and no parsed value. Never throws.
 */
export function parseYamlBlock(source: YamlSource, file: string, what: string): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
	const counter = new LineCounter();
	const text = source.lines.join('\n');
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
	const mapSpan = createSpanMapper(source, text, counter);
	const diagnostics: Diagnostic[] = [];
	const reportedLines = new Set<number>();
	for (const error of doc.errors) {
		const span = mapSpan(error.pos[0], error.pos[1]);
		if (!reportedLines.has(span.line)) {
			reportedLines.add(span.line);
			const detail = error.message.split('\n')[0] ?? error.message;
			diagnostics.push(createDiagnostic(file, 'yaml-syntax', `invalid YAML in the ${what}: ${detail}`, span));
		}
	}
	for (const key of duplicateKeys(doc)) {
		const span = key.range ? mapSpan(key.range[0], key.range[1]) : source.anchor;
		if (!reportedLines.has(span.line)) {
			reportedLines.add(span.line);
			diagnostics.push(createDiagnostic(file, 'yaml-syntax', `invalid YAML in the ${what}: Map keys must be unique`, span));
		}
	}
	if (diagnostics.length > 0) {
		return { diagnostics };
	}
	const { targets, problem } = analyzeNodes(doc);
	if (problem) {
		const span = problem.node?.range ? mapSpan(problem.node.range[0], problem.node.range[1]) : source.anchor;
		return { diagnostics: [createDiagnostic(file, 'yaml-syntax', `invalid YAML in the ${what}: ${problem.message}`, span)] };
	}
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return { diagnostics: [createDiagnostic(file, 'yaml-syntax', `invalid YAML in the ${what}: ${detail}`, source.anchor)] };
	}
	const spanOfNode = (node: Node | undefined): SourceSpan | undefined => node?.range ? mapSpan(node.range[0], node.range[1]) : undefined;
	const parsed: ParsedYaml = {
		value,
		spanOf: (path) => path.length === 0 ? source.anchor : spanOfNode(locate(doc, targets, path).node) ?? source.anchor,
		keySpanOf: (path, key) => {
			const located = locate(doc, targets, [...path, key]);
			return (located.depth === path.length + 1 ? spanOfNode(located.key) : undefined) ?? parsed.spanOf(path);
		},
	};
	return { parsed, diagnostics };
}

/** Builds a diagnostic at the node of `path` in a parsed block. */
export function diagnosticAt(file: string, parsed: ParsedYaml, path: readonly PathSegment[], rule: RuleId, message: string): Diagnostic {
	return createDiagnostic(file, rule, message, parsed.spanOf(path));
}
