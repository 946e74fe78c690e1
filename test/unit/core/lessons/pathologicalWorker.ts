// Runs in a worker thread for pathological.test.ts: parses and renders one input per message and reports how long
// it took, so the test can stop (terminate) a worker that hangs instead of hanging itself.
import { parentPort } from 'node:worker_threads';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';

/** What the test sends: a lesson's text. */
export interface PathologicalInput {
	readonly text: string;
}

/** What the worker answers: time spent in the parser and the renderer, and what the parser said. */
export interface PathologicalResult {
	readonly ms: number;
	readonly isLesson: boolean;
	readonly codes: readonly string[];
}

parentPort?.on('message', ({ text }: PathologicalInput) => {
	const started = performance.now();
	const { lesson, diagnostics } = parseLesson(text, 'pathological.md');
	if (lesson) {
		renderLesson(lesson);
	}
	const result: PathologicalResult = { ms: performance.now() - started, isLesson: lesson !== undefined, codes: [...new Set(diagnostics.map((d) => d.code))] };
	parentPort?.postMessage(result);
});
