/**
 * Adding to an assignments file the way a lead would by hand: what is there stays as it is (entries, order,
 * comments, indentation), and the new lessons join an entry with the same due date and audience or form a new
 * entry at the end. Pure.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node } from 'jsonc-parser';
import { ASSIGNMENTS_VERSION } from './assignments';
import { parseJsonText } from '../shared/jsonText';
import { isRecord } from '../shared/records';
import { stripBom } from '../shared/text';

/** What the Assign Lessons command adds. */
export interface NewAssignment {
	readonly lessons: readonly string[];
	readonly tracks: readonly string[];
	readonly due: string;
	readonly audience?: string;
	readonly note?: string;
}

/** The edited text, or why the file was left alone. */
export type AssignmentEdit =
	| { readonly kind: 'created' | 'appended' | 'merged'; readonly text: string }
	| { readonly kind: 'refused'; readonly reason: string };

function entryOf(add: NewAssignment): Record<string, unknown> {
	return {
		...(add.lessons.length > 0 ? { lessons: [...add.lessons] } : {}),
		...(add.tracks.length > 0 ? { tracks: [...add.tracks] } : {}),
		due: add.due,
		...(add.audience ? { audience: add.audience } : {}),
		...(add.note ? { note: add.note } : {}),
	};
}

/** Tabs or the indentation width the file already uses, and its line ending. */
function formattingOf(text: string): FormattingOptions {
	const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '\t';
	return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** JSON on one line, spaced the way people write it by hand: `{ "lessons": ["a"], "due": "2026-11-27" }`. */
function inlineJson(value: unknown): string {
	if (Array.isArray(value)) {
		return `[${value.map(inlineJson).join(', ')}]`;
	}
	if (isRecord(value)) {
		return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
	}
	return JSON.stringify(value);
}

/**
 * Inserts after `last`, the last child of `container`, in the style of the file: on its own line with the same
 * indentation when the children are on lines of their own (`ownLine(indent)` gives the text), else inline after `, `.
 */
function insertAfter(text: string, container: Node, last: Node, inline: string, ownLine: (indent: string, eol: string) => string, options: FormattingOptions): string {
	const end = last.offset + last.length;
	let insert = `, ${inline}`;
	if (text.slice(container.offset, last.offset).includes('\n')) {
		const lineStart = text.lastIndexOf('\n', last.offset) + 1;
		const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
		const eol = options.eol ?? '\n';
		insert = `,${eol}${indent}${ownLine(indent, eol)}`;
	}
	return text.slice(0, end) + insert + text.slice(end);
}

/** Adds `value` after the last element of `array`, pretty-printed like that element when it spans lines. */
function appendAfterLast(text: string, array: Node, last: Node, value: unknown, options: FormattingOptions): string {
	const unit = options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t';
	const pretty = text.slice(last.offset, last.offset + last.length).includes('\n') && isRecord(value);
	return insertAfter(text, array, last, inlineJson(value), (indent, eol) => pretty && isRecord(value)
		? `{${eol}${Object.entries(value).map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${inlineJson(v)}`).join(`,${eol}`)}${eol}${indent}}`
		: inlineJson(value), options);
}

/** Adds the property `key` to the object at `path`, after its last property, in the same style. */
function addProperty(text: string, path: readonly (string | number)[], key: string, value: unknown, options: FormattingOptions): string {
	const root = parseTree(text, [], { allowTrailingComma: true });
	const object = root ? findNodeAtLocation(root, [...path]) : undefined;
	const last = object?.children?.[object.children.length - 1];
	if (object?.type !== 'object' || !last) {
		return applyEdits(text, modify(text, [...path, key], value, { formattingOptions: options }));
	}
	const member = `${JSON.stringify(key)}: ${inlineJson(value)}`;
	return insertAfter(text, object, last, member, () => member, options);
}

/** Appends to the array at `path`, keeping the file's style; an empty or missing array is written by jsonc-parser. */
function append(text: string, path: readonly (string | number)[], value: unknown, options: FormattingOptions): string {
	const root = parseTree(text, [], { allowTrailingComma: true });
	const array = root ? findNodeAtLocation(root, [...path]) : undefined;
	const last = array?.type === 'array' ? array.children?.[array.children.length - 1] : undefined;
	if (array && last) {
		return appendAfterLast(text, array, last, value, options);
	}
	return applyEdits(text, modify(text, array ? [...path, -1] : [...path], array ? value : [value], { formattingOptions: options }));
}

/** A new file holding just this assignment. */
export function newAssignmentsText(add: NewAssignment): string {
	return `${JSON.stringify({ version: ASSIGNMENTS_VERSION, assignments: [entryOf(add)] }, undefined, '\t')}\n`;
}

/**
 * Adds `add` to the assignments file `text` (undefined or blank: the file does not exist yet). An existing entry
 * with the same due date, audience and note gets the lessons and tracks it lacks; otherwise a new entry is appended.
 * Refuses — and changes nothing — when the file is not valid JSON, not an object, or from a newer format version.
 */
export function addAssignment(text: string | undefined, add: NewAssignment): AssignmentEdit {
	if (text === undefined || text.trim() === '') {
		return { kind: 'created', text: newAssignmentsText(add) };
	}
	const { parsed } = parseJsonText(text);
	if (!parsed || !isRecord(parsed.value)) {
		return { kind: 'refused', reason: 'the file is not a valid JSON object; fix it first' };
	}
	const root = parsed.value;
	if (typeof root.version === 'number' && root.version > ASSIGNMENTS_VERSION) {
		return { kind: 'refused', reason: `the file has format version ${root.version}, newer than this release writes` };
	}
	const options = formattingOf(text);
	const body = stripBom(text);
	const bom = body === text ? '' : '\uFEFF';
	if (!Array.isArray(root.assignments)) {
		return { kind: 'appended', text: bom + append(body, ['assignments'], entryOf(add), options) };
	}
	const entries: unknown[] = root.assignments;
	const same = entries.findIndex((e) => isRecord(e) && e.due === add.due && e.audience === add.audience
		&& (e.note === add.note || (e.note === undefined && !add.note)));
	const target = entries[same];
	if (same < 0 || !isRecord(target)) {
		return { kind: 'appended', text: bom + append(body, ['assignments'], entryOf(add), options) };
	}
	let edited = body;
	for (const key of ['lessons', 'tracks'] as const) {
		const have: unknown = target[key];
		const existing = Array.isArray(have) ? have : [];
		const missing = add[key].filter((id) => !existing.includes(id));
		if (missing.length === 0) {
			continue;
		}
		edited = Array.isArray(have)
			? missing.reduce((t, id) => append(t, ['assignments', same, key], id, options), edited)
			: addProperty(edited, ['assignments', same], key, missing, options);
	}
	return { kind: 'merged', text: bom + edited };
}
