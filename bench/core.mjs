// Core timings in plain Node, run by bench/run.mjs as a child process (`node --expose-gc bench/core.mjs <config.json>`):
//   catalog  the list the extension shows, from the build's catalog of each generated set (read and sorted, as at
//            run time; the catalog itself is written once, untimed, as the build does: config.sets[].catalogFile), against a plain markdown-it
//            parse of the same texts in the same
//            run, and against the line scan the catalog already does (front matter delimiters and fences, no YAML)
//   render   the real lazy chunk (dist/render.js) on a typical and a large lesson, against bare markdown-it
//   exercise runChecks over a 2,000-line TypeScript file (comments blanked, whitespace collapsed, positions mapped)
//   synced   the size of the progress Settings Sync carries for 100 passed lessons (test/unit/helpers/learnerProgress)
// With `profile` in the config it runs one workload only under the inspector's CPU profiler (written to
// config.profileOut) and prints nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { generateLesson } from './generate.mjs';
import { median } from './report.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(import.meta.url);
const core = require(config.coreBundle);
const gc = globalThis.gc ?? (() => {});

function timed(work) {
	gc();
	const started = performance.now();
	work();
	return performance.now() - started;
}

function progress(message) {
	if (!config.profile) {
		process.stderr.write(`  core: ${message}\n`);
	}
}

/** A set's files as the extension hands them to buildCatalog: path relative to lessons/, locale, decoded text. */
function readSet(dir) {
	const names = readdirSync(path.join(dir, 'en')).filter((n) => n.endsWith('.md')).sort();
	return names.map((name) => ({ file: `en/${name}`, locale: 'en', text: readFileSync(path.join(dir, 'en', name), 'utf8') }));
}

/** What a catalog without YAML would still do: split lines, find the front matter, find the fences. */
function structureScan(files) {
	let blocks = 0;
	for (const { file, text } of files) {
		const lines = core.splitLines(core.stripBom(text));
		const found = core.findFrontMatter(lines, file);
		blocks += core.scanFences(lines.slice(found.block?.bodyIndex ?? 0), file).blocks.length;
	}
	return blocks;
}

/** The build's catalog of each set (bench/host.mjs builtSet: written once, untimed, as the build does), read once. */
const catalogs = new Map();

/** What the extension does to list the lessons: read the build's catalog and choose and sort its entries. */
function listSet(set) {
	let json = catalogs.get(set.catalogFile);
	if (json === undefined) {
		json = readFileSync(set.catalogFile, 'utf8');
		catalogs.set(set.catalogFile, json);
	}
	return core.bundledEntries(core.readBundledCatalog(json), 'en');
}

function catalogBench() {
	const md = core.markdownIt();
	const sets = config.sets.map((set) => ({ ...set, files: readSet(set.dir) }));
	if (sets.length === 0) {
		return [];
	}
	// Warm-up: let the JIT see every code path (and optimize the hot ones) before anything is timed.
	const warmSet = sets.find((set) => set.files.length >= 1000) ?? sets[0];
	const warm = warmSet.files.slice(0, 1000);
	for (let i = 0; i < 2; i++) {
		listSet(warmSet);
		warm.forEach((f) => md.parse(f.text, {}));
		structureScan(warm);
	}
	const results = [];
	for (const set of sets) {
		const bytes = set.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
		const catalog = [];
		const parse = [];
		const scan = [];
		let lessons = 0;
		for (let run = 0; run < set.runs; run++) {
			// Interleaved, so both sides see the same machine state.
			catalog.push(timed(() => { lessons = listSet(set).length; }));
			parse.push(timed(() => set.files.forEach((f) => md.parse(f.text, {}))));
			scan.push(timed(() => structureScan(set.files)));
			progress(`catalog ${set.files.length} lessons: run ${run + 1}/${set.runs}: ${catalog.at(-1).toFixed(0)} ms (markdown-it parse ${parse.at(-1).toFixed(0)} ms)`);
		}
		results.push({
			lessons: set.files.length, catalogLessons: lessons, bytes, runs: set.runs,
			catalogMs: median(catalog), markdownItParseMs: median(parse), structureScanMs: median(scan),
			catalogRunsMs: catalog, markdownItParseRunsMs: parse,
		});
	}
	return results;
}

