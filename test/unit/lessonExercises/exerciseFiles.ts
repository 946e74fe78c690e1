/**
 * Reads the bundled exercises' starter and solution files, and loads a TypeScript exercise file (or a variant of
 * it) as a module, so a test can run the reference solution and the variants instead of only matching them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Variant } from '../helpers/exerciseVariants';

const exercisesRoot = join(import.meta.dirname, '..', '..', '..', 'lessons', 'exercises');

/** The text of `lessons/exercises/<lessonId>/<kind>/<file>`. */
export function exerciseFile(lessonId: string, kind: 'starter' | 'solution', file: string): string {
	return readFileSync(join(exercisesRoot, lessonId, kind, file), 'utf8');
}

/** `text` with `from` replaced by `to`; throws when `from` is not in it, so a variant cannot silently equal its base. */
export function edit(text: string, from: string, to: string): string {
	if (!text.includes(from)) {
		throw new Error(`variant base does not contain: ${from}`);
	}
	return text.replace(from, to);
}

/** A variant named `name` whose `file` is `base` with each [from, to] edit applied in turn. */
export function editedVariant(name: string, file: string, base: string, ...edits: readonly (readonly [string, string])[]): Variant {
	return { name, files: { [file]: edits.reduce((text, [from, to]) => edit(text, from, to), base) } };
}

/** `run` over the starter, the solution and each variant's `file`, keyed by "starter", "solution" and variant name. */
export async function outcomes<T>(
	file: string, starter: string, solution: string, variants: readonly Variant[], run: (text: string) => Promise<T>,
): Promise<Map<string, T>> {
	const results = new Map<string, T>([['starter', await run(starter)], ['solution', await run(solution)]]);
	for (const { name, files } of variants) {
		results.set(name, await run(files[file] ?? ''));
	}
	return results;
}

let moduleDir: string | undefined;
let counter = 0;

/** Writes TypeScript `text` to a fresh temporary .ts module and imports it (tsx compiles it). */
export async function importTs<T>(text: string): Promise<T> {
	moduleDir ??= mkdtempSync(join(tmpdir(), 'lesson-exercises-'));
	const file = join(moduleDir, `module${++counter}.ts`);
	writeFileSync(file, text);
	return await import(pathToFileURL(file).href) as T;
}
