// The layout's rules, checked on the import graph of src/ (built with the TypeScript compiler's own import scanner):
// no import cycle (dynamic imports count), at most 15 source files directly in a folder, no file over 300 lines,
// src/core free of vscode and Node, and a feature reached from outside only through its public modules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const MAX_FILES_PER_FOLDER = 15;
const MAX_LINES = 300;

/** Files over MAX_LINES while they are being split (each has a `max-lines` override in eslint.config.mjs too). */
const OVER_LIMIT = new Set<string>();

/** Folders any feature may use: helpers of two or more features, and the extension's access to VS Code. */
const OPEN = new Set(['core/shared', 'extension/platform']);

/**
 * What each feature offers the others: its public modules (file names without .ts). Anything else in a feature's
 * folder is its own; another feature, the CLI or the composition root (the files directly in src/extension and
 * src/core) goes through one of these, or the module joins this list on purpose. The same feature on the other side
 * (core/page for extension/page) may use any of its modules.
 */
const PUBLIC: Readonly<Record<string, readonly string[]>> = {
	'core/catalog': ['catalog', 'catalogIndex', 'curriculum', 'lessonEntry', 'tracks', 'workspaceCatalog'],
	'core/exercises': ['exercise', 'exerciseBlock', 'index'],
	'core/findings': ['coverage', 'cweIds', 'findingLessons', 'sarif'],
	'core/lessons': ['contentHash', 'diagnosticLimits', 'fences', 'grade', 'incident', 'lesson', 'parseLesson', 'quizCues', 'readingTime', 'rules', 'translations'],
	'core/page': ['exerciseView', 'labels', 'messageRouting', 'quizHtml', 'render', 'shuffle', 'slug'],
	'core/progress': ['compactRecords', 'exerciseProgress', 'progress', 'progressExport', 'records'],
	'core/reviews': ['reviewCards', 'reviewQueue', 'reviewScheduler'],
	'core/suggestions': ['languages', 'trigger', 'triggerFrontMatter', 'triggerLint', 'triggerMatch'],
	'core/xapi': ['lrsClient', 'lrsConfig', 'statementQueue', 'statements', 'xapiEvents'],
	'core/team': ['assignments', 'assignmentsEdit', 'dueDates', 'learnerReport', 'teamReport', 'teamReportFormat', 'teamReportHtml'],
	'core/audit': ['certificate', 'evidence', 'evidenceHtml', 'itemAnalysis', 'itemAnalysisFormat', 'itemAnalysisHtml'],
	'extension/exercises': ['register'],
	'extension/catalog': ['lessonLibrary', 'lessonSources', 'workspaceLessons'],
	'extension/findings': ['register'],
	'extension/lessons': ['lessonDiagnosticsGate', 'newLessonCommand', 'register'],
	'extension/onboarding': ['onboarding', 'onboardingNotice', 'register'],
	'extension/page': ['labels', 'lessonPage', 'lessonPanel', 'lessonPreview', 'register'],
	'extension/progress': ['answers', 'lessonStatus', 'progressPicks', 'progressStore', 'register', 'statusBar'],
	'extension/reviews': ['register', 'reviewService', 'reviewText'],
	'extension/suggestions': ['register', 'suggestionProviders', 'suggestionScope'],
	'extension/team': ['assignedLessons', 'assignmentReminder', 'assignmentsFile', 'dueLabels', 'register'],
	'extension/testing': ['index'],
	'extension/xapi': ['register'],
	'extension/tree': ['assignedNodes', 'lessonNodes', 'lessonTree', 'register', 'treeSnapshot'],
};

/** Every .ts file under src/, relative to it with forward slashes. */
function sources(dir = SRC): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) {
			return sources(full);
		}
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
	});
}

const files = sources();
const known = new Set(files);

interface Edge { readonly to: string; readonly spec: string }

