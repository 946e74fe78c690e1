// Reads a V8 CPU profile (`node --cpu-prof`) of code in a readable esbuild bundle and says where the time went:
// self time per package or source file (esbuild writes a `// path` comment before each module) and per function.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** For each line of the bundle, the module it belongs to: `yaml`, `ajv`, `src/core/lessons/quizBlock.ts`, ... */
function moduleLines(bundleFile) {
	const owners = [];
	let current = '(bundle)';
	readFileSync(bundleFile, 'utf8').split('\n').forEach((line, index) => {
		// `// node_modules/yaml/dist/parse/lexer.js`, `// src/core/page/render.ts`, `// precompiled:schemaValidators`
		const match = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:[cm]?js|ts|json)|[a-z-]+:[\w/.-]+)$/.exec(line);
		if (match) {
			const file = match[1];
			const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
			current = pkg ? pkg[1] : file;
		}
		owners[index] = current;
	});
	return owners;
}

function ownerOf(callFrame, bundles) {
	const { url, functionName, lineNumber } = callFrame;
	const owners = bundles.get(url);
	if (owners) {
		return owners[lineNumber] ?? '(bundle)';
	}
	if (url.includes('extensionHostProcess')) {
		return 'VS Code extension host';
	}
	if (url) {
		return url.startsWith('node:') ? 'node internals' : `other: ${path.basename(url)}`;
	}
	if (functionName.startsWith('RegExp: ')) {
		return 'regular expressions';
	}
	// Frames without a script are V8 and Node built-ins (I/O writes, IPC, child processes) or V8's own labels.
	return functionName.startsWith('(') ? functionName : 'native code (I/O, IPC)';
}

/**
 * Self time by module and by function from a profile (a .cpuprofile file, or the newest one in a folder), largest
 * first. Samples in `bundleFile` (one readable bundle, or several: an extension's entry and its chunks) are attributed
 * to the module their line belongs to; others are labelled by where they run (`VS Code extension host`,
 * `node internals`, `(garbage collector)`, ...). Idle time is left out.
 */
export function summarizeProfile(profilePath, bundleFile, { top = 8 } = {}) {
	const file = profilePath.endsWith('.cpuprofile') ? profilePath
		: path.join(profilePath, readdirSync(profilePath).filter((name) => name.endsWith('.cpuprofile')).sort().at(-1));
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const bundles = new Map([bundleFile].flat().map((f) => [pathToFileURL(path.resolve(f)).href, moduleLines(f)]));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const selfTime = new Map();
	profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
	const byModule = new Map();
	const byFunction = new Map();
	let total = 0;
	for (const [id, micros] of selfTime) {
		const { callFrame } = nodes.get(id);
		if (callFrame.functionName === '(idle)') {
			continue;
		}
		// Node reports a bundle loaded with require() by its path; keep both spellings.
		const frame = callFrame.url.startsWith('/') ? { ...callFrame, url: pathToFileURL(callFrame.url).href } : callFrame;
		const owner = ownerOf(frame, bundles);
		total += micros;
		byModule.set(owner, (byModule.get(owner) ?? 0) + micros);
		const name = (callFrame.functionName || '(anonymous)').slice(0, 60);
		const fn = name === owner ? name : `${name} (${owner})`;
		byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
	}
	const rank = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
		.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
	return { file, totalMs: total / 1000, byModule: rank(byModule), byFunction: rank(byFunction) };
}
