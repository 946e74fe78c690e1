// Bundle sizes (the files `npm run build` wrote) and what they are made of (a metafile of the same build, made in
// memory by bench/metafile/, so the normal build stays as it is), plus the core bundles the timing scripts load.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, run } from '../test/harness/codeServer.mjs';

/** The bundles the issue names; any other dist/*.js (the library chunks) is listed as well, without a target. */
const NAMES = {
	'dist/extension.js': 'extension entry (Node)',
	'dist/activation.js': 'the extension, run by both entries',
	'dist/extension-browser.js': 'extension entry (browser)',
	'dist/render.js': 'lazy render chunk',
	'dist/webview.js': 'webview script',
	'dist/cli.js': 'CLI',
};

/** `node_modules/yaml/dist/x.js` → `yaml`; `src/core/x.ts` stays `src/core/x.ts`; JSON imports keep their path. */
function packageOf(input) {
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
	return match ? match[1] : input;
}

/**
 * Runs the repository's own esbuild.mjs with its esbuild swapped for bench/metafile/shim.mjs (see there) and
 * returns, per dist/*.js, its size and what it is made of: bytes in the output per package or source file.
 */
export async function bundleComposition(tmpDir) {
	const metafile = path.join(tmpDir, 'metafile.json');
	await run(process.execPath, ['--import', './bench/metafile/register.mjs', 'esbuild.mjs', '--production'],
		{ env: { ...process.env, BENCH_METAFILE: metafile }, quiet: true });
	const outputs = JSON.parse(readFileSync(metafile, 'utf8'));
	const result = {};
	for (const [file, output] of Object.entries(outputs)) {
		if (!file.endsWith('.js')) {
			continue;
		}
		const parts = new Map();
		for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
			const key = packageOf(input);
			parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
		}
		result[file] = { rebuiltBytes: output.bytes, parts: [...parts].sort((a, b) => b[1] - a[1]).map(([input, bytes]) => ({ input, bytes })) };
	}
	return result;
}

/**
 * The same build without --production (not minified, a `// path` comment before each module) written to
 * `outDir` instead of dist/: the extension copies whose host runs are profiled load it, so profiles name modules.
 */
export async function buildReadableDist(outDir) {
	await run(process.execPath, ['--import', './bench/metafile/register.mjs', 'esbuild.mjs'],
		{ env: { ...process.env, BENCH_METAFILE: path.join(outDir, '..', 'metafile-readable.json'), BENCH_OUTDIR: outDir }, quiet: true });
	return outDir;
}

/** Size on disk and gzipped (what a download costs) of each built bundle: the named ones first. */
export function bundleSizes(composition) {
	const files = [...new Set([...Object.keys(NAMES), ...Object.keys(composition).sort()])];
	return files.map((file) => {
		const full = path.join(ROOT, file);
		const name = NAMES[file] ?? `lazy chunk (${path.basename(file, '.js')})`;
		if (!existsSync(full)) {
			return { name, file, bytes: undefined };
		}
		return { name, file, bytes: statSync(full).size, gzipBytes: gzipSync(readFileSync(full)).length };
	});
}

/**
 * Builds bench/tmp/core.cjs (minified, as the extension ships its code) and bench/tmp/core-dev.cjs (readable,
 * with `// path` comments between modules, for profiles) exporting the core functions the timings call.
 */
export async function buildCoreBundles(outDir) {
	const contents = [
		`export { buildBundledCatalog } from './src/core/catalog/catalog';`,
		`export { bundledEntries, readBundledCatalog } from './src/core/catalog/lessonEntry';`,
		`export { parseLesson } from './src/core/lessons/parseLesson';`,
		`export { findFrontMatter } from './src/core/lessons/frontMatter';`,
		`export { scanFences } from './src/core/lessons/fences';`,
		`export { splitLines, stripBom } from './src/core/shared/text';`,
		`export { renderLesson } from './src/core/page/render';`,
		`export { runChecks } from './src/core/exercises';`,
		`export { default as markdownIt } from 'markdown-it';`,
		`export { syncedProgressSizes } from './test/unit/helpers/learnerProgress';`,
	].join('\n');
	const common = {
		absWorkingDir: ROOT,
		stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-core.ts' },
		bundle: true, platform: 'node', format: 'cjs', target: 'es2022', legalComments: 'none',
		mainFields: ['module', 'main'], logLevel: 'silent',
	};
	const minified = path.join(outDir, 'core.cjs');
	const readable = path.join(outDir, 'core-dev.cjs');
	await Promise.all([
		esbuild.build({ ...common, minify: true, outfile: minified }),
		esbuild.build({ ...common, minify: false, outfile: readable }),
	]);
	return { minified, readable };
}

/**
 * What the .vsix holds, from the zip's central directory: compressed bytes per part (each dist/ file, then
 * lessons/, media/, ... and the package's own files together), largest first.
 */
export function vsixComposition(file) {
	const zip = readFileSync(file);
	let end = zip.length - 22;
	while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) {
		end--;
	}
	if (end < 0) {
		return [];
	}
	const count = zip.readUInt16LE(end + 10);
	let offset = zip.readUInt32LE(end + 16);
	const parts = new Map();
	for (let i = 0; i < count && zip.readUInt32LE(offset) === 0x02014b50; i++) {
		const compressed = zip.readUInt32LE(offset + 20);
		const nameLength = zip.readUInt16LE(offset + 28);
		const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/^extension\//, '');
		const key = name.startsWith('dist/') ? name : name.includes('/') ? `${name.split('/')[0]}/` : '(manifest, readme, licence)';
		parts.set(key, (parts.get(key) ?? 0) + compressed);
		offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
	}
	return [...parts].sort((a, b) => b[1] - a[1]).map(([part, bytes]) => ({ part, bytes }));
}
