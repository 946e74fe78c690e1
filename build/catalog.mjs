// The bundled lessons' catalog, written at build time by the lesson parser itself (src/core/catalog/catalog.ts):
// what the Lessons view, the status bar and quick picks list before a lesson is opened, so the extension reads one
// JSON file instead of every lesson. A bundled lesson the parser rejects fails the build, naming file:line:column.
// `node esbuild.mjs` calls writeCatalog(); after editing a lesson under --watch, build again.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The parser and what it needs, bundled from src/ in memory and loaded (its libraries come from node_modules). */
function loadCore() {
	const contents = [
		`export { buildBundledCatalog } from './src/core/catalog/catalog';`,
		`export { decodeLessonBytes } from './src/core/shared/decode';`,
		`export { LESSON_LOCALES } from './src/core/lessons/lesson';`,
	].join('\n');
	const [{ text }] = esbuild.buildSync({
		stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'catalog-core.ts' },
		absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', packages: 'external', write: false, logLevel: 'silent',
	}).outputFiles;
	const module = { exports: {} };
	new Function('require', 'module', 'exports', text)(createRequire(path.join(ROOT, 'package.json')), module, module.exports);
	return module.exports;
}

/** Every `<locale>/*.md` under `lessonsDir`, decoded, in the order the extension used to read them. */
function lessonFiles(core, lessonsDir) {
	const files = [];
	const problems = [];
	for (const locale of core.LESSON_LOCALES) {
		let names;
		try {
			names = readdirSync(path.join(lessonsDir, locale), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
		} catch {
			continue; // a locale with no folder has no lessons
		}
		for (const name of names) {
			const file = `${locale}/${name}`;
			const { text, diagnostics } = core.decodeLessonBytes(readFileSync(path.join(lessonsDir, locale, name)), file);
			problems.push(...diagnostics);
			if (text !== undefined) {
				files.push({ file, locale, text });
			}
		}
	}
	return { files, problems };
}

/**
 * Parses every lesson under `lessonsDir` and writes their catalog to `out`. Throws, listing each error as
 * `lessons/en/name.md:line:column: message (code)`, when any lesson does not parse; writes nothing then. Warnings
 * are printed and returned.
 * @returns {{ lessons: number, warnings: string[] }}
 */
export function writeCatalog({ lessonsDir = path.join(ROOT, 'lessons'), out = path.join(ROOT, 'dist/catalog.json') } = {}) {
	const core = loadCore();
	const { files, problems } = lessonFiles(core, lessonsDir);
	const { catalog, diagnostics } = core.buildBundledCatalog(files);
	const shown = path.relative(process.cwd(), lessonsDir) || '.';
	const line = (d) => `${path.join(shown, d.file)}:${d.line}:${d.column}: ${d.message} (${d.code})`;
	const all = [...problems, ...diagnostics];
	const errors = all.filter((d) => d.severity === 'error').map(line);
	if (errors.length > 0) {
		throw new Error(`bundled lessons that do not parse:\n${errors.join('\n')}`);
	}
	const warnings = all.filter((d) => d.severity !== 'error').map(line);
	for (const warning of warnings) {
		console.warn(`warning: ${warning}`);
	}
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, `${JSON.stringify(catalog)}\n`);
	return { lessons: catalog.lessons.length, warnings };
}
