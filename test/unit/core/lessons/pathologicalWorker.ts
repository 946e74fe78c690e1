// Runs in a worker thread for pathological.test.ts: parses and renders one input per message and reports how long
// it took, so the test can stop (terminate) a worker that hangs instead of hanging itself.
import { parentPort } from 'node:worker_threads';
import { lintFiles } from '../../../../src/core/catalog/catalog';
import type { Diagnostic } from '../../../../src/core/lessons/lesson';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';
import { hasErrors } from '../../../../src/core/lessons/rules';
import { lintTriggerFiles } from '../../../../src/core/suggestions/triggerLint';

/** What the test sends: a lesson's text; with `lint`, the checks of `incident-lessons lint` instead of parse and render. */
export interface PathologicalInput {
	readonly text: string;
	readonly lint?: boolean;
}

/** What the worker answers: time spent in the parser and the renderer (and lint), and what they said. */
export interface PathologicalResult {
	readonly ms: number;
	readonly isLesson: boolean;
	readonly codes: readonly string[];
	/** How many diagnostics there were. */
	readonly count: number;
}

const FILE = 'pathological.md';

parentPort?.on('message', ({ text, lint }: PathologicalInput) => {
	const started = performance.now();
	let diagnostics: readonly Diagnostic[];
	let isLesson: boolean;
	if (lint) {
		const files = [{ file: FILE, locale: 'en', text }];
		diagnostics = [...lintFiles(files), ...lintTriggerFiles(files)];
		isLesson = !hasErrors(diagnostics);
	} else {
		const parsed = parseLesson(text, FILE);
		if (parsed.lesson) {
			renderLesson(parsed.lesson);
		}
		diagnostics = parsed.diagnostics;
		isLesson = parsed.lesson !== undefined;
	}
	const codes = [...new Set(diagnostics.map((d) => d.code))];
	const result: PathologicalResult = { ms: performance.now() - started, isLesson, codes, count: diagnostics.length };
	parentPort?.postMessage(result);
});
