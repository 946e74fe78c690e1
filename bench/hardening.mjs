// Hostile-input figures: the trigger scan on a 400,000-character line against 20 workspace triggers (the editor's
// slices and the CLI), lint of the worst YAML-alias and diagnostics-count inputs, and the team report on 1,000
// learners × 50 lessons and on one 5 MiB hostile report, and `report --items` and `evidence` on 1,000 learners × 50
// lessons of version 2 reports (with answers) and their 50 lessons. Inputs are generated under bench/tmp/hardening. Every CLI
// run has a time limit, so a crash or a hang is a figure ("not met: crashed / timed out"), not a stuck bench.
//   node bench/run.mjs --only hardening      these figures alone (written to bench/tmp/)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadCore } from './triggers.mjs';

/** Targets: the editor's slice and the CLI's per-file budget (src/extension/suggestions/lessonSuggestions.ts, src/cli/suggest.ts). */
export const HARDENING_TARGETS = { sliceMs: 50, suggestMs: 1000, lintMs: 2000, reportMs: 5000, reportMb: 512, itemsMs: 5000, evidenceMs: 5000 };
const RUN_LIMIT_MS = 60_000;
const QUIZ = '```quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: E\n  - text: B\n    explain: E\n```\n';

/** Lowercase letters from a fixed seed: DFA states of the hostile triggers never repeat on them. */
function letters(length, seed) {
	let state = seed;
	return Array.from({ length }, () => String.fromCharCode(97 + ((state = (state * 1103515245 + 12345) % 2147483648) >> 16) % 26)).join('');
}

const HOSTILE_PATTERNS = Array.from({ length: 20 }, (_, i) => `[^\\n]*[a-${String.fromCharCode(109 + i % 13)}][^\\n]{140}\\x01`);

function lesson(id, frontMatter) {
	return `---\nid: ${id}\ntitle: Bench\nsummary: Bench input.\n${frontMatter}---\n\n${QUIZ}`;
}

