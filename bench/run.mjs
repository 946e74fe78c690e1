// `npm run bench`: builds, generates lesson sets, measures core timings, bundle sizes, the real extension host and
// the real workbench in chromium, and writes bench/results.json and bench/results.md (every figure, its target,
// met or not, and for what is not met the profile and the change that would meet it).
// `--quick`: smaller sets and fewer runs, to try the bench itself (its results are not written to bench/).
// `--only hardening`: only the hostile-input figures (bench/hardening.mjs), written to bench/tmp/results-hardening.*.
// `--before FILE`: an earlier run's results.json; results.md then shows a before/after table (bench/compare.mjs).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { browserRound } from './browser.mjs';
import { buildCoreBundles, buildReadableDist, bundleComposition, bundleSizes, vsixComposition } from './bundles.mjs';
import { generateSet } from './generate.mjs';
import { builtSet, measureInHost, prepareExtensionCopy } from './host.mjs';
import { summarizeProfile } from './profile.mjs';
import { measureHardening, writeHardeningOnly } from './hardening.mjs';
import { describeTriggerScan, measureTriggerScan } from './triggers.mjs';
import { compare } from './compare.mjs';
import { median, writeReport } from './report.mjs';
import { ROOT, ensureCodeServer, launchBrowser, packageExtension, run, startCodeServer } from '../test/harness/codeServer.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const beforeFile = process.argv.includes('--before') ? process.argv[process.argv.indexOf('--before') + 1] : undefined;
const TMP = path.join(ROOT, 'bench/tmp');
const OUT_DIR = quick ? TMP : path.join(ROOT, 'bench');

const PLAN = quick
	? { sets: [{ lessons: 100, runs: 3 }, { lessons: 1000, runs: 2 }], activationRuns: 2, helloActivationRuns: 1, viewRuns: 1, browserRounds: 2, answers: 200, scaleLessons: 1000, progressLessons: 300 }
	: { sets: [{ lessons: 100, runs: 7 }, { lessons: 1000, runs: 5 }, { lessons: 10_000, runs: 3 }], activationRuns: 5, helloActivationRuns: 5, viewRuns: 3, browserRounds: 7, answers: 1000, scaleLessons: 10_000, progressLessons: 300 };
/** A typical lesson (12 KB, both SVG figures, 5 quizzes) and a very long one (250 KB, 50 quizzes: within the 64 KiB of YAML a lesson may have). */
const RENDER_SUBJECTS = [{ bytes: 12_000, quizzes: 5, seed: 12 }, { bytes: 250_000, quizzes: 50, seed: 250 }];
/** Answers with the view open at 10,000 lessons: what one answer costs when every refresh walks them all. */
const SCALE_ANSWERS = 3;
/** The views whose opening is timed from inside the host (the container command is what the activity-bar icon runs). */
const VIEW_TIMELINES = {
	ours: { viewId: 'incidentLessons.lessons', container: 'workbench.view.extension.incidentLessons' },
	hello: { viewId: 'helloTree.items', container: 'workbench.view.extension.helloTree' },
};

const started = Date.now();
function step(message) {
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);
}

function runNode(args, { env } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
	});
}

async function capture(command, args) {
	try {
		return (await run(command, args, { quiet: true })).trim();
	} catch {
		return undefined;
	}
}

async function machine() {
	const release = existsSync('/etc/os-release') ? /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
	const vscodeDir = path.join(ROOT, '.vscode-test/code-server/node_modules/code-server');
	const version = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined);
	const commit = await capture('git', ['rev-parse', '--short', 'HEAD']);
	// The results of an earlier run are not a change to what is measured.
	const dirty = await capture('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results.md', ':!bench/results.json']);
	return {
		cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: os.totalmem() / 2 ** 30,
		os: release ?? `${os.type()} ${os.release()}`, node: process.version,
		codeServer: version(path.join(vscodeDir, 'package.json')), vscode: version(path.join(vscodeDir, 'lib/vscode/package.json')),
		chromium: /Chrom(e|ium) [\d.]+/.exec((await capture(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'])) ?? '')?.[0],
		commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : undefined,
		loadAverageAtStart: os.loadavg()[0],
	};
}

async function packageAll() {
	const ours = await packageExtension(path.join(TMP, 'incident-lessons.vsix'));
	const hello = path.join(TMP, 'hello-tree.vsix');
	await run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '-o', hello], { cwd: path.join(ROOT, 'bench/fixtures/hello-tree'), quiet: true });
	return { ours, hello };
}

