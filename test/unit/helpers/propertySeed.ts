// Settings for every fast-check property: a fresh seed per run (or FC_SEED to replay one), logged with the test,
// so a failure in CI can be reproduced exactly. FC_RUNS scales the number of runs.
import type { Parameters } from 'fast-check';
import type { TestContext } from 'node:test';

/** fast-check parameters for one property; the seed is written to the test's output as a diagnostic. */
export function propertyParams<T>(t: TestContext, numRuns = 200): Parameters<T> {
	const fixed = process.env.FC_SEED;
	const seed = fixed !== undefined && fixed !== '' ? Number(fixed) : Math.floor(Math.random() * 0x7fffffff);
	const runs = Number(process.env.FC_RUNS ?? '') || numRuns;
	t.diagnostic(`fast-check seed ${seed}, ${runs} runs (FC_SEED=${seed} replays it)`);
	return { seed, numRuns: runs };
}