/** Writes every input; returns their paths. */
function generate(dir) {
	rmSync(dir, { recursive: true, force: true });
	const file = (relative, text) => {
		const full = path.join(dir, relative);
		mkdirSync(path.dirname(full), { recursive: true });
		writeFileSync(full, text);
		return full;
	};
	const triggers = HOSTILE_PATTERNS.map((p) => `  - pattern: '${p}'\n    why: Bench trigger.\n`).join('');
	const line = letters(400_000, 1);
	const breakdownItem = (subsets) => `    - label: Records\n      count: 1\n      subsets: ${subsets}\n`;
	const ones = Array.from({ length: 2400 }, () => '1').join(',');
	const reportLesson = (i) => ({ id: `bench-lesson-${i}`, title: `Lesson ${i}`, track: 'developer', origin: 'bundled', status: 'passed', score: 100, answered: 2, total: 2, correct: 2, attempts: 2, startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', quizzes: [{ id: 'q1', correct: true, attempts: 1, answeredAt: '2026-01-02T00:00:00.000Z' }, { id: 'q2', correct: true, attempts: 1, answeredAt: '2026-01-02T00:00:00.000Z' }] });
	const report = (name, lessons) => JSON.stringify({
		format: 'incident-lessons-progress-report', schemaVersion: 1, generatedAt: '2026-01-03T00:00:00.000Z', learner: { name }, workspace: 'bench', tool: { name: 'incident-lessons', version: '0.1.0' }, passMark: 80,
		assignment: { file: '.incident-lessons/assignments.json', lessons: Array.from({ length: 50 }, (_, i) => ({ id: `bench-lesson-${i}`, due: '2026-02-01' })) }, lessons,
	});
	const learners = path.join(dir, 'report-1000');
	for (let n = 0; n < 1000; n++) {
		file(`report-1000/learner-${n}.json`, report(`Learner ${n}`, Array.from({ length: 50 }, (_, i) => reportLesson(i))));
	}
	// 200,000 `{}` entries, indented as a pretty-printer would, to just under the 5 MiB report cap
	const hostileReport = report('Mallory', []).replace('"lessons":[]', `"lessons":[${Array.from({ length: 200_000 }, () => `\n${' '.repeat(22)}{}`).join(',')}\n]`);
	return {
		lessons: path.join(dir, 'suggest/lessons'),
		lessonFile: file('suggest/lessons/en/bench-hostile-triggers.md', lesson('bench-hostile-triggers', `triggers:\n${triggers}`)),
		source: file('suggest/src/long-line.ts', `${line}\nconst a = 1;\n`),
		line,
		alias: file('lint/bench-alias.md', lesson('bench-alias', `incident:\n  organization: Bench\n  date: 2025-01-01\n  breakdown:\n${breakdownItem(`&a [${ones}]`)}${breakdownItem('*a').repeat(99)}`)),
		tags: file('lint/bench-tags.md', lesson('bench-tags', `tags: [${Array.from({ length: 125_000 }, () => 'A').join(',')}]\n`)),
		learners,
		hostileReport: path.dirname(file('report-hostile/mallory.json', hostileReport)),
	};
}

const ITEM_QUIZZES = ['q1', 'q2'].map((id) => `\`\`\`quiz\nid: ${id}\ntype: single\nprompt: Question ${id}?\nchoices:\n  - text: Right\n    correct: true\n    explain: E\n  - text: Wrong one\n    explain: E\n  - text: Wrong two\n    explain: E\n\`\`\`\n`).join('\n');

/**
 * 50 lessons of two quizzes and 1,000 version 2 reports answering them (a third of the first answers wrong, spread
 * over two wrong choices), every lesson assigned; `core` gives the lessons' content hash the reports answered.
 */
function generateItems(dir, core) {
	const lessons = path.join(dir, 'items-lessons');
	const reports = path.join(dir, 'items-1000');
	mkdirSync(path.join(lessons, 'en'), { recursive: true });
	mkdirSync(reports, { recursive: true });
	const text = (i) => `---\nid: bench-lesson-${i}\ntitle: Bench lesson ${i}\nsummary: Bench input.\n---\n\n${ITEM_QUIZZES}`;
	for (let i = 0; i < 50; i++) {
		writeFileSync(path.join(lessons, 'en', `bench-lesson-${i}.md`), text(i));
	}
	const contentHash = core.parseLesson(text(0), 'bench-lesson-0.md').lesson?.contentHash ?? 'unknown';
	const at = '2026-01-02T00:00:00.000Z';
	const quiz = (id, wrong, n) => ({ id, correct: !wrong, attempts: 1, answeredAt: at, answer: wrong ? [1 + (n % 2)] : [0], contentHash });
	for (let n = 0; n < 1000; n++) {
		const lessonsOf = Array.from({ length: 50 }, (_, i) => {
			const wrong = (n + i) % 3 === 0;
			return { id: `bench-lesson-${i}`, title: `Bench lesson ${i}`, track: 'developer', origin: 'workspace', status: wrong ? 'failed' : 'passed', score: wrong ? 50 : 100, answered: 2, total: 2,
				correct: wrong ? 1 : 2, attempts: 2, startedAt: '2026-01-01T00:00:00.000Z', updatedAt: at, contentHash, quizzes: [quiz('q1', wrong, n), quiz('q2', false, n)] };
		});
		writeFileSync(path.join(reports, `learner-${n}.json`), JSON.stringify({
			format: 'incident-lessons-progress-report', schemaVersion: 2, generatedAt: '2026-01-03T00:00:00.000Z', learner: { name: `Learner ${n}` }, workspace: 'bench', passMark: 80,
			assignment: { file: '.incident-lessons/assignments.json', lessons: Array.from({ length: 50 }, (_, i) => ({ id: `bench-lesson-${i}`, due: '2026-02-01' })) }, lessons: lessonsOf,
		}, null, '\t'));
	}
	return { lessons, reports, contentHash };
}

/** Runs `node dist/cli.js …` with a time limit; resolves with its wall time, exit code or signal, and peak RSS. */
function cli(root, tmp, args) {
	const rssFile = path.join(tmp, 'maxrss.txt');
	const hook = path.join(tmp, 'maxrss.cjs');
	writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
	rmSync(rssFile, { force: true });
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['--require', hook, path.join(root, 'dist/cli.js'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile } });
		let stderr = '';
		child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
		const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const ms = performance.now() - started;
			let maxRssMb;
			try {
				maxRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
			} catch {
				maxRssMb = undefined;
			}
			const timedOut = ms >= RUN_LIMIT_MS;
			// lint exits 1 for a lesson with errors: that is a finished run, not a crash
			const crashed = !timedOut && (signal !== null || code === null || code > 1);
			resolve({ ms, code, signal, maxRssMb, timedOut, crashed, stderrTail: crashed ? stderr.slice(-300) : undefined });
		});
	});
}

