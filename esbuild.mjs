// Builds one minified bundle per entry point. `--watch` rebuilds on change; `--production` drops source maps.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** A relative import's source file, from the repository root and without extension: `src/core/page/render`. */
const sourceOf = (args) => path.relative(process.cwd(), path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');

/**
 * The libraries load as chunks of their own, so activation pays for none of them: markdown-it and the renderer
 * (dist/render.js), the parsers (YAML, JSON with schemas: dist/parsers.js), the trigger matcher
 * and the exercise checks (re2js, dist/patterns.js), the review scheduler (ts-fsrs, dist/reviews.js) and the lesson packs'
 * decoder (fzstd, dist/zstd.js). The extension's
 * `import('../../core/page/render')` becomes a runtime `require('./render.js')`; the first lesson opened, workspace
 * lesson or assignments file, suggestion or stored answer loads them. Matched by the module's path, wherever the
 * importer sits.
 */
const LAZY_CHUNKS = {
	'src/core/page/render': 'render',
	'src/core/parserChunk': 'parsers',
	'src/core/patternChunk': 'patterns',
	'src/core/reviews/reviewScheduler': 'reviews',
	'src/core/zstdChunk': 'zstd',
};
/** The extension itself: one file both entries run, each with its host platform (src/extension/activation.ts). */
const SHARED = { 'src/extension/activation': 'activation' };
const lazyChunks = {
	name: 'lazy-chunks',
	setup(build) {
		build.onResolve({ filter: /^\.\.?\// }, (args) => {
			const chunk = args.importer.includes('/src/extension/') ? LAZY_CHUNKS[sourceOf(args)] ?? SHARED[sourceOf(args)] : undefined;
			return chunk ? { path: `./${chunk}.js`, external: true } : undefined;
		});
	},
};

/**
 * One copy of the `vscode` API's namespace per bundle. For an external CommonJS module, esbuild gives every module's
 * `import * as vscode from 'vscode'` its own `__toESM(require("vscode"))`, which copies the API's properties again:
 * a few milliseconds of activation over the extension's modules. Resolved to one module that re-exports it, the copy
 * is made once.
 */
const sharedVscode = {
	name: 'shared-vscode',
	setup(build) {
		build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
		build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
	},
};

/**
 * The JSON-Schema validators, compiled at build time: src/core/shared/schemaValidators.ts is replaced by ajv's standalone
 * code for each of its SCHEMAS, made with that module's own createAjv() so the options are the same. The bundles then
 * carry no schema compiler and each schema once (inside its validator, without the prose only editors read), and the
 * first lesson parse compiles nothing.
 */
async function standaloneValidators() {
	const require = createRequire(import.meta.url);
	const [{ text }] = (await esbuild.build({ entryPoints: ['src/core/shared/schemaValidators.ts'], bundle: true, platform: 'node', format: 'cjs', packages: 'external', write: false })).outputFiles;
	const module = { exports: {} };
	new Function('require', 'module', 'exports', text)(require, module, module.exports);
	const ajv = module.exports.createAjv({ code: { source: true, esm: true } });
	const ids = {};
	for (const [name, schema] of Object.entries(module.exports.SCHEMAS)) {
		ajv.addSchema(module.exports.withoutAnnotations(schema));
		ids[name] = schema.$id;
	}
	return `${require('ajv/dist/standalone').default(ajv, ids)}
export function compileValidators() {
	return { ${Object.keys(ids).join(', ')} };
}
export function schemaHints() {
	return ${JSON.stringify(module.exports.schemaHints())};
}
`;
}
const precompiledValidators = {
	name: 'precompiled-validators',
	setup(build) {
		build.onResolve({ filter: /\/schemaValidators$/ }, (args) =>
			args.importer.includes('/src/core/') ? { path: 'schemaValidators', namespace: 'precompiled' } : undefined);
		build.onLoad({ filter: /.*/, namespace: 'precompiled' }, async () => ({
			contents: await standaloneValidators(), loader: 'js', resolveDir: process.cwd(),
			watchFiles: ['src/core/shared/schemaValidators.ts', ...readdirSync('schemas').map((f) => `schemas/${f}`)],
		}));
	},
};

/** Writes the metafile of what runs in the browser (its entry, dist/activation.js) to out/<name>.meta.json, for esbuild's analyzer. */
const browserMetafile = {
	name: 'browser-metafile',
	setup(build) {
		build.onEnd((result) => {
			if (result.metafile) {
				mkdirSync('out', { recursive: true });
				const name = Object.keys(build.initialOptions.entryPoints)[0];
				writeFileSync(`out/${name}.meta.json`, JSON.stringify(result.metafile));
			}
		});
	},
};

// ES modules first: jsonc-parser's UMD `main` requires its own files at run time, which a bundle cannot follow.
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info', target: 'es2022', legalComments: 'none', mainFields: ['module', 'main'] };

const hostTests = readdirSync('test/host').filter((f) => f.endsWith('.ts')).map((f) => `test/host/${f}`);

const configs = [
	// The extension's own code is one file, dist/activation.js: activate() registers every feature, and the libraries
	// above are its chunks. It runs in both hosts, so it is built for the browser: no Node built-ins
	// (test/unit/entryBundle.test.ts checks its metafile, also written to out/activation.meta.json).
	{ ...common, entryPoints: { activation: 'src/extension/activation.ts' }, outdir: 'dist', platform: 'browser', format: 'cjs', mainFields: ['browser', 'module', 'main'], external: ['vscode'], metafile: true, plugins: [sharedVscode, lazyChunks, precompiledValidators, browserMetafile] },
	// The Node entry (package.json `main`): the Node host platform, then dist/activation.js.
	{ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [sharedVscode, lazyChunks, precompiledValidators] },
	// The web extension host's entry (package.json `browser`): the browser's host platform, which loads dist/activation.js
	// and the library chunks through workspace.fs (src/extension/platform/browser/chunkLoader.ts): one copy of each.
	{ ...common, entryPoints: { 'extension-browser': 'src/extension/extensionBrowser.ts' }, outdir: 'dist', platform: 'browser', format: 'cjs', mainFields: ['browser', 'module', 'main'], external: ['vscode'], metafile: true, plugins: [sharedVscode, lazyChunks, precompiledValidators, browserMetafile] },
	...Object.entries(LAZY_CHUNKS).map(([source, chunk]) => ({ ...common, entryPoints: { [chunk]: `${source}.ts` }, outdir: 'dist', platform: 'node', format: 'cjs', plugins: [precompiledValidators] })),
	// The page's stylesheet, minified: each lesson page carries it inline (src/extension/page/webviewAssets.ts).
	{ ...common, entryPoints: { lesson: 'src/webview/lesson.css' }, outdir: 'dist' },
	{ ...common, entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] },
	{ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, plugins: [precompiledValidators] },
	// Extension-host tests: one file per suite; mocha and vscode come from the host at run time.
	{ ...common, minify: false, sourcemap: true, entryPoints: hostTests, outdir: 'out/test/host', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] },
];

await (await import('./build/catalog.mjs')).writeCatalog();
(await import('./build/extensionPage.mjs')).writeExtensionPage();
if (watch) {
	for (const config of configs) {
		const ctx = await esbuild.context(config);
		await ctx.watch();
	}
} else {
	await Promise.all(configs.map((config) => esbuild.build(config)));
}
