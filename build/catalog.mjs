// The bundled lessons' catalog and packs, written at build time by the lesson parser itself (src/core/catalog/catalog.ts):
// the catalog is what the Lessons view, the status bar and quick picks list before a lesson is opened; each locale's
// pack of parsed lessons is a line of dist/lessons.json.zst (Zstandard: the lessons compress far better as one stream
// than file by file in the .vsix, and both hosts decode it with the same small chunk), read when the first lesson is
// opened. The extension parses no bundled lesson file.
// A bundled lesson the parser rejects fails the build, naming file:line:column.
// `node esbuild.mjs` calls writeCatalog(); after editing a lesson under --watch, build again.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The encoder's WebAssembly, instantiated once: a second init() while the first instance is in use corrupts its output. */
let zstdReady;

/** The parser and what it needs, bundled from src/ in memory and loaded (its libraries come from node_modules). */
function loadCore() {
	const contents = [
		`export { buildBundledCatalog } from './src/core/catalog/catalog';`,
		`export { decodeLessonBytes } from './src/core/shared/decode';`,
		`export { LESSON_LOCALES } from './src/core/lessons/lesson';`,
		`export { LESSON_PACKS_FILE, writeLessonPacks } from './src/core/catalog/lessonPack';`,
		`export { resolveExercise } from './src/core/exercises/resolve';`,
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
 * The pack's lessons with every exercise file a lesson references (`../exercises/<id>/…`) read into it: the extension
 * ships no lesson folder. A file that cannot be read is an error naming the lesson file, as for the lesson itself.
 */
async function inlineExerciseFiles(core, pack, lessonsDir) {
	const errors = [];
	for (const [id, lesson] of Object.entries(pack.lessons)) {
		const file = `${pack.locale}/${id}.md`;
		const read = async (ref) => readFileSync(path.join(lessonsDir, pack.locale, ref), 'utf8');
		const exercises = [];
		for (const exercise of lesson.exercises ?? []) {
			const { exercise: resolved, diagnostics } = await core.resolveExercise(exercise, read, file);
			errors.push(...diagnostics);
			if (resolved) {
				const { starterFiles, solutionFiles, ...rest } = resolved;
				exercises.push({
					...rest,
					files: rest.files.map((f) => ({ ...f, starter: { text: starterFiles.get(f.path) } })),
					solution: rest.solution.map((s) => ({ ...s, content: { text: solutionFiles.get(s.path) } })),
				});
			}
		}
		pack.lessons[id] = { ...lesson, exercises };
	}
	return errors;
}

/**
 * Parses every lesson under `lessonsDir` and writes their catalog to `out` and the locales' packs beside it
 * (`lessons.json.zst` in the same folder). Throws, listing each error as
 * `lessons/en/name.md:line:column: message (code)`, when any lesson does not parse; writes nothing then. Warnings
 * are printed and returned.
 * @returns {{ lessons: number, warnings: string[] }}
 */
export async function writeCatalog({ lessonsDir = path.join(ROOT, 'lessons'), out = path.join(ROOT, 'dist/catalog.json') } = {}) {
	const core = loadCore();
	const { files, problems } = lessonFiles(core, lessonsDir);
	const { catalog, packs, diagnostics } = core.buildBundledCatalog(files);
	const shown = path.relative(process.cwd(), lessonsDir) || '.';
	const line = (d) => `${path.join(shown, d.file)}:${d.line}:${d.column}: ${d.message} (${d.code})`;
	const all = [...problems, ...diagnostics];
	for (const pack of packs) {
		all.push(...await inlineExerciseFiles(core, pack, lessonsDir));
	}
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
	// What older builds wrote instead.
	rmSync(path.join(path.dirname(out), 'lessons'), { recursive: true, force: true });
	rmSync(path.join(path.dirname(out), 'lessons.json.br'), { force: true });
	const json = Buffer.from(core.writeLessonPacks(packs));
	// Level 19's window spans the whole text, so a later locale's pack refers back to what it shares with the first.
	zstdReady ??= initZstd();
	await zstdReady;
	writeFileSync(path.join(path.dirname(out), core.LESSON_PACKS_FILE), compress(json, 19));
	return { lessons: catalog.lessons.length, warnings };
}
