// Runs inside the real extension host, loaded by the workbench as `extensionTestsPath` (the same contract as the
// extension-host tests: export `run()`). bench/host.mjs copies this file next to a `config.json` inside the
// development extension's folder, so `require('vscode')` here is the very API object the extension gets.
//
// config.mode:
//   activation  a fresh `activate()`, timed by wall clock and by the host's own performance marks
//   view        a tree view opened cold by its container command: when the host loaded and activated the extension
//               and when the workbench asked for and got the root and the expanded groups (config.view)
//   scale       many lessons: with config.openView, the Lessons view opened cold (tree children, items resolved,
//               host heap, event-loop stalls); then config.answers calls of `answer()`, counting workspaceState writes
// Results go to config.out as JSON; nothing is asserted here (bench/run.mjs judges the figures).
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const vscode = require('vscode');

const EXTENSION_ID = 'incident-lessons.incident-lessons';
const MARK_PREFIX = 'code/extHost/';

/** A real `gc()` for steadier heap figures (the host runs without --expose-gc). */
function collector() {
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc');
	return () => { gc(); gc(); };
}

function heapMb() {
	return process.memoryUsage().heapUsed / 2 ** 20;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A CPU profile of the host (this thread) while `work` runs, written to `file` when config.profile is set.
 * The sampling profiler costs a few percent; only the scale runs use it.
 */
async function profiled(config, name, work) {
	if (!config.profile) {
		return { result: await work() };
	}
	const inspector = require('node:inspector');
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, value) => (error ? reject(error) : resolve(value))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 500 });
	await post('Profiler.start');
	try {
		return { result: await work() };
	} finally {
		const { profile } = await post('Profiler.stop');
		session.disconnect();
		const file = path.join(path.dirname(config.out), `${name}.cpuprofile`);
		writeFileSync(file, JSON.stringify(profile));
	}
}

/** The host's marks for one extension: willLoadExtensionCode, didLoadExtensionCode, willActivateExtension, didActivateExtension. */
function activationMarks(id) {
	const marks = globalThis.MonacoPerformanceMarks?.getMarks() ?? [];
	const at = (name) => marks.find((m) => m.name === `${MARK_PREFIX}${name}/${id}`)?.startTime;
	const willLoad = at('willLoadExtensionCode');
	const didLoad = at('didLoadExtensionCode');
	const willActivate = at('willActivateExtension');
	const didActivate = at('didActivateExtension');
	return {
		available: willLoad !== undefined && didActivate !== undefined,
		loadToActivatedMs: willLoad !== undefined && didActivate !== undefined ? didActivate - willLoad : undefined,
		codeLoadMs: willLoad !== undefined && didLoad !== undefined ? didLoad - willLoad : undefined,
		activateCallMs: willActivate !== undefined && didActivate !== undefined ? didActivate - willActivate : undefined,
	};
}

/** Which modules the extension has pulled in (require.cache is shared by every CommonJS module in the host). */
function loadedModules(extensionPath) {
	const dist = path.join(extensionPath, 'dist') + path.sep;
	const inside = Object.keys(require.cache).filter((file) => file.startsWith(dist));
	return {
		files: inside.map((file) => path.relative(extensionPath, file)),
		renderChunk: inside.some((file) => file.endsWith(`${path.sep}dist${path.sep}render.js`)),
	};
}

/** Largest delay of a 10 ms timer while `work` runs: how long the host's event loop was blocked. */
function watchEventLoop() {
	let last = performance.now();
	let worst = 0;
	let blockedTotal = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		const late = now - last - 10;
		worst = Math.max(worst, late);
		if (late > 50) {
			blockedTotal += late;
		}
		last = now;
	}, 10);
	return () => {
		clearInterval(timer);
		return { worstStallMs: worst, stalledOver50MsTotal: blockedTotal };
	};
}

/** Waits until the host has finished starting the built-in extensions: three quiet 100 ms ticks in a row (at most 5 s). */
async function settle() {
	const deadline = performance.now() + 5000;
	let quiet = 0;
	while (quiet < 3 && performance.now() < deadline) {
		const started = performance.now();
		await sleep(100);
		quiet = performance.now() - started < 105 ? quiet + 1 : 0;
	}
}

