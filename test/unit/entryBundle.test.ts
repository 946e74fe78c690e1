// What the extension's bundles are made of: the production build of esbuild.mjs, made in memory with a metafile
// (the bench's shim, bench/metafile/). The entry is the extension's own code, all of it; the libraries are chunks
// loaded on first use; and each contributed command is registered once, by the feature that owns it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { isBuiltin } from 'node:module';
import { CHUNK_BUILTINS } from '../../src/extension/platform/browser/chunkBuiltins';
import { Command } from '../../src/extension/platform/ids';

const ROOT = path.join(__dirname, '..', '..');
const SRC_EXTENSION = path.join(ROOT, 'src', 'extension');

/** The library chunks, by the module the extension imports: what each keeps out of activation. */
const LIBRARY_CHUNKS: Readonly<Record<string, string>> = {
	'dist/render.js': 'src/core/page/render.ts', // markdown-it
	'dist/parsers.js': 'src/core/parserChunk.ts', // yaml, jsonc-parser, the precompiled validators
	'dist/patterns.js': 'src/core/patternChunk.ts', // re2js: the trigger matcher and the exercise checks
	'dist/reviews.js': 'src/core/reviews/reviewScheduler.ts', // ts-fsrs
	'dist/zstd.js': 'src/core/zstdChunk.ts', // fzstd: the lesson packs' decoder
};

