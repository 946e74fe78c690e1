/**
 * Parses JSON files the team keeps in the repository (assignments) with positions, so problems point at the
 * offending value. Comments and trailing commas are tolerated, as VS Code tolerates them in settings. Pure.
 */
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError, type SyntaxKind } from 'jsonc-parser';
import type { SourceSpan } from '../lessons/rules';
import { createPositionMapper, stripBom } from './text';
import type { PathSegment } from './yamlBlock';

/** A parsed JSON document: its value and the file position of any path in it. */
export interface ParsedJson {
	readonly value: unknown;
	/** The span of the value at `path`, or of its deepest existing ancestor (the whole document for `[]`). */
	spanOf(path: readonly PathSegment[]): SourceSpan;
	/** The span of the key `key` of the object at `path`, or `spanOf(path)` when there is no such key. */
	keySpanOf(path: readonly PathSegment[], key: string): SourceSpan;
}

/** A syntax error, located. */
export interface JsonSyntaxProblem {
	readonly span: SourceSpan;
	readonly message: string;
}

/**
 * How deep arrays and objects may nest. Our files nest a handful of levels; the libraries that build and walk the
 * tree (jsonc-parser, the value copy below, the validators) recurse once per level and overflow the stack at a few
 * thousand, so deeper text is refused before any of them sees it.
 */
export const MAX_JSON_DEPTH = 100;

/** jsonc-parser's token kinds (a const enum, which isolated modules cannot read). */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, eof: 17 } as const satisfies Record<string, SyntaxKind>;

/** What one linear pass over JSON text finds before anything builds a value from it. */
export interface JsonShape {
	/** The offset of the first `[` or `{` that opens level {@link MAX_JSON_DEPTH} + 1 (the pass stops there). */
	readonly tooDeepAt?: number;
	/** How many arrays and objects the text opens. */
	readonly containers: number;
}

/** One pass of jsonc-parser's scanner (strings and comments are skipped as tokens), no recursion, no values built. */
export function jsonShape(text: string): JsonShape {
	const scanner = createScanner(text, true);
	let depth = 0;
	let containers = 0;
	for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
		if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
			containers++;
			if (++depth > MAX_JSON_DEPTH) {
				return { tooDeepAt: scanner.getTokenOffset(), containers };
			}
		} else if ((token === TOKEN.closeBrace || token === TOKEN.closeBracket) && depth > 0) {
			depth--;
		}
	}
	return { containers };
}

/** The message for text that nests too deep. */
export const TOO_DEEP_MESSAGE = `invalid JSON: arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep`;

/** Plain data from a node; objects get own properties only, so a `__proto__` key is just a key. */
function nodeValue(node: Node): unknown {
	switch (node.type) {
		case 'object': {
			const result: Record<string, unknown> = {};
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (key && value) {
					Object.defineProperty(result, String(key.value), { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
				}
			}
			return result;
		}
		case 'array':
			return (node.children ?? []).map(nodeValue);
		default:
			return node.value as unknown;
	}
}

function errorMessage(error: ParseError): string {
	const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	return `invalid JSON: ${words}`;
}

/**
 * Parses `text` (a BOM is ignored). Returns the syntax problems, one per line, and no document when there is any,
 * so a half-written file is never read as something it does not say; text nested deeper than
 * {@link MAX_JSON_DEPTH} is one problem at the opening bracket that goes too deep. Never throws.
 */
export function parseJsonText(text: string): { parsed?: ParsedJson; problems: JsonSyntaxProblem[] } {
	const body = stripBom(text);
	const bom = text.length - body.length;
	const position = createPositionMapper(text);
	const span = (offset: number, length: number): SourceSpan => {
		const start = position(offset + bom);
		const end = position(offset + bom + Math.max(length - 1, 0));
		return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
	};
	const deep = jsonShape(body).tooDeepAt;
	if (deep !== undefined) {
		return { problems: [{ span: span(deep, 1), message: TOO_DEEP_MESSAGE }] };
	}
	const errors: ParseError[] = [];
	const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
	const problems: JsonSyntaxProblem[] = [];
	const lines = new Set<number>();
	for (const error of errors) {
		const at = span(error.offset, error.length);
		if (!lines.has(at.line)) {
			lines.add(at.line);
			problems.push({ span: at, message: errorMessage(error) });
		}
	}
	if (!root) {
		return { problems: problems.length > 0 ? problems : [{ span: span(0, 1), message: 'invalid JSON: the file holds no value' }] };
	}
	if (problems.length > 0) {
		return { problems };
	}
	const nodeSpan = (node: Node): SourceSpan => span(node.offset, node.length);
	const deepest = (path: readonly PathSegment[]): Node => {
		for (let depth = path.length; depth > 0; depth--) {
			const node = findNodeAtLocation(root, [...path.slice(0, depth)]);
			if (node) {
				return node;
			}
		}
		return root;
	};
	const parsed: ParsedJson = {
		value: nodeValue(root),
		spanOf: (path) => nodeSpan(deepest(path)),
		keySpanOf: (path, key) => {
			const value = findNodeAtLocation(root, [...path, key]);
			const keyNode = value?.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
			return keyNode ? nodeSpan(keyNode) : parsed.spanOf(path);
		},
	};
	return { parsed, problems };
}