async function measureActivation(ext, gc, config) {
	const wasActive = ext.isActive;
	await settle();
	gc();
	const heapBefore = heapMb();
	const started = performance.now();
	await profiled(config, 'activation', () => ext.activate());
	const wallMs = performance.now() - started;
	const afterActivate = loadedModules(ext.extensionPath);
	// What activation leaves running: the features' first work (the status bars' counts, the checks of team content),
	// which reads the lesson list.
	const stop = watchEventLoop();
	const statusStarted = performance.now();
	const eluStart = performance.eventLoopUtilization();
	// The status bar's text is read through the testing hooks (a development extension has them).
	const hooks = ext.exports?.testing;
	while (typeof hooks?.statusBarText === 'function' && performance.now() - statusStarted < 20_000 && !/\d+\/\d+/.test(hooks.statusBarText())) {
		await sleep(5);
	}
	// How long the host's thread was busy from activation until the count was shown (any code; mostly the features' start).
	const startupBusyMs = performance.eventLoopUtilization(eluStart).active;
	const statusBarMs = performance.now() - statusStarted;
	const stalls = stop();
	gc();
	const heapAfter = heapMb();
	return {
		wasActive,
		wallMs,
		marks: activationMarks(ext.id),
		heapGrowthMb: heapAfter - heapBefore,
		modulesAtActivation: afterActivate.files,
		renderChunkLoadedAtActivation: afterActivate.renderChunk,
		startupBusyMs,
		afterActivation: { statusBarFilledMs: statusBarMs, ...stalls },
	};
}

/**
 * Wraps the tree provider the extension registers, to count and time what the view asks for. Installed on the
 * extension's own API object before activation; the provider itself is unchanged.
 */
function instrumentTreeViews(watchedViewId = 'incidentLessons.lessons') {
	const calls = {
		getChildren: 0, getTreeItem: 0, itemsReturned: 0, rootResolved: [], groupsResolvedAt: 0, started: 0, provider: undefined,
		rootRequestedAt: undefined, groupsRequestedAt: undefined,
	};
	const original = vscode.window.createTreeView;
	vscode.window.createTreeView = (viewId, options) => {
		if (viewId === watchedViewId) {
			const provider = options.treeDataProvider;
			calls.provider = provider;
			const getChildren = provider.getChildren.bind(provider);
			const getTreeItem = provider.getTreeItem.bind(provider);
			provider.getChildren = async (node) => {
				calls.getChildren++;
				const asked = performance.now() - calls.started;
				if (node === undefined) {
					calls.rootRequestedAt ??= asked;
				} else {
					calls.groupsRequestedAt ??= asked;
				}
				const children = (await getChildren(node)) ?? [];
				calls.itemsReturned += children.length;
				const at = performance.now() - calls.started;
				calls.eluAtLastAnswer = performance.eventLoopUtilization();
				calls.modulesAtLastAnswer = calls.extensionPath ? loadedModules(calls.extensionPath).files : undefined;
				if (node === undefined) {
					calls.rootResolved.push(at);
				} else {
					calls.groupsResolvedAt = Math.max(calls.groupsResolvedAt, at);
				}
				return children;
			};
			provider.getTreeItem = (node) => {
				calls.getTreeItem++;
				return getTreeItem(node);
			};
		}
		return original.call(vscode.window, viewId, options);
	};
	return calls;
}

/**
 * Loads the extension's main module first and puts a copy of its exports in the require cache whose `activate`
 * counts workspaceState and globalState updates (the host then requires the same cached module and gets the copy).
 * `…Sends` counts the updates VS Code sends: it sends the whole state once for all updates of one task.
 */