async function coreTimings(sets, bundles) {
	const configFile = path.join(TMP, 'core-config.json');
	const out = path.join(TMP, 'core-result.json');
	const base = { root: ROOT, renderChunk: path.join(ROOT, 'dist/render.js'), renderSubjects: RENDER_SUBJECTS };
	writeFileSync(configFile, JSON.stringify({ ...base, coreBundle: bundles.minified, out, sets: sets.map((s) => ({ dir: s.dir, runs: s.runs, catalogFile: s.catalogFile })) }));
	await runNode(['--expose-gc', 'bench/core.mjs', configFile]);
	const result = JSON.parse(readFileSync(out, 'utf8'));

	// Profiles of the same code, readable, to say where the time goes.
	const profiles = {};
	const profileSet = sets.find((s) => s.lessons === 1000) ?? sets[0];
	for (const [name, config] of [
		['catalog', { sets: [{ dir: profileSet.dir, runs: 3, catalogFile: profileSet.catalogFile }], profile: 'catalog' }],
		['render', { profile: 'render' }],
	]) {
		const dir = path.join(TMP, 'profiles');
		mkdirSync(dir, { recursive: true });
		const file = path.join(TMP, `profile-${name}.json`);
		const profileOut = path.join(dir, `${name}.cpuprofile`);
		writeFileSync(file, JSON.stringify({ ...base, coreBundle: bundles.readable, ...config, profileOut }));
		await runNode(['bench/core.mjs', file]);
		profiles[name] = summarizeProfile(profileOut, bundles.readable);
		profiles[name].file = path.relative(ROOT, profiles[name].file);
		profiles[name].workload = name === 'catalog' ? `the list from the build's catalog × 3 over the ${profileSet.lessons}-lesson set` : 'renderLesson × 3,000 on the 12 KB lesson';
	}
	return { ...result, profiles };
}

/**
 * A host measurement that needs the extension cold in its window, tried again (up to three windows) when another
 * of its activation events fired first while the window started (the run then reports `wasActive`).
 */
async function coldRun(cs, browser, options) {
	let result;
	for (let attempt = 0; attempt < 3; attempt++) {
		result = await measureInHost(cs, browser, options);
		if (!result.wasActive) {
			return result;
		}
		step(`host: the extension was already active in that window (${options.mode}); trying a new one`);
	}
	return result;
}

async function hostTimings(shippedExtension, scaleExtension, progressExtension) {
	await ensureCodeServer();
	const cs = await startCodeServer({});
	const browser = await launchBrowser({ stateDir: cs.stateDir });
	const result = { activation: [], helloActivation: [] };
	// The hello-world tree as a development extension, measured the same way: what any activation costs here.
	const hello = path.join(TMP, 'hello-tree-dev');
	rmSync(hello, { recursive: true, force: true });
	cpSync(path.join(ROOT, 'bench/fixtures/hello-tree'), hello, { recursive: true });
	try {
		for (let i = 0; i < PLAN.activationRuns; i++) {
			result.activation.push(await measureInHost(cs, browser, { extensionPath: shippedExtension, mode: 'activation' }));
			const last = result.activation.at(-1);
			step(`host: activation ${i + 1}/${PLAN.activationRuns}: ${last.marks.loadToActivatedMs} ms by the host's marks, ${last.wallMs.toFixed(1)} ms wall`);
			if (i < PLAN.helloActivationRuns) {
				result.helloActivation.push(await measureInHost(cs, browser, { extensionPath: hello, extensionId: 'bench.hello-tree', mode: 'activation' }));
				step(`host: hello-world activation: ${result.helloActivation.at(-1).marks.loadToActivatedMs} ms by the host's marks`);
			}
		}
		result.viewTimeline = { ours: [], hello: [] };
		for (let i = 0; i < PLAN.viewRuns; i++) {
			result.viewTimeline.ours.push(await coldRun(cs, browser, { extensionPath: shippedExtension, mode: 'view', view: VIEW_TIMELINES.ours }));
			result.viewTimeline.hello.push(await coldRun(cs, browser, { extensionPath: hello, extensionId: 'bench.hello-tree', mode: 'view', view: VIEW_TIMELINES.hello }));
			const [ours, base] = [result.viewTimeline.ours.at(-1), result.viewTimeline.hello.at(-1)];
			step(`host: view opened ${i + 1}/${PLAN.viewRuns}: root answered after ${ours.rootResolvedMs?.toFixed(0)} ms, groups after ${ours.groupsResolvedMs?.toFixed(0)} ms (hello-world root ${base.rootResolvedMs?.toFixed(0)} ms)`);
		}
		step(`host: Lessons view with ${PLAN.scaleLessons} lessons (cold), then ${SCALE_ANSWERS} answers`);
		result.scale = await coldRun(cs, browser, { extensionPath: scaleExtension, mode: 'scale', openView: true, answers: SCALE_ANSWERS, profile: true });
		if (result.scale.wasActive) {
			throw new Error('the extension was already active in three windows in a row: the Lessons view at scale could not be timed');
		}
		step(`host: root children after ${result.scale.view.rootChildrenMs.toFixed(0)} ms, ${result.scale.view.getTreeItemCalls} tree items resolved, heap +${result.scale.heap.growthMb.toFixed(0)} MB`);
		step(`host: ${PLAN.answers} answers in a row (${PLAN.progressLessons}-lesson set)`);
		result.progress = await measureInHost(cs, browser, { extensionPath: progressExtension, mode: 'scale', answers: PLAN.answers, profile: true });
		const p = result.progress.progress;
		step(`host: ${p.workspaceStateWrites} workspaceState and ${p.globalStateWrites} globalState writes for ${p.answers} answers, ${p.medianMs.toFixed(1)} ms median`);
	} finally {
		await browser.close().catch(() => {});
		await cs.stop({ clean: true });
	}
	// Where the host's time went (the copies run the readable build, so modules have names).
	const summarize = (run, name, extension) => {
		const file = run.profiles?.[name];
		if (file) {
			run.profiles[name] = { ...summarizeProfile(file, extensionBundles(extension)), file: path.relative(ROOT, file) };
		}
	};
	summarize(result.scale, 'view', scaleExtension);
	summarize(result.scale, 'answers', scaleExtension);
	summarize(result.progress, 'answers', progressExtension);
	return result;
}

