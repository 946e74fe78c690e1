/** Loads TypeScript written by a test (a lesson's sample or an exercise's file) as a module of its own. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let moduleDir: string | undefined;
let counter = 0;

/** Writes TypeScript `text` to a fresh temporary .ts module and imports it (tsx compiles it), so each version loads on its own. */
export async function importTs<T>(text: string): Promise<T> {
	moduleDir ??= mkdtempSync(join(tmpdir(), 'lesson-code-'));
	const file = join(moduleDir, `module${++counter}.ts`);
	writeFileSync(file, text);
	return await import(pathToFileURL(file).href) as T;
}
