// What the extension entry (dist/extension.js) is made of: the production build of esbuild.mjs, made in memory with
// a metafile (the bench's shim, bench/metafile/), so activation loads no library code and no rarely used command.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..', '..');

/** The modules of src/extension that load as chunks from dist/lazy/ on first use (each chunk named after its file). */
const LAZY = [
	'services', 'team/assignLessonsCommand', 'commandPrompts', 'lessons/lessonDiagnostics', 'catalog/lessonFiles', 'page/lessonPage',
	'page/lessonPreview', 'lessons/newLessonCommand', 'onboarding/onboardingNotice', 'progress/progressPicks', 'team/reportExport',
	'tree/reviewNodes', 'reviews/reviewReminder', 'reviews/reviewSession', 'suggestions/suggestionProviders', 'tree/treeSnapshot', 'progress/grading',
];

/** Every .ts file under `dir`, relative to it with forward slashes. */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
}

interface Output {
	readonly bytes: number;
	readonly entryPoint?: string;
	readonly inputs: Readonly<Record<string, { readonly bytesInOutput: number }>>;
	readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
}

describe('the extension entry and its lazy chunks', () => {
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

	it('holds no library code: the parsers, markdown-it, re2js and ts-fsrs are chunks of their own', () => {
		assert.deepEqual(Object.keys(entry().inputs).filter((input) => input.includes('node_modules')), []);
	});

	it('is only the stand-ins activation registers: the services (panel, tree, commands) are a chunk started after it', () => {
		assert.deepEqual(Object.keys(entry().inputs).sort(), ['src/extension/extension.ts', 'vscode-api:vscode']);
		const services = outputs['dist/lazy/services.js'];
		assert.ok(services, 'dist/lazy/services.js is built');
		const inputs = Object.keys(services.inputs);
		assert.deepEqual(LAZY.filter((m) => m !== 'services').map((m) => `src/extension/${m}.ts`).filter((m) => inputs.includes(m)), []);
		for (const needed of ['page/lessonPanel', 'tree/lessonTree', 'commands', 'team/teamFeatures', 'reviews/reviewFeatures']) {
			assert.ok(inputs.includes(`src/extension/${needed}.ts`), needed);
		}
	});

	it('leaves the list\'s line reader and the lesson page\'s building and message handling to their chunks', () => {
		const inputs = Object.keys(outputs['dist/lazy/services.js']?.inputs ?? {});
		const away = ['core/catalog/lessonIndex', 'core/catalog/catalogIndex', 'core/shared/decode', 'core/page/messageRouting', 'core/lessons/grade', 'extension/page/labels', 'extension/page/webviewAssets'];
		assert.deepEqual(away.map((m) => `src/${m}.ts`).filter((m) => inputs.includes(m)), []);
	});

	it('holds the lesson page\'s asset cache (webviewAssets) in one bundle only, the lesson page chunk', () => {
		const holders = Object.entries(outputs).filter(([, output]) => Object.hasOwn(output.inputs, 'src/extension/page/webviewAssets.ts')).map(([file]) => file);
		assert.deepEqual(holders, ['dist/lazy/lessonPage.js']);
	});

	it('builds each lazy module as its own chunk in dist/lazy/, with no library code either', () => {
		const chunks = Object.entries(outputs).filter(([file]) => file.startsWith('dist/lazy/') && file.endsWith('.js'));
		assert.deepEqual(chunks.map(([, output]) => output.entryPoint).sort(), LAZY.map((m) => `src/extension/${m}.ts`).sort());
		for (const [file, output] of chunks) {
			assert.equal(file, `dist/lazy/${path.basename(output.entryPoint ?? '', '.ts')}.js`);
			assert.deepEqual(Object.keys(output.inputs).filter((input) => input.includes('node_modules')), [], file);
		}
	});

	it('copies the vscode API\'s namespace once per bundle, through one re-exporting module, not once per source module', () => {
		const extensionBundles = Object.entries(outputs).filter(([f]) => f === 'dist/extension.js' || (f.startsWith('dist/lazy/') && f.endsWith('.js')));
		for (const [file, output] of extensionBundles.filter(([, o]) => o.imports.some((i) => i.path === 'vscode'))) {
			assert.ok(Object.hasOwn(output.inputs, 'vscode-api:vscode'), file);
		}
	});

	it('requires at run time only chunks that the build writes', () => {
		for (const [file, output] of Object.entries(outputs).filter(([f]) => f === 'dist/extension.js' || f.startsWith('dist/lazy/'))) {
			for (const { path: request } of output.imports.filter((i) => i.external && i.path.startsWith('.'))) {
				const target = path.posix.join(path.posix.dirname(file), request);
				assert.ok(outputs[target], `${file} requires ${request}, which is not built`);
			}
		}
	});

	it('makes every relative `import()` and `require()` of src/extension\'s own modules a lazy chunk (else it would land in the entry unseen)', () => {
		const dir = path.join(ROOT, 'src', 'extension');
		const imported = new Set(sourceFiles(dir).flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\b(?:import|require)\('(\.\.?\/[\w/.]+)'\)/g)]
			.map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(f), m[1] ?? '')))
			.filter((m) => !m.startsWith('../'))));
		assert.deepEqual([...imported].sort(), [...LAZY].sort());
	});
});
