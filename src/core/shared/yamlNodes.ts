/**
 * One pass over a parsed YAML document: where each alias points, and how large the data is once every alias is
 * expanded. The yaml library resolves an alias by walking the whole document each time and its `maxAliasCount`
 * does not count the size of what an alias repeats, so both are done here once, in linear time. Pure.
 */
import { isAlias, isCollection, isPair, isScalar } from 'yaml';
import type { Alias, Document, Node } from 'yaml';

/** The most alias nodes a block may contain; lessons have no use for many. */
export const MAX_ALIAS_NODES = 100;
/**
 * The most values (scalars and collections, keys included) a block may hold with every alias expanded. Far above
 * any real lesson and above what fits in the YAML a lesson may have without aliases; it bounds the work of the
 * schema checks, which visit the expanded data.
 */
export const MAX_EXPANDED_VALUES = 50_000;

/** What {@link analyzeNodes} found. */
export interface NodeAnalysis {
	/** Each alias's node: the last node before it with that anchor, as YAML (and the yaml library) resolve it. */
	readonly targets: ReadonlyMap<Alias, Node>;
	/** Why the block is refused, and the node to point at (undefined: the block as a whole). */
	readonly problem?: { readonly message: string; readonly node?: Node };
}

function children(node: unknown): unknown[] {
	if (isCollection(node)) {
		return node.items;
	}
	return isPair(node) ? [node.key, node.value] : [];
}

/**
 * Walks `doc` depth first without recursion (a deeply nested block must not overflow the stack). A node is entered
 * in document order, so an alias finds its anchor among the nodes entered before it, and it is left after all its
 * children, so its expanded size is theirs summed; an alias's anchor is left before the alias is, unless the alias
 * is inside it (a self-reference).
 */
export function analyzeNodes(doc: Document.Parsed): NodeAnalysis {
	const targets = new Map<Alias, Node>();
	const anchors = new Map<string, Node>();
	const sizes = new Map<unknown, number>();
	let aliasCount = 0;
	let largest: { alias: Alias; size: number } | undefined;
	const stack: { node: unknown; entered: boolean }[] = [{ node: doc.contents, entered: false }];
	while (stack.length > 0) {
		const frame = stack.pop() as { node: unknown; entered: boolean };
		const { node } = frame;
		if (!frame.entered) {
			if (isAlias(node)) {
				aliasCount++;
				const target = anchors.get(node.source);
				if (target) {
					targets.set(node, target);
				}
				if (aliasCount > MAX_ALIAS_NODES) {
					return { targets, problem: { message: `more than ${MAX_ALIAS_NODES} aliases`, node } };
				}
				if (target && !sizes.has(target)) {
					return { targets, problem: { message: 'an alias refers to a node that contains it', node } };
				}
				const size = target ? sizes.get(target) ?? 1 : 1;
				sizes.set(node, size);
				if (!largest || size > largest.size) {
					largest = { alias: node, size };
				}
				continue;
			}
			if ((isScalar(node) || isCollection(node)) && node.anchor) {
				anchors.set(node.anchor, node);
			}
			frame.entered = true;
			stack.push(frame);
			const items = children(node);
			for (let i = items.length - 1; i >= 0; i--) {
				stack.push({ node: items[i], entered: false });
			}
			continue;
		}
		let size = isScalar(node) || isCollection(node) ? 1 : 0;
		for (const child of children(node)) {
			size += sizes.get(child) ?? 0;
		}
		sizes.set(node, size);
	}
	const total = sizes.get(doc.contents) ?? 0;
	if (total > MAX_EXPANDED_VALUES) {
		const message = `it holds more than ${MAX_EXPANDED_VALUES} values${largest ? ' with its aliases expanded' : ''}`;
		return { targets, problem: { message, ...(largest ? { node: largest.alias } : {}) } };
	}
	return { targets };
}