function countStateWrites(ext) {
	const counter = { workspaceState: 0, globalState: 0, workspaceStateSends: 0, globalStateSends: 0 };
	const pending = {};
	const file = require.resolve(path.join(ext.extensionPath, ext.packageJSON.main));
	const main = require(file);
	const cached = require.cache[file];
	const count = (memento, key) => {
		const update = memento.update.bind(memento);
		memento.update = (...args) => {
			counter[key]++;
			if (!pending[key]) {
				pending[key] = true;
				counter[`${key}Sends`]++;
				setTimeout(() => { pending[key] = false; }, 0);
			}
			return update(...args);
		};
	};
	cached.exports = {
		...main,
		activate: (context) => {
			count(context.workspaceState, 'workspaceState');
			count(context.globalState, 'globalState');
			return main.activate(context);
		},
	};
	return counter;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function waitUntil(condition, timeoutMs) {
	const deadline = performance.now() + timeoutMs;
	while (!condition() && performance.now() < deadline) {
		await sleep(10);
	}
	return condition();
}

/** Opens the Lessons view as the activity-bar icon does and waits until the root and expanded groups are resolved. */
async function openView(ext, tree) {
	// Opening the view activates the extension (onView) and asks for the root, then for every expanded group.
	const stop = watchEventLoop();
	tree.started = performance.now();
	await vscode.commands.executeCommand('workbench.view.extension.incidentLessons');
	await waitUntil(() => tree.rootResolved.length > 0, 240_000);
	let settled;
	do {
		settled = tree.getChildren;
		await sleep(300);
	} while (tree.getChildren !== settled);
	return {
		...stop(), rootChildrenMs: tree.rootResolved[0], allChildrenMs: Math.max(tree.rootResolved[0] ?? 0, tree.groupsResolvedAt),
		getChildrenCalls: tree.getChildren, getTreeItemCalls: tree.getTreeItem, itemsReturned: tree.itemsReturned,
		activatedByView: ext.isActive, activationMarks: activationMarks(ext.id),
	};
}

/**
 * A tree view opened cold by its container's command, as the activity-bar icon opens it: when, from the command,
 * the host loaded and activated the extension (its own marks), the workbench asked for the root and for the expanded
 * groups' children, and the provider answered. The workbench's drawing is not in it (the browser rounds time that).
 */
async function measureViewTimeline(ext, config) {
	const wasActive = ext.isActive;
	if (wasActive) {
		return { wasActive }; // another activation event came first: its tree view was made before it could be watched
	}
	const tree = instrumentTreeViews(config.view.viewId);
	tree.extensionPath = ext.extensionPath;
	await settle();
	const startedEpoch = performance.timeOrigin + performance.now();
	const eluStart = performance.eventLoopUtilization();
	tree.started = performance.now();
	await vscode.commands.executeCommand(config.view.container);
	await waitUntil(() => tree.rootResolved.length > 0, 60_000);
	await sleep(1000); // the expanded groups' children are asked for after the root is drawn
	// The server keeps the window's layout: closed again, the next window does not start with this view shown.
	await vscode.commands.executeCommand('workbench.action.closeSidebar');
	const marks = globalThis.MonacoPerformanceMarks?.getMarks() ?? [];
	const mark = (name) => {
		const found = marks.find((m) => m.name === `${MARK_PREFIX}${name}/${ext.id}`)?.startTime;
		return found === undefined || wasActive ? undefined : found - startedEpoch;
	};
	return {
		wasActive,
		willLoadCodeMs: mark('willLoadExtensionCode'), didLoadCodeMs: mark('didLoadExtensionCode'),
		willActivateMs: mark('willActivateExtension'), didActivateMs: mark('didActivateExtension'),
		rootRequestedMs: tree.rootRequestedAt, rootResolvedMs: tree.rootResolved[0],
		groupsRequestedMs: tree.groupsRequestedAt, groupsResolvedMs: tree.groupsRequestedAt === undefined ? undefined : tree.groupsResolvedAt,
		itemsReturned: tree.itemsReturned, getChildrenCalls: tree.getChildren,
		// How long the host's thread was busy (any code: VS Code's, other extensions', this one's) from the command
		// to the last answer for the view.
		hostBusyMs: tree.eluAtLastAnswer ? performance.eventLoopUtilization(tree.eluAtLastAnswer, eluStart).active : undefined,
		// The extension's bundles loaded by then: what answering the view's first requests needed.
		modulesAtLastAnswer: tree.modulesAtLastAnswer,
	};
}

/** The provider again, now that the lessons are loaded: what every refresh of the whole view costs. */
async function warmProvider(provider) {
	const runs = [];
	for (let i = 0; i < 2 && provider; i++) {
		const started = performance.now();
		const roots = (await provider.getChildren(undefined)) ?? [];
		const rootMs = performance.now() - started;
		let items = 0;
		for (const group of roots) {
			const children = (await provider.getChildren(group)) ?? [];
			items += children.length;
			for (const child of children) {
				await provider.getTreeItem(child);
			}
		}
		runs.push({ rootMs, allMs: performance.now() - started, items });
	}
	return { rootMs: median(runs.map((r) => r.rootMs)), allMs: median(runs.map((r) => r.allMs)), items: runs[0]?.items ?? 0 };
}

/** Answers `count` quizzes in catalog order with the right answers (from the set's answers.json), one after another. */
async function answerMany(ext, api, writes, count) {
	const key = JSON.parse(readFileSync(path.join(ext.extensionPath, 'lessons', 'answers.json'), 'utf8'));
	const targets = [];
	for (const lesson of await api.listLessons()) {
		for (const quizId of lesson.quizIds) {
			const answer = key[lesson.id]?.[quizId];
			if (answer && targets.length < count) {
				targets.push({ lessonId: lesson.id, quizId, answer });
			}
		}
	}
	const before = { ...writes };
	const times = [];
	let rejected = 0;
	const stop = watchEventLoop();
	const started = performance.now();
	for (const { lessonId, quizId, answer } of targets) {
		const before = performance.now();
		const result = await api.answer(lessonId, quizId, answer);
		times.push(performance.now() - before);
		if (!result) {
			rejected++;
		}
	}
	const totalMs = performance.now() - started;
	await sleep(500); // let the refreshes the answers caused run
	const tenth = Math.max(1, Math.floor(times.length / 10));
	const loop = stop();
	return {
		answers: times.length, rejected, totalMs,
		workspaceStateWrites: writes.workspaceState - before.workspaceState, globalStateWrites: writes.globalState - before.globalState,
		globalStateSends: writes.globalStateSends - before.globalStateSends,
		firstTenthMedianMs: median(times.slice(0, tenth)), lastTenthMedianMs: median(times.slice(-tenth)), medianMs: median(times),
		storedBytes: await storedBytes(api), ...loop,
	};
}

/**
 * The size of the progress as stored (the shared copy as one value, once the answers waiting for it are written),
 * which is what every memento update sends; for an extension without that method, of the progress it holds.
 */
async function storedBytes(api) {
	const stored = typeof api.testing?.readStoredProgress === 'function' ? await api.testing.readStoredProgress()
		: typeof api.getProgress === 'function' ? api.getProgress() : undefined;
	return stored === undefined ? undefined : Buffer.byteLength(JSON.stringify(stored));
}

/**
 * Many lessons: with `config.openView`, the Lessons view opened cold (tree children, items resolved, host heap,
 * event-loop stalls) and its provider timed warm; then `config.answers` answers through the API.
 */
async function measureScale(ext, gc, config) {
	if (config.openView && ext.isActive) {
		return { wasActive: true }; // as in measureViewTimeline: nothing to time in this window
	}
	const tree = instrumentTreeViews();
	const writes = countStateWrites(ext);
	await settle();
	gc();
	const heapBefore = heapMb();
	let view;
	if (config.openView) {
		view = (await profiled(config, 'view', () => openView(ext, tree))).result;
	} else {
		await ext.activate();
	}
	gc();
	const heapWithView = heapMb();
	const api = ext.exports;
	const lessonCount = (await api.listLessons()).length;
	const warm = config.openView ? await warmProvider(tree.provider) : undefined;
	const progress = config.answers > 0 ? (await profiled(config, 'answers', () => answerMany(ext, api, writes, config.answers))).result : undefined;
	gc();
	return {
		lessonCount, view, warmProvider: warm, progress,
		heap: { beforeMb: heapBefore, afterOpenMb: heapWithView, growthMb: heapWithView - heapBefore, afterAnswersMb: heapMb() },
	};
}

exports.run = async function run() {
	const config = JSON.parse(readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
	let result;
	try {
		const id = config.extensionId ?? EXTENSION_ID;
		const ext = vscode.extensions.getExtension(id);
		if (!ext) {
			throw new Error(`${id} is not installed in this host`);
		}
		const gc = collector();
		result = config.mode === 'scale' ? await measureScale(ext, gc, config)
			: config.mode === 'view' ? await measureViewTimeline(ext, config)
				: await measureActivation(ext, gc, config);
	} catch (error) {
		result = { error: error instanceof Error ? error.stack : String(error) };
	}
	writeFileSync(config.out, JSON.stringify(result, null, '\t'));
};
