// Entry point the extension host loads through extensionTestsPath (the @vscode/test-electron contract:
// export `run()`, whose settling ends the test run). Built by esbuild to out/test/host/index.js next to
// every *.test.js; mocha is external and resolves from the repository's node_modules.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
	// no colours: the output travels through the workbench log, not a terminal
	const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, reporter: 'spec', color: false });
	for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
		mocha.addFile(path.join(__dirname, file));
	}
	await mocha.loadFilesAsync();
	const failures = await new Promise<number>((resolve) => mocha.run(resolve));
	if (failures > 0) {
		throw new Error(`${failures} extension host test(s) failed`);
	}
}