/** The editor's view: slices of a 50 ms budget, resumed until done (at most 1 s in all); the slowest slice. */
function editorSlices(core, sources, text) {
	const index = core.compileTriggers(sources);
	const doc = { path: 'src/long-line.ts', languageId: 'typescript', text };
	const options = { clock: () => performance.now(), budgetMs: HARDENING_TARGETS.sliceMs, maxChars: 1_000_000, maxMatchesPerTrigger: 20 };
	const started = performance.now();
	let worstMs = 0;
	let slices = 0;
	let result;
	do {
		const sliceStarted = performance.now();
		result = core.scanDocument(index, doc, result?.resumeAt ? { ...options, resume: { at: result.resumeAt, matches: result.matches } } : options);
		worstMs = Math.max(worstMs, performance.now() - sliceStarted);
		slices++;
	} while (result.status === 'timedOut' && result.resumeAt && performance.now() - started < 1000);
	return { worstMs, slices, totalMs: performance.now() - started, status: result.status, triggers: index.triggers.length };
}

/** Every hardening figure; `root` is the repository (dist/cli.js must be built). */
export async function measureHardening({ root, tmpDir, log = () => {} }) {
	const dir = path.join(tmpDir, 'hardening');
	log('hardening: generating inputs');
	const inputs = generate(dir);
	const core = await loadCore(tmpDir);
	const { lesson } = core.parseLesson(readFileSync(inputs.lessonFile, 'utf8'), 'bench-hostile-triggers.md', { expectedId: 'bench-hostile-triggers' });
	const sources = lesson ? [{ lessonId: lesson.meta.id, title: lesson.meta.title, triggers: lesson.meta.triggers }] : [];
	log('hardening: trigger scan, editor slices and CLI suggest');
	const slices = editorSlices(core, sources, `${inputs.line}\nconst a = 1;\n`);
	// The same class without the line limit's help: 400 lines just under it (1,000 characters).
	const slicesLines = editorSlices(core, sources, Array.from({ length: 400 }, (_, i) => letters(999, i + 2)).join('\n'));
	const suggest = await cli(root, dir, ['suggest', inputs.source, '--lessons', inputs.lessons]);
	log('hardening: lint of the alias and diagnostics inputs');
	const lintAlias = await cli(root, dir, ['lint', inputs.alias]);
	const lintTags = await cli(root, dir, ['lint', inputs.tags]);
	log('hardening: team reports');
	const report1000 = await cli(root, dir, ['report', inputs.learners]);
	const reportHostile = await cli(root, dir, ['report', inputs.hostileReport]);
	log('hardening: question analysis and evidence pack (version 2 reports)');
	const items = generateItems(dir, core);
	const items1000 = await cli(root, dir, ['report', items.reports, '--items', '--lessons', items.lessons, '--html', path.join(dir, 'items.html')]);
	const evidence1000 = await cli(root, dir, ['evidence', items.reports, '--lessons', items.lessons, '--out', path.join(dir, 'evidence'), '--force', '--requirement', 'PCI DSS 4.0 6.2.2']);
	return { targets: HARDENING_TARGETS, triggers: { ...slices, lessonParsed: lesson !== undefined }, triggersLines: slicesLines, suggest, lintAlias, lintTags, report1000, reportHostile, items1000, evidence1000 };
}

const ms = (v) => (typeof v === 'number' ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : 'n/a');
const failure = (run) => (run.timedOut ? 'not met: timed out' : run.crashed ? `not met: crashed (${run.signal ?? `exit ${run.code}`})` : undefined);