/** Each file's imports: relative ones resolved to a file of src/, bare ones (packages, `node:` modules) as written. */
const graph = new Map<string, { readonly local: Edge[]; readonly bare: string[] }>(files.map((file) => {
	const info = ts.preProcessFile(readFileSync(path.join(SRC, file), 'utf8'), true, true);
	const local: Edge[] = [];
	const bare: string[] = [];
	for (const { fileName: spec } of info.importedFiles) {
		if (!spec.startsWith('.')) {
			bare.push(spec);
			continue;
		}
		const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
		if (base.startsWith('../')) {
			continue; // outside src/: package.json, the schemas
		}
		const to = [`${base}.ts`, `${base}/index.ts`, base].find((c) => known.has(c));
		assert.ok(to, `${file}: cannot resolve ${spec}`);
		local.push({ to, spec });
	}
	return [file, { local, bare }];
}));

/** `core/lessons` for `core/lessons/lesson.ts`; undefined for a file outside the feature folders. */
function featureOf(file: string): string | undefined {
	const parts = file.split('/');
	return (parts[0] === 'core' || parts[0] === 'extension') && parts.length === 3 ? `${parts[0]}/${parts[1]}` : undefined;
}

/** The features of one name on both sides (core/page and extension/page) are one feature. */
const featureName = (feature: string | undefined): string | undefined => feature?.split('/')[1];

describe('architecture of src/', () => {
	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const stack: string[] = [];
		const visit = (file: string): void => {
			state.set(file, 'open');
			stack.push(file);
			for (const { to } of graph.get(file)?.local ?? []) {
				if (state.get(to) === 'open') {
					cycles.push([...stack.slice(stack.indexOf(to)), to].join(' → '));
				} else if (!state.has(to)) {
					visit(to);
				}
			}
			stack.pop();
			state.set(file, 'done');
		};
		for (const file of files) {
			if (!state.has(file)) {
				visit(file);
			}
		}
		assert.deepEqual(cycles, []);
	});

	it(`holds at most ${MAX_FILES_PER_FOLDER} source files directly in any folder`, () => {
		const counts = new Map<string, number>();
		for (const file of files) {
			counts.set(path.posix.dirname(file), (counts.get(path.posix.dirname(file)) ?? 0) + 1);
		}
		assert.deepEqual([...counts].filter(([, n]) => n > MAX_FILES_PER_FOLDER), []);
	});

	it(`has no source file over ${MAX_LINES} lines but the ones being split`, () => {
		const long = files.filter((file) => readFileSync(path.join(SRC, file), 'utf8').split('\n').length - 1 > MAX_LINES);
		assert.deepEqual(long.filter((file) => !OVER_LIMIT.has(file)), []);
		assert.deepEqual([...OVER_LIMIT].filter((file) => !long.includes(file)), [], 'split: remove it from OVER_LIMIT and eslint.config.mjs');
	});

	it('keeps src/core free of vscode and Node: it imports only itself, the protocol and pure packages', () => {
		const wrong = files.filter((file) => file.startsWith('core/')).flatMap((file) => {
			const { local, bare } = graph.get(file) ?? { local: [], bare: [] };
			return [
				...bare.filter((spec) => spec === 'vscode' || isBuiltin(spec)),
				...local.map((e) => e.to).filter((to) => !to.startsWith('core/') && to !== 'protocol.ts'),
			].map((spec) => `${file} → ${spec}`);
		});
		assert.deepEqual(wrong, []);
	});

	it('reaches a feature from outside only through its public modules', () => {
		const wrong: string[] = [];
		for (const [file, { local }] of graph) {
			for (const { to } of local) {
				const target = featureOf(to);
				if (target === undefined || OPEN.has(target) || featureName(target) === featureName(featureOf(file))) {
					continue;
				}
				if (!(PUBLIC[target] ?? []).includes(path.posix.basename(to, '.ts'))) {
					wrong.push(`${file} → ${to}`);
				}
			}
		}
		assert.deepEqual(wrong, []);
	});

	it('lists as public only modules that exist', () => {
		const missing = Object.entries(PUBLIC).flatMap(([feature, modules]) => modules.map((m) => `${feature}/${m}.ts`).filter((m) => !known.has(m)));
		assert.deepEqual(missing, []);
	});
});