/**
 * Median time of one call of each function, from `batches` batches of `perBatch` calls, the functions taking turns
 * batch by batch (in a rotating order), and the median over batches of `fns[0]`'s time ÷ `fns[1]`'s. Per-batch
 * ratios hold up better than a ratio of medians when the machine's load changes during the run. No gc() in
 * between: the first calls after a full collection are slower and would skew short batches.
 */
function compare(fns, { batches, perBatch }) {
	const times = fns.map(() => []);
	for (let i = 0; i < batches; i++) {
		for (let k = 0; k < fns.length; k++) {
			const which = (i + k) % fns.length;
			const started = performance.now();
			for (let j = 0; j < perBatch; j++) {
				fns[which]();
			}
			times[which].push((performance.now() - started) / perBatch);
		}
	}
	return { medians: times.map(median), ratio: median(times[0].map((t, i) => t / times[1][i])) };
}

function renderSubject(bytes, quizCount, seed) {
	const id = `render-${Math.round(bytes / 1000)}k`;
	const { text } = generateLesson(seed, { id, targetBytes: bytes, quizCount, withIncident: true });
	const { lesson, diagnostics } = core.parseLesson(text, `${id}.md`, { expectedId: id });
	if (!lesson) {
		throw new Error(`the generated ${id} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
	}
	return { id, text, lesson, bytes: Buffer.byteLength(text) };
}

function renderBench() {
	// The first lesson opened pays for loading the chunk and building the engine: time that once, cold.
	const subjects = config.renderSubjects.map((s) => renderSubject(s.bytes, s.quizzes, s.seed));
	let started = performance.now();
	const chunk = require(config.renderChunk);
	const requireMs = performance.now() - started;
	started = performance.now();
	chunk.renderLesson(subjects[0].lesson);
	const firstRenderMs = performance.now() - started;

	const markdownIt = require(require.resolve('markdown-it', { paths: [config.root] }));
	const bare = markdownIt();
	// The renderer's own markdown-it options, without its rules: tells linkify's share from ours.
	const sameOptions = markdownIt('default', { html: false, linkify: true, typographer: false });
	sameOptions.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
	const results = [];
	for (const subject of subjects) {
		const html = chunk.renderLesson(subject.lesson);
		const plan = subject.bytes > 100_000 ? { batches: 25, perBatch: 2 } : { batches: 60, perBatch: 20 };
		for (let i = 0; i < 5; i++) {
			chunk.renderLesson(subject.lesson);
			bare.render(subject.lesson.body);
			sameOptions.render(subject.lesson.body);
		}
		const { medians: [renderMs, bareMs, sameOptionsMs], ratio } = compare([
			() => chunk.renderLesson(subject.lesson),
			() => bare.render(subject.lesson.body),
			() => sameOptions.render(subject.lesson.body),
		], plan);
		progress(`render ${(subject.bytes / 1000).toFixed(0)} KB: ${renderMs.toFixed(2)} ms (bare markdown-it ${bareMs.toFixed(2)} ms): ${ratio.toFixed(2)}×`);
		results.push({
			lesson: subject.id, bytes: subject.bytes, quizzes: subject.lesson.quizzes.length,
			figures: (html.match(/<svg/g) ?? []).length, htmlBytes: Buffer.byteLength(html), bareHtmlBytes: Buffer.byteLength(bare.render(subject.lesson.body)),
			renderMs, bareMarkdownItMs: bareMs, sameOptionsMarkdownItMs: sameOptionsMs, ratio,
		});
	}
	return { chunkRequireMs: requireMs, firstRenderMs, subjects: results };
}

/** An exercise like the bundled ones: two checks, one ignoring comments and whitespace, on one file. */
const EXERCISE_LESSON = `---
id: bench-exercise
title: Bench
summary: Bench.
---

\`\`\`exercise
id: audit-before-refusal
title: Audit first
prompt: Audit before refusing.
files:
  - path: exportRows.ts
    starter: x
checks:
  - id: audit-first
    file: exportRows.ts
    must: '(?s)\\baudit\\w*\\s*\\([^;]*\\)\\s*;[^}]*\\bthrow\\b'
    ignore: [comments, whitespace]
    at: 'function\\s+exportRows'
    hint: Write the audit row before you throw.
  - id: no-card-in-logs
    file: exportRows.ts
    mustNot: '(?i)\\b(console\\.log|log)\\s*\\([^)]*card'
    ignore: [comments]
    hint: Keep card data out of logs.
solution:
  - path: exportRows.ts
    content: y
\`\`\`
`;

/** The median time of runChecks over a 2,000-line file (with comments, strings and blank lines), each run a fresh call. */
function exerciseBench() {
	const exercise = core.parseLesson(EXERCISE_LESSON, 'bench-exercise.md').lesson?.exercises[0];
	if (!exercise) {
		throw new Error('the bench exercise does not parse');
	}
	const block = (i) => `// Exports rows for account ${i}; see "docs/export.md" // not a comment\nexport function exportRows${i}(account: string, rows: number): string[] {\n\tif (rows > ${i}) {\n\t\tlog('refused', account); /* no audit here */\n\t\tthrow new Error('export limit exceeded');\n\t}\n\treturn fetchRows(account, rows);\n}\n\n\n`;
	const text = Array.from({ length: 200 }, (_, i) => block(i)).join('');
	const files = new Map([['exportRows.ts', text]]);
	for (let i = 0; i < 10; i++) {
		core.runChecks(exercise, files);
	}
	const runs = Array.from({ length: 60 }, () => timed(() => core.runChecks(exercise, files)));
	const checkMs = median(runs);
	progress(`exercise check over ${text.split('\n').length - 1} lines: ${checkMs.toFixed(2)} ms`);
	return { lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text), checks: exercise.checks.length, checkMs, runs: runs.length, targetMs: 20 };
}

let profileInput;
if (config.profile === 'catalog') {
	profileInput = config.sets[0];
	listSet(profileInput); // first runs outside the profile
} else if (config.profile === 'render') {
	const [first] = config.renderSubjects;
	profileInput = renderSubject(first.bytes, first.quizzes, first.seed).lesson;
	core.renderLesson(profileInput); // the engine is built once, outside the profile
}

function profileWorkload() {
	if (config.profile === 'catalog') {
		for (let i = 0; i < config.sets[0].runs; i++) {
			listSet(profileInput);
		}
	} else {
		for (let i = 0; i < 3000; i++) {
			core.renderLesson(profileInput);
		}
	}
}

/**
 * What Settings Sync carries for a learner who passed 100 lessons (five quizzes with review cards and an exercise
 * each), stored by the real progress store: its globalState keys and their JSON. VS Code warns when an extension's
 * state passes 512 KB (ExtensionStorageService), and every globalState update sends the whole of it.
 */
async function syncedProgressBench() {
	const lessons = 100;
	const sizes = await core.syncedProgressSizes(lessons);
	const limitBytes = 512 * 1024;
	progress(`synced progress, ${lessons} lessons passed: ${(sizes.entries / 1024).toFixed(1)} KB in ${sizes.keys} globalState keys (${(sizes.base / 1024).toFixed(1)} KB as one base; export file ${(sizes.exportFile / 1024).toFixed(1)} KB); VS Code warns above ${limitBytes / 1024} KB`);
	return { lessons, ...sizes, limitBytes };
}

/** Profiles only the workload (not the set reading or lesson generation around it) into config.profileOut. */
async function profile() {
	const { Session } = await import('node:inspector/promises');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 200 });
	await session.post('Profiler.start');
	profileWorkload();
	const { profile: result } = await session.post('Profiler.stop');
	session.disconnect();
	writeFileSync(config.profileOut, JSON.stringify(result));
}

if (config.profile) {
	await profile();
} else {
	const render = renderBench();
	const catalog = catalogBench();
	const exercise = exerciseBench();
	const syncedProgress = await syncedProgressBench();
	writeFileSync(config.out, JSON.stringify({ node: process.version, catalog, render, exercise, syncedProgress }, null, '\t'));
}
