// Stands in for esbuild in esbuild.mjs: builds each dist/ config in memory with a metafile and writes the merged
// outputs (bytes and inputs per output file) to $BENCH_METAFILE; with $BENCH_OUTDIR it writes the bundles there. Other configs (test bundles) are skipped; the
// script's own in-memory helper builds (`write: false`) run as they are.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';

const outputs = {};

export async function build(options) {
	if (options.write === false) {
		return esbuild.build(options); // a helper build of the script itself, not a bundle
	}
	const outdir = options.outdir ?? (options.outfile ? options.outfile.replace(/\/[^/]*$/, '') : '');
	if (!/^(\.\/)?dist(\/|$)/.test(outdir)) {
		return { errors: [], warnings: [], outputFiles: [], metafile: { inputs: {}, outputs: {} } };
	}
	// $BENCH_OUTDIR: write the bundles there instead of dist/ (the readable build the host profiles use).
	const redirect = process.env.BENCH_OUTDIR ? { outdir: options.outdir.replace(/^(\.\/)?dist/, process.env.BENCH_OUTDIR), write: true } : { write: false };
	const result = await esbuild.build({ ...options, ...redirect, metafile: true, sourcemap: false, logLevel: 'silent' });
	Object.assign(outputs, result.metafile.outputs);
	writeFileSync(process.env.BENCH_METAFILE, JSON.stringify(outputs));
	return result;
}

export function context() {
	throw new Error('the bench measures production builds, not --watch');
}
