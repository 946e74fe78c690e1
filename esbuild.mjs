// Builds one minified bundle per entry point. `--watch` rebuilds on change; `--production` drops source maps.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * markdown-it and the renderer live in their own chunk (dist/render.js) so activation does not pay for them:
 * the extension's `import('../core/render')` becomes a runtime `require('./render.js')`.
 */
const lazyRenderer = {
	name: 'lazy-renderer',
	setup(build) {
		build.onResolve({ filter: /\/core\/render$/ }, (args) =>
			args.importer.includes('/src/extension/') ? { path: `${distPrefix(build)}render.js`, external: true } : undefined);
	},
};

/**
 * The same for the parsers (YAML, JSON with schemas: dist/parsers.js), the trigger matcher (re2js, dist/triggers.js)
 * and the review scheduler (ts-fsrs, dist/reviews.js): the first lesson opened, workspace lesson or assignments file,
 * suggestion or stored answer loads them, not activation.
 */
const LAZY_CHUNKS = { parsers: 'parsers', triggerMatch: 'triggers', reviewScheduler: 'reviews' };
const lazyChunks = {
	name: 'lazy-chunks',
	setup(build) {
		build.onResolve({ filter: /\/core\/(parsers|triggerMatch|reviewScheduler)$/ }, (args) =>
			args.importer.includes('/src/extension/') ? { path: `${distPrefix(build)}${LAZY_CHUNKS[args.path.split('/').pop()]}.js`, external: true } : undefined);
	},
};

/**
 * Command implementations and features that few sessions use load the same way, from dist/lazy/: the services'
 * `await import('./assignLessonsCommand')` becomes `require('./lazy/assignLessonsCommand.js')`. Each is a bundle of
 * its own, so modules they share with the services chunk are copied: those hold no state of their own, and services (the
 * library, progress, the panel...) come in as arguments.
 */
const LAZY_MODULES = [
	// everything but the entry's stand-ins (extension.ts): started by the first call that needs them, or shortly after activation
	'services',
	// the team commands
	'assignLessonsCommand', 'newLessonCommand', 'lessonPreview', 'reportExport', 'progressPicks',
	// started once they have something to do
	'lessonDiagnostics', 'onboardingSuggestion', 'reviewSession', 'reviewReminder', 'suggestionProviders',
	// the Command Palette's questions, the API's tree snapshot, the Reviews group's rows (once there are cards)
	'commandPrompts', 'treeSnapshot', 'reviewNodes',
	// the lesson page's HTML and message handling, with the first page the panel writes; the lesson files, with the list
	'lessonPage', 'lessonFiles',
];
const lazyModules = {
	name: 'lazy-modules',
	setup(build) {
		const inLazy = build.initialOptions.outdir?.endsWith('/lazy');
		build.onResolve({ filter: new RegExp(`^\\./(${LAZY_MODULES.join('|')})$`) }, (args) =>
			(args.kind === 'dynamic-import' || args.kind === 'require-call') && args.importer.includes('/src/extension/')
				? { path: `./${inLazy ? '' : 'lazy/'}${args.path.slice(2)}.js`, external: true } : undefined);
	},
};

/**
 * One copy of the `vscode` API's namespace per bundle. For an external CommonJS module, esbuild gives every module's
 * `import * as vscode from 'vscode'` its own `__toESM(require("vscode"))`, which copies the API's properties again:
 * a few milliseconds of the services' start over their modules. Resolved to one module that re-exports it, the copy
 * is made once.
 */
const sharedVscode = {
	name: 'shared-vscode',
	setup(build) {
		build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
		build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
	},
};

/** How a bundle in `outdir` reaches dist/: the chunks in dist/lazy/ require the core chunks from their parent folder. */
function distPrefix(build) {
	return build.initialOptions.outdir?.endsWith('/lazy') ? '../' : './';
}

/**
 * The JSON-Schema validators, compiled at build time: src/core/schemaValidators.ts is replaced by ajv's standalone
 * code for every schema in schemas/, made with that module's own createAjv() so the options are the same. The
 * bundles then carry no schema compiler, and the first lesson parse compiles nothing.
 */
async function standaloneValidators() {
	const require = createRequire(import.meta.url);
	const [{ text }] = (await esbuild.build({ entryPoints: ['src/core/schemaValidators.ts'], bundle: true, platform: 'node', format: 'cjs', packages: 'external', write: false })).outputFiles;
	const module = { exports: {} };
	new Function('require', 'module', 'exports', text)(require, module, module.exports);
	const ajv = module.exports.createAjv({ code: { source: true, esm: true } });
	const ids = {};
	for (const [index, file] of readdirSync('schemas').filter((f) => f.endsWith('.schema.json')).sort().entries()) {
		const schema = JSON.parse(readFileSync(`schemas/${file}`, 'utf8'));
		ajv.addSchema(schema);
		ids[`v${index}`] = schema.$id;
	}
	const byId = Object.entries(ids).map(([name, id]) => `[${JSON.stringify(id)}, ${name}]`).join(', ');
	return `${require('ajv/dist/standalone').default(ajv, ids)}
const byId = new Map([${byId}]);
export function compileValidators(schemas) {
	return Object.fromEntries(Object.entries(schemas).map(([key, schema]) => {
		const validate = byId.get(schema.$id);
		if (!validate) throw new Error(\`no precompiled validator for \${schema.$id}: is the schema in schemas/?\`);
		return [key, validate];
	}));
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
			watchFiles: ['src/core/schemaValidators.ts', ...readdirSync('schemas').map((f) => `schemas/${f}`)],
		}));
	},
};

// ES modules first: jsonc-parser's UMD `main` requires its own files at run time, which a bundle cannot follow.
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info', target: 'es2022', legalComments: 'none', mainFields: ['module', 'main'] };

const hostTests = readdirSync('test/host').filter((f) => f.endsWith('.ts')).map((f) => `test/host/${f}`);

const configs = [
	{ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [sharedVscode, lazyRenderer, lazyChunks, lazyModules, precompiledValidators] },
	{ ...common, entryPoints: Object.fromEntries(LAZY_MODULES.map((m) => [m, `src/extension/${m}.ts`])), outdir: 'dist/lazy', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [sharedVscode, lazyRenderer, lazyChunks, lazyModules, precompiledValidators] },
	{ ...common, entryPoints: { render: 'src/core/render.ts' }, outdir: 'dist', platform: 'node', format: 'cjs' },
	{ ...common, entryPoints: { parsers: 'src/core/parsers.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', plugins: [precompiledValidators] },
	{ ...common, entryPoints: { triggers: 'src/core/triggerMatch.ts', reviews: 'src/core/reviewScheduler.ts' }, outdir: 'dist', platform: 'node', format: 'cjs' },
	{ ...common, entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] },
	{ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' }, plugins: [precompiledValidators] },
	// Extension-host tests: one file per suite; mocha and vscode come from the host at run time.
	{ ...common, minify: false, sourcemap: true, entryPoints: hostTests, outdir: 'out/test/host', platform: 'node', format: 'cjs', external: ['vscode', 'mocha'] },
];

if (watch) {
	for (const config of configs) {
		const ctx = await esbuild.context(config);
		await ctx.watch();
	}
} else {
	await Promise.all(configs.map((config) => esbuild.build(config)));
}