/** The readable bundles of an extension copy: the entry and every chunk (dist/*.js). */
function extensionBundles(extension) {
	return readdirSync(path.join(extension, 'dist')).filter((f) => f.endsWith('.js')).map((f) => path.join(extension, 'dist', f));
}

async function browserTimings(vsix) {
	const cs = await startCodeServer({ vsixPaths: [vsix.ours, vsix.hello] });
	const browser = await launchBrowser({ stateDir: cs.stateDir });
	const rounds = [];
	try {
		for (let round = 0; round < PLAN.browserRounds; round++) {
			const r = await browserRound(browser, cs, { round });
			rounds.push(r);
			step(`browser: round ${round + 1}/${PLAN.browserRounds}: first row ${r.lessons.firstRowPaintedMs.toFixed(0)} ms (hello-world ${r.hello.firstRowPaintedMs.toFixed(0)} ms), lesson interactive ${r.lessonOpen.coldMs.toFixed(0)} ms cold (hello-world webview ${r.helloWebview.coldMs.toFixed(0)} ms), ${r.lessonOpen.warmMs.map((ms) => ms.toFixed(0)).join('/')} ms warm`);
		}
	} finally {
		await browser.close().catch(() => {});
		await cs.stop({ clean: true });
	}
	return rounds;
}

