// `npm start [folder]`: builds, then opens the extension in VS Code. With a desktop `code` on PATH it launches an
// extension development window; otherwise it serves the real workbench from code-server on 127.0.0.1 (PORT, default
// 8080) with the packaged extension installed, until Ctrl-C. The code-server state in .vscode-test/start/ persists
// between runs (settings, installed extensions); progress kept by the extension lives in the browser's storage.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, TEST_DIR, packageExtension, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { SetupError, ensureCodeServer } from './setup.mjs';

// npm runs scripts from the package root; INIT_CWD is where `npm start` was typed
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const folderArg = process.argv[2] ? path.resolve(invokedFrom, process.argv[2]) : undefined;

function build() {
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasDesktopCode() {
	return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

function openInDesktop() {
	const child = spawn('code', [`--extensionDevelopmentPath=${ROOT}`, folderArg ?? invokedFrom], { stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 0));
}

async function serveInBrowser() {
	await ensureCodeServer();
	const vsix = await packageExtension();
	const cs = await startCodeServer({
		port: Number(process.env.PORT ?? 8080),
		stateDir: path.join(TEST_DIR, 'start'),
		fresh: false,
		vsixPaths: [vsix],
		workspace: folderArg ?? ROOT,
	});
	console.log(`\nIncident Lessons is running in VS Code at\n  ${workbenchUrl(cs)}\n(log: ${path.relative(ROOT, cs.log)}; Ctrl-C stops)`);
	let stopping = false;
	const shutdown = () => {
		stopping = true;
		cs.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
	cs.process.once('exit', (code) => {
		if (stopping) return;
		console.error(`code-server exited (${code}); see ${path.relative(ROOT, cs.log)}`);
		cs.stop().then(() => process.exit(1));
	});
}

build();
if (hasDesktopCode()) {
	openInDesktop();
} else {
	await serveInBrowser().catch((error) => {
		// a SetupError's script has printed what is missing
		if (!(error instanceof SetupError)) console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
