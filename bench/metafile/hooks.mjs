// Module resolution hook: `esbuild` imported by the repository's esbuild.mjs resolves to ./shim.mjs.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILD_SCRIPT = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../esbuild.mjs')).href;

export async function resolve(specifier, context, next) {
	if (specifier === 'esbuild' && context.parentURL === BUILD_SCRIPT) {
		return { url: new URL('./shim.mjs', import.meta.url).href, shortCircuit: true };
	}
	return next(specifier, context);
}