async function main() {
	mkdirSync(TMP, { recursive: true });
	step('installing code-server if needed');
	const installStarted = Date.now();
	await ensureCodeServer();
	const installS = (Date.now() - installStarted) / 1000;
	const info = await machine();
	step(`${info.cpu} × ${info.cores}, load average ${info.loadAverageAtStart.toFixed(2)}`);

	// Packaging builds first (vsce runs vscode:prepublish), as a release does.
	step(`${quick ? 'quick run: ' : ''}building and packaging the extension, and the hello-world tree view`);
	const vsix = await packageAll();

	const sets = [];
	for (const { lessons, runs } of PLAN.sets) {
		const generated = generateSet(path.join(TMP, 'sets', String(lessons)), lessons);
		step(`${generated.reused ? 'reused' : 'generated'} ${lessons} lessons (${(generated.bytes / 2 ** 20).toFixed(1)} MB)`);
		// The catalog the build would write for it (kept beside the set while its inputs are unchanged).
		const catalogFile = path.join(await builtSet(generated.dir), 'catalog.json');
		sets.push({ lessons, runs, dir: generated.dir, bytes: generated.bytes, catalogFile });
	}

	step('core: catalog and render timings');
	const bundles = await buildCoreBundles(TMP);
	const core = await coreTimings(sets, bundles);

	step('bundle sizes and composition');
	const composition = await bundleComposition(TMP);
	const sizes = bundleSizes(composition);
	const vsixBytes = statSync(vsix.ours).size;

	const scaleSet = sets.find((s) => s.lessons === PLAN.scaleLessons) ?? sets.at(-1);
	// Progress: enough lessons for 1,000 different quizzes (3-5 each), few enough that the per-lesson work each
	// answer also triggers (status bars, the tree) stays small next to the writes being measured.
	const progressSet = generateSet(path.join(TMP, 'sets', String(PLAN.progressLessons)), PLAN.progressLessons);
	// The scale runs are profiled, so their copies carry the readable (not minified) build of the same sources.
	const readable = await buildReadableDist(path.join(TMP, 'dist-readable'));
	// Activation and the view's timeline: the shipped files and lessons, as a copy that only the runs activate.
	const shippedExtension = await prepareExtensionCopy(path.join(TMP, 'ext-shipped'));
	const scaleExtension = await prepareExtensionCopy(path.join(TMP, `ext-${scaleSet.lessons}`), scaleSet.dir, readable);
	const progressExtension = await prepareExtensionCopy(path.join(TMP, `ext-${progressSet.count}`), progressSet.dir, readable);
	step('trigger scan: a 5,000-line file against every bundled trigger');
	const triggerScan = await measureTriggerScan({ runs: quick ? 20 : 50, tmpDir: TMP });
	console.log(`  ${describeTriggerScan(triggerScan)}`);
	const hardening = await measureHardening({ root: ROOT, tmpDir: TMP, log: step });

	step('extension host: activation, the tree at scale, progress writes');
	const host = await hostTimings(shippedExtension, scaleExtension, progressExtension);

	step('browser: tree view and lesson webview');
	const browser = await browserTimings(vsix);

	info.loadAverageAtEnd = os.loadavg()[0];
	info.durationS = (Date.now() - started) / 1000;
	// A first run installs code-server (tens of seconds to minutes, mostly downloads); that is not the bench's time.
	info.codeServerInstallS = installS > 10 ? installS : 0;
	const results = {
		date: new Date(started).toISOString(), quick, machine: info,
		sets: sets.map(({ lessons, bytes }) => ({ lessons, bytes })),
		core, triggerScan, hardening, bundles: { sizes, vsixBytes, vsixParts: vsixComposition(vsix.ours), composition }, host, browser,
		summary: {
			// As VS Code records it: the host's marks, whichever event activated the extension (onStartupFinished, a view).
			activationMarksMs: median(host.activation.map((a) => a.marks.loadToActivatedMs)),
			// The wall time of activate() only where this run's call did activate it.
			activationWallMs: median(host.activation.filter((a) => !a.wasActive).map((a) => a.wallMs)),
			activationRunsUsed: host.activation.filter((a) => typeof a.marks.loadToActivatedMs === 'number').length,
			helloActivationMarksMs: median(host.helloActivation.map((a) => a.marks.loadToActivatedMs)),
			treeMs: median(browser.map((r) => r.lessons.firstRowPaintedMs)),
			helloTreeMs: median(browser.map((r) => r.hello.firstRowPaintedMs)),
			lessonColdMs: median(browser.map((r) => r.lessonOpen.coldMs)),
			helloWebviewColdMs: median(browser.map((r) => r.helloWebview.coldMs)),
			// How long a first open's row was on screen before the click (runs before this field clicked at once).
			firstOpenReadMs: browser[0]?.lessonOpen.readMs ?? 0,
			lessonWarmMs: median(browser.flatMap((r) => r.lessonOpen.warmMs)),
		},
	};
	writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	const beforeAfter = beforeFile ? compare(JSON.parse(readFileSync(beforeFile, 'utf8')), results) : undefined;
	const table = writeReport(results, path.join(OUT_DIR, 'results.md'), beforeAfter);
	console.log(`\n${table}\n`);
	step(`wrote ${path.relative(ROOT, path.join(OUT_DIR, 'results.md'))} and results.json`);
}

/** `--only hardening`: build, then only the hostile-input figures. */
async function hardeningOnly() {
	mkdirSync(TMP, { recursive: true });
	step('build');
	await run('npm', ['run', 'build'], { quiet: true });
	console.log(`\n${writeHardeningOnly(await measureHardening({ root: ROOT, tmpDir: TMP, log: step }), TMP)}\n`);
}

try {
	if (only === 'hardening') {
		await hardeningOnly();
	} else if (only !== undefined) {
		throw new Error(`--only ${only}: the only part that runs alone is "hardening"`);
	} else {
		await main();
	}
} catch (error) {
	console.error(error);
	process.exitCode = 1;
}
