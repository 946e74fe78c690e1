/**
 * The Node built-ins a library chunk may name when the browser entry loads it (./chunkLoader), and what stands for
 * them there. The YAML parser (dist/parsers.js) asks for `process` (its warnings and an environment variable) and
 * `buffer` (decoding `!!binary`, with an `atob` fallback when there is no Buffer). test/unit/entryBundle.test.ts
 * keeps this list and the chunks' imports in step.
 */
export const CHUNK_BUILTINS: Readonly<Record<string, unknown>> = {
	process: { env: {} },
	buffer: {},
};