/** Every .ts file under src/extension, relative to it with forward slashes. */
function extensionSources(): string[] {
	return readdirSync(SRC_EXTENSION, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
}

const NODE_GLOBALS = new Set(['setImmediate', 'clearImmediate', 'Buffer', 'process', 'global', '__dirname', '__filename', 'require']);

/** The Node-only globals a source file names as values (not as property names, in comments or in strings). */
function nodeGlobalsIn(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
			&& !((ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent) || ts.isMethodDeclaration(node.parent)) && node.parent.name === node)) {
			found.push(node.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

interface Output {
	readonly bytes: number;
	readonly entryPoint?: string;
	readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>>;
	readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
}

describe('the extension entry and its library chunks', () => {
	let dir = '';
	let outputs: Readonly<Record<string, Output>> = {};
	const entry = (): Output => {
		const output = outputs['dist/extension.js'];
		assert.ok(output, 'dist/extension.js is built');
		return output;
	};

	before(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'entry-bundle-'));
		const metafile = path.join(dir, 'metafile.json');
		execFileSync(process.execPath, ['--import', './bench/metafile/register.mjs', 'esbuild.mjs', '--production'],
			{ cwd: ROOT, env: { ...process.env, BENCH_METAFILE: metafile }, stdio: 'pipe' });
		outputs = JSON.parse(readFileSync(metafile, 'utf8')) as Record<string, Output>;
	});

	after(() => rmSync(dir, { recursive: true, force: true }));

	it('builds the two entries (Node, browser), the extension they share, the five library chunks, the webview script and the CLI, and nothing else', () => {
		const built = Object.keys(outputs).filter((file) => file.endsWith('.js')).sort();
		assert.deepEqual(built, ['dist/activation.js', 'dist/cli.js', 'dist/extension.js', 'dist/extension-browser.js', ...Object.keys(LIBRARY_CHUNKS), 'dist/webview.js'].sort());
		for (const [file, source] of Object.entries(LIBRARY_CHUNKS)) {
			assert.equal(outputs[file]?.entryPoint, source, file);
		}
	});

	it('packages from dist/ only what the build writes (a stale folder from an older build is never shipped), and no lesson source', () => {
		// The lessons ship parsed, in their locale's pack (build/catalog.mjs); the Markdown files are not read at run time.
		assert.ok(!readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').some((line) => line.trim().startsWith('!lessons')));
		const packaged = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim())
			.filter((line) => line.startsWith('!dist/')).map((line) => line.slice(1)).sort();
		const runtime = Object.keys(outputs).filter((file) => /\.(js|css)$/.test(file) && file !== 'dist/cli.js');
		assert.deepEqual(packaged, [...runtime, 'dist/catalog.json', 'dist/lessons.json.zst'].sort());
	});

	it('ships only the schemas VS Code reads (the manifest\'s jsonValidation); the others live inside the precompiled validators, and no bundle holds a schema as JSON', () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { url: string }[] } };
		const contributed = manifest.contributes.jsonValidation.map((entry) => entry.url.replace(/^\.\//, '')).sort();
		const shipped = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim())
			.filter((line) => line.startsWith('!schemas/')).map((line) => line.slice(1)).sort();
		assert.deepEqual(shipped, [...new Set(contributed)]);
		for (const [file, output] of Object.entries(outputs)) {
			assert.deepEqual(Object.keys(output.inputs).filter((input) => input.startsWith('schemas/')), [], file);
		}
		assert.ok(Object.keys(outputs['dist/parsers.js']?.inputs ?? {}).some((input) => input.startsWith('precompiled:')), 'the parsers chunk holds the precompiled validators');
	});

	it('shares the extension\'s own code between the entries: the composition root, the services and every feature\'s register() are in dist/activation.js once', () => {
		const shared = Object.keys(outputs['dist/activation.js']?.inputs ?? {});
		const registers = extensionSources().filter((f) => f.endsWith('/register.ts'));
		assert.ok(registers.length >= 8, `each feature registers itself: ${registers.join(', ')}`);
		for (const needed of ['activation.ts', 'services.ts', 'commands.ts', ...registers]) {
			assert.ok(shared.includes(`src/extension/${needed}`), needed);
		}
		// Each entry holds its host platform and nothing of the rest.
		for (const [file, own] of [['dist/extension.js', 'src/extension/platform/node/'], ['dist/extension-browser.js', 'src/extension/platform/browser/']] as const) {
			const inputs = Object.keys(outputs[file]?.inputs ?? {}).filter((input) => input.startsWith('src/'));
			assert.ok(inputs.some((input) => input.startsWith(own)), file);
			assert.deepEqual(inputs.filter((input) => shared.includes(input) && !input.startsWith('src/extension/platform/')), [], file);
		}
	});

	it('holds no library code: markdown-it, the parsers, re2js (triggers, exercise checks), ts-fsrs and the packs\' decoder come from their chunks at first use', () => {
		const inputs = Object.keys(entry().inputs);
		assert.deepEqual(inputs.filter((input) => input.includes('node_modules')), []);
		assert.deepEqual(Object.values(LIBRARY_CHUNKS).filter((source) => inputs.includes(source)), []);
		const required = entry().imports.filter((i) => i.external && i.path.startsWith('.')).map((i) => i.path);
		assert.deepEqual([...new Set(required)].sort(), ['./activation.js', ...Object.keys(LIBRARY_CHUNKS).map((file) => `./${path.posix.basename(file)}`)].sort());
		const shared = outputs['dist/activation.js'];
		assert.deepEqual(Object.keys(shared?.inputs ?? {}).filter((input) => input.includes('node_modules') || Object.values(LIBRARY_CHUNKS).includes(input)), []);
	});

	it('gives what the browser runs no Node built-in: the browser entry and dist/activation.js import the vscode API alone, and hold no Node host', () => {
		for (const file of ['dist/extension-browser.js', 'dist/activation.js']) {
			const output = outputs[file];
			assert.ok(output, `${file} is built`);
			assert.deepEqual(output.imports.filter((i) => isBuiltin(i.path)).map((i) => i.path), [], file);
			assert.deepEqual([...new Set(output.imports.map((i) => i.path))], ['vscode'], file);
			const inputs = Object.keys(output.inputs);
			assert.deepEqual(inputs.filter((input) => input.includes('/platform/node/') || Object.values(LIBRARY_CHUNKS).includes(input)), [], file);
		}
		assert.ok(Object.keys(outputs['dist/extension-browser.js']?.inputs ?? {}).includes('src/extension/platform/browser/browserHost.ts'));
	});

	it('uses no Node global in what the browser runs (setImmediate, Buffer, process, __dirname): a web worker has none', () => {
		for (const file of ['dist/extension-browser.js', 'dist/activation.js']) {
			const inputs = Object.keys(outputs[file]?.inputs ?? {});
			assert.deepEqual(inputs.filter((input) => !input.startsWith('src/') && input !== 'vscode-api:vscode'), [], `${file}: no library code`);
			const used = inputs.filter((input) => input.startsWith('src/')).flatMap((input) => nodeGlobalsIn(input).map((name) => `${input}: ${name}`));
			assert.deepEqual(used, [], file);
		}
	});

	it('lets the browser entry load the same chunk files: they name no built-in its loader does not stand in for', () => {
		for (const file of Object.keys(LIBRARY_CHUNKS)) {
			const builtins = (outputs[file]?.imports ?? []).filter((i) => isBuiltin(i.path)).map((i) => i.path);
			assert.deepEqual(builtins.filter((b) => !Object.hasOwn(CHUNK_BUILTINS, b)), [], file);
		}
	});

	it('keeps the precompiled validators: the parsers chunk holds no schema compiler', () => {
		const inputs = Object.keys(outputs['dist/parsers.js']?.inputs ?? {});
		assert.ok(inputs.includes('precompiled:schemaValidators'), inputs.join(', '));
		assert.deepEqual(inputs.filter((input) => /node_modules\/ajv\/dist\/compile\//.test(input)), []);
	});

	it('copies the vscode API\'s namespace once, through one re-exporting module, not once per source module', () => {
		assert.ok(Object.hasOwn(entry().inputs, 'vscode-api:vscode'));
	});

	it('splits by library, not by file: esbuild.mjs names no module of src/extension but the entries and the extension they share', () => {
		const script = readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8');
		assert.deepEqual([...script.matchAll(/['`](src\/extension\/[\w/.]*)['`]/g)].map((m) => m[1]), ['src/extension/activation', 'src/extension/activation.ts', 'src/extension/extension.ts', 'src/extension/extensionBrowser.ts']);
	});

	it('registers each contributed command exactly once, in the feature that owns it, with no stand-ins', () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
		const byId = new Map<string, string>(Object.entries(Command).map(([key, id]) => [id, key]));
		const registrations = extensionSources().flatMap((file) => {
			const text = readFileSync(path.join(SRC_EXTENSION, file), 'utf8');
			assert.doesNotMatch(text, /\.contributes\b/, `${file} reads the manifest's contributions (a stand-in for each command)`);
			return [...text.matchAll(/registerCommand\(\s*([^,]+),/g)].map((m) => ({ file, name: m[1]?.trim() ?? '' }));
		});
		assert.ok(registrations.every((r) => r.name.startsWith('Command.')), `every command is registered by its id in ids.ts: ${JSON.stringify(registrations)}`);
		for (const { command } of manifest.contributes.commands) {
			const key = byId.get(command);
			assert.ok(key, `${command} is in ids.ts`);
			const where = registrations.filter((r) => r.name === `Command.${key}`).map((r) => r.file);
			assert.equal(where.length, 1, `${command} is registered once: ${where.join(', ') || 'nowhere'}`);
		}
	});
});
