// Runs in a worker thread for pathologicalTriggers.test.ts: scans one hostile input the way the editor does (slices
// of a 50 ms budget, resumed until done or 1 s in all) and the way the CLI does (one call, 1 s budget), and reports
// the slowest slice, the CLI's time and what each found, so the test can stop a worker that hangs.
import { parentPort } from 'node:worker_threads';
import { compileTriggers, scanDocument, type ScanOptions, type TriggerSource } from '../../../../src/core/suggestions/triggerMatch';

/** What the test sends: the triggers and the text to scan. */
export interface TriggerScanInput {
	readonly sources: readonly TriggerSource[];
	readonly text: string;
}

/** What the worker answers. */
export interface TriggerScanResult {
	readonly worstSliceMs: number;
	readonly slices: number;
	readonly editorStatus: string;
	readonly editorLines: readonly number[];
	readonly cliMs: number;
	readonly cliStatus: string;
	readonly cliLines: readonly number[];
}

const LIMITS = { clock: () => performance.now(), maxChars: 1_000_000, maxMatchesPerTrigger: 20 };

parentPort?.on('message', ({ sources, text }: TriggerScanInput) => {
	const doc = { path: 'src/app.ts', languageId: 'typescript', text };
	const editor: ScanOptions = { ...LIMITS, budgetMs: 50 };
	// Each side compiles its own index, as the editor and the CLI do.
	const editorIndex = compileTriggers(sources);
	const started = performance.now();
	let worstSliceMs = 0;
	let slices = 0;
	let result;
	do {
		const sliceStarted = performance.now();
		result = scanDocument(editorIndex, doc, result?.resumeAt ? { ...editor, resume: { at: result.resumeAt, matches: result.matches } } : editor);
		worstSliceMs = Math.max(worstSliceMs, performance.now() - sliceStarted);
		slices++;
	} while (result.status === 'timedOut' && result.resumeAt && performance.now() - started < 1000);
	const cliIndex = compileTriggers(sources);
	const cliStarted = performance.now();
	const cli = scanDocument(cliIndex, doc, { ...LIMITS, budgetMs: 1000 });
	const answer: TriggerScanResult = {
		worstSliceMs, slices, editorStatus: result.status, editorLines: result.matches.map((m) => m.line),
		cliMs: performance.now() - cliStarted, cliStatus: cli.status, cliLines: cli.matches.map((m) => m.line),
	};
	parentPort?.postMessage(answer);
});
