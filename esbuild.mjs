// Builds one minified bundle per entry point. `--watch` rebuilds on change; `--production` drops source maps.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

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
			args.importer.includes('/src/extension/') ? { path: './render.js', external: true } : undefined);
	},
};

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info', target: 'es2022', legalComments: 'none' };

const hostTests = readdirSync('test/host').filter((f) => f.endsWith('.ts')).map((f) => `test/host/${f}`);

const configs = [
	{ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', external: ['vscode'], plugins: [lazyRenderer] },
	{ ...common, entryPoints: { render: 'src/core/render.ts' }, outdir: 'dist', platform: 'node', format: 'cjs' },
	{ ...common, entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife' },
	{ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
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
