// The related-lesson scan figure: a 5,000-line source file scanned against the triggers of every bundled lesson,
// with the extension's editor limits, on the same code the extension loads lazily (src/core/suggestions/triggerMatch.ts with
// re2js, bundled and minified as dist/patterns.js is). Target: under 20 ms at the median.
//   node bench/triggers.mjs [--runs N]       prints the figure (and the JSON result with --json)
//   import { measureTriggerScan } from './triggers.mjs'   what bench/run.mjs calls
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TRIGGER_SCAN_TARGET_MS = 20;
const LINES = 5000;
/** The editor's limits (src/extension/suggestions/lessonSuggestions.ts). */
const EDITOR_SCAN = { budgetMs: 50, maxChars: 1_000_000, maxMatchesPerTrigger: 20 };

/** The parser and the matcher in one minified bundle, as production builds them. */
export async function loadCore(tmpDir) {
	mkdirSync(tmpDir, { recursive: true });
	const outfile = path.join(tmpDir, 'triggers-bench.cjs');
	await esbuild.build({
		stdin: {
			contents: "export { parseLesson } from './src/core/lessons/parseLesson';\nexport { compileTriggers, scanDocument } from './src/core/suggestions/triggerMatch';\n",
			resolveDir: ROOT, loader: 'ts',
		},
		bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'es2022', mainFields: ['module', 'main'], outfile, logLevel: 'silent',
	});
	return createRequire(import.meta.url)(outfile);
}

/** mulberry32: the same file on every run and machine. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A TypeScript service module of `lines` lines (about 45 characters each): handlers, queries, logging, config —
 * the kind of file the bundled triggers look at — with a matching line every 500 lines, so the line search runs too.
 */
export function sourceFile(lines = LINES, seed = 5000) {
	const r = random(seed);
	const pick = (list) => list[Math.floor(r() * list.length)];
	const names = ['order', 'invoice', 'account', 'session', 'report', 'shipment', 'ticket', 'product', 'region', 'batch'];
	const verbs = ['load', 'save', 'update', 'render', 'validate', 'merge', 'archive', 'notify', 'resolve', 'format'];
	const templates = [
		() => `export async function ${pick(verbs)}${pick(names)}(id: string): Promise<void> {`,
		() => `\tconst ${pick(names)} = await repo.find${pick(names)}ById(id);`,
		() => `\tif (!${pick(names)}) { throw new NotFound('${pick(names)}'); }`,
		() => `\tlogger.debug('${pick(verbs)} ${pick(names)}', { id, at: Date.now() });`,
		() => `\tconst rows = await db.query('SELECT id, status FROM ${pick(names)}s WHERE id = $1', [id]);`,
		() => `\treturn ${pick(names)}.items.filter((x) => x.${pick(names)}Id === id).length;`,
		() => `\t// ${pick(verbs)} the ${pick(names)} before the ${pick(names)} is ${pick(verbs)}d`,
		() => '}',
		() => '',
		() => `const ${pick(names).toUpperCase()}_LIMIT = ${Math.floor(r() * 1000)};`,
	];
	const planted = [
		'\tconst all = await db.query("SELECT * FROM customers");',
		'\tawait writeFile("export.csv", toCsv(all)); // export_customers',
		'\tlogger.info(`charging ${payment.cardNumber}`);',
		'\tconst password = "Summer2024-temp";',
	];
	const out = [];
	for (let i = 0; i < lines; i++) {
		out.push(i % 500 === 250 ? planted[(i / 500) % planted.length | 0] : pick(templates)());
	}
	return out.join('\n');
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * Scans the generated file `runs` times (after warm-up) against every bundled English lesson's triggers.
 * Resolves with the median, 95th percentile and maximum in milliseconds, and what was scanned and found.
 */
export async function measureTriggerScan({ runs = 50, tmpDir = path.join(ROOT, 'bench/tmp') } = {}) {
	const core = await loadCore(tmpDir);
	const dir = path.join(ROOT, 'lessons/en');
	const lessons = readdirSync(dir).filter((n) => n.endsWith('.md')).sort().map((name) => {
		const { lesson } = core.parseLesson(readFileSync(path.join(dir, name), 'utf8'), name, { expectedId: name.slice(0, -3) });
		return lesson;
	}).filter(Boolean);
	const compileStarted = performance.now();
	const index = core.compileTriggers(lessons.map((l) => ({ lessonId: l.meta.id, title: l.meta.title, triggers: l.meta.triggers })));
	const compileMs = performance.now() - compileStarted;
	const text = sourceFile();
	const doc = { path: 'src/services/orders.ts', languageId: 'typescript', text };
	const options = { ...EDITOR_SCAN, clock: () => performance.now() };
	// The first scan also builds the RE2Set for this file type (cached afterwards, as in the editor).
	const firstStarted = performance.now();
	const first = core.scanDocument(index, doc, options);
	const firstMs = performance.now() - firstStarted;
	for (let i = 0; i < 5; i++) {
		core.scanDocument(index, doc, options);
	}
	const times = [];
	let result = first;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		result = core.scanDocument(index, doc, options);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const medianMs = percentile(times, 0.5);
	return {
		lines: LINES, chars: text.length, languageId: doc.languageId, lessons: lessons.length,
		triggers: index.triggers.length, applicable: index.triggers.filter((t) => t.languages.has('typescript')).length,
		runs, compileMs, firstScanMs: firstMs, medianMs, p95Ms: percentile(times, 0.95), maxMs: times[times.length - 1],
		matches: result.matches.length, status: result.status, targetMs: TRIGGER_SCAN_TARGET_MS, met: medianMs < TRIGGER_SCAN_TARGET_MS,
	};
}

/** One line for a report: `5,000-line file, 28 triggers: 1.9 ms median (p95 2.4, max 3.1); target < 20 ms: met`. */
export function describeTriggerScan(r) {
	return `${r.lines.toLocaleString('en-US')}-line file, ${r.applicable} of ${r.triggers} triggers apply: ${r.medianMs.toFixed(2)} ms median `
		+ `(p95 ${r.p95Ms.toFixed(2)}, max ${r.maxMs.toFixed(2)}; first scan ${r.firstScanMs.toFixed(2)}, compile ${r.compileMs.toFixed(1)}); `
		+ `target < ${r.targetMs} ms: ${r.met ? 'met' : 'NOT met'}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const runsArg = process.argv.indexOf('--runs');
	const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 50;
	const result = await measureTriggerScan({ runs });
	console.log(`trigger scan: ${describeTriggerScan(result)}`);
	if (process.argv.includes('--json')) {
		console.log(JSON.stringify(result, null, '\t'));
	}
	process.exitCode = result.met ? 0 : 1;
}