/** Rows for the report's table (bench/report.mjs). */
export function hardeningRows(h) {
	if (!h) {
		return [];
	}
	const t = h.targets;
	const timed = (id, figure, run, limitMs, extra = '') => ({
		id, figure, value: failure(run) ?? `${ms(run.ms)}${extra}`, target: `≤ ${ms(limitMs)}`, met: !failure(run) && run.ms <= limitMs,
	});
	const memory = (run) => (typeof run.maxRssMb === 'number' ? `${run.maxRssMb.toFixed(0)} MB` : 'n/a');
	return [
		{ id: 'hardening', figure: `Trigger scan, editor: 400,000-character line, ${h.triggers.triggers} workspace triggers (slowest slice)`, value: `${ms(h.triggers.worstMs)} (${h.triggers.slices} slices, ${h.triggers.status})`, target: `≤ ${ms(t.sliceMs)}`, met: h.triggers.triggers === 20 && h.triggers.worstMs <= t.sliceMs },
		{ id: 'hardening', figure: `Trigger scan, editor: 400 random lines of 999 characters, ${h.triggersLines.triggers} workspace triggers (slowest slice)`, value: `${ms(h.triggersLines.worstMs)} (${h.triggersLines.slices} slices in ${ms(h.triggersLines.totalMs)}, ${h.triggersLines.status})`, target: `≤ ${ms(t.sliceMs)}`, met: h.triggersLines.worstMs <= t.sliceMs },
		timed('hardening', '`suggest` on the 400,000-character line (CLI, whole process)', h.suggest, t.suggestMs),
		timed('hardening', '`lint`: 5 KB front matter, one anchored list aliased 99 times', h.lintAlias, t.lintMs),
		timed('hardening', '`lint`: 125,000 non-kebab tags (~250 KB)', h.lintTags, t.lintMs),
		timed('hardening', '`report`: 1,000 learners × 50 lessons (time)', h.report1000, t.reportMs),
		{ id: 'hardening', figure: '`report`: 1,000 learners × 50 lessons (peak RSS)', value: failure(h.report1000) ?? memory(h.report1000), target: `≤ ${t.reportMb} MB`, met: !failure(h.report1000) && h.report1000.maxRssMb <= t.reportMb },
		timed('hardening', '`report`: one 5 MiB report of 200,000 `{}` lessons (time)', h.reportHostile, t.reportMs),
		{ id: 'hardening', figure: '`report`: one 5 MiB hostile report (peak RSS)', value: failure(h.reportHostile) ?? memory(h.reportHostile), target: `≤ ${t.reportMb} MB`, met: !failure(h.reportHostile) && h.reportHostile.maxRssMb <= t.reportMb },
		// Both exit 1 when they wrote nothing (no report read, folder refused): only 0 is a result here.
		...[['`report --items --html`', h.items1000, t.itemsMs], ['`evidence --out`', h.evidence1000, t.evidenceMs]].filter(([, run]) => run).flatMap(([name, run, limitMs]) => [
			{ ...timed('hardening', `${name}: 1,000 learners × 50 lessons, version 2 reports (time)`, run, limitMs), ...(run.code === 0 || failure(run) ? {} : { value: `not met: exit ${run.code}`, met: false }) },
			{ id: 'hardening', figure: `${name}: 1,000 learners × 50 lessons (peak RSS)`, value: failure(run) ?? memory(run), target: `≤ ${t.reportMb} MB`, met: !failure(run) && run.code === 0 && run.maxRssMb <= t.reportMb },
		]),
	];
}

/** Writes bench/tmp/results-hardening.json and .md (`--only hardening`); returns the table. */
export function writeHardeningOnly(h, tmpDir) {
	writeFileSync(path.join(tmpDir, 'results-hardening.json'), `${JSON.stringify(h, null, '\t')}\n`);
	const rows = hardeningRows(h).map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.met ? '**met**' : '**not met**'} |`);
	const table = ['| figure | result | target | |', '| --- | --- | --- | --- |', ...rows].join('\n');
	writeFileSync(path.join(tmpDir, 'results-hardening.md'), `${table}\n`);
	return table;
}
