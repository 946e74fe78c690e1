// Runs one input at a time in a worker thread with a time limit, so a test can stop (terminate) a worker that hangs
// instead of hanging itself. The worker module answers each message with one result.
import { Worker } from 'node:worker_threads';

/** One long-lived worker for `file` (the absolute path of a .ts module); an input that overruns the timeout terminates it,
 * and the next input gets a new one. */
export class WorkerRunner<Input, Result> {
	private worker: Worker | undefined;

	constructor(private readonly file: string, private readonly timeoutMs: number) {}

	run(input: Input): Promise<Result> {
		const worker = this.worker ??= new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(this.file)});`, { eval: true });
		return new Promise<Result>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.worker = undefined;
				void worker.terminate();
				reject(new Error(`still running after ${this.timeoutMs} ms: it hangs`));
			}, this.timeoutMs);
			const done = (): void => {
				clearTimeout(timer);
				worker.off('message', onMessage).off('error', onError);
			};
			const onMessage = (result: Result): void => {
				done();
				resolve(result);
			};
			const onError = (error: Error): void => {
				done();
				this.worker = undefined;
				reject(error);
			};
			worker.on('message', onMessage).on('error', onError);
			worker.postMessage(input);
		});
	}

	async stop(): Promise<void> {
		await this.worker?.terminate();
	}
}
