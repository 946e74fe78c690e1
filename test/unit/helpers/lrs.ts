// The xAPI test tools, installed on demand into .vscode-test/lrs/ (test/harness/installLrs.sh): Learning Locker's
// statement validator, and its LRS run in memory on 127.0.0.1 as a child process for the integration tests.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

/** The repository: found upwards from here, so the extension-host tests (built to out/test/host/) find it too. */
function repositoryRoot(): string {
	let dir = __dirname;
	while (!existsSync(path.join(dir, 'test', 'harness', 'installLrs.sh'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error('test/harness/installLrs.sh not found above this file');
		}
		dir = parent;
	}
	return dir;
}

const ROOT = repositoryRoot();
export const LRS_PREFIX = path.join(ROOT, '.vscode-test', 'lrs');

/** Installs the pinned tools once (a lock serialises test files that ask at the same time). */
export function ensureLrsTools(): string {
	execFileSync('bash', [path.join(ROOT, 'test', 'harness', 'installLrs.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
	return LRS_PREFIX;
}

interface ValidationWarning { readonly path: readonly (string | number)[]; readonly message: string }

/** Learning Locker's validator: the problems it finds in one statement, as `path: message` lines. */
export function xapiValidator(): (statement: unknown) => string[] {
	const prefix = ensureLrsTools();
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- installed at test time, outside node_modules
	const validate = (require(path.join(prefix, 'node_modules', '@learninglocker', 'xapi-validation')) as { default: (data: unknown) => ValidationWarning[] }).default;
	return (statement) => validate(statement).map((w) => `${w.path.join('.')}: ${w.message}`);
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
		});
	});
}

export interface RunningLrs {
	/** `http://127.0.0.1:<port>/xAPI/`: the endpoint clients are given. */
	readonly endpoint: string;
	/** Closes the port (connections are refused); the stored statements stay in memory. */
	down(): Promise<void>;
	/** Opens the port again. */
	up(): Promise<void>;
	/** The statements stored for an agent, read back through the LRS's own query API. */
	statementsFor(agent: unknown): Promise<{ id: string; verb: { id: string } }[]>;
	stop(): Promise<void>;
}

function waitFor(child: ChildProcess, message: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const onMessage = (m: unknown): void => {
			if (m === message) {
				child.off('message', onMessage).off('exit', onExit);
				resolve();
			}
		};
		const onExit = (code: number | null): void => reject(new Error(`the LRS exited (${code}) before "${message}"`));
		child.on('message', onMessage).once('exit', onExit);
	});
}

/** Starts the real LRS in memory on a free port of 127.0.0.1; it accepts only `authorization` as credentials. */
export async function startLrs(authorization: string): Promise<RunningLrs> {
	const prefix = ensureLrsTools();
	const port = await freePort();
	const child = fork(path.join(ROOT, 'test', 'harness', 'lrsServer.cjs'), [], {
		cwd: prefix,
		stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		env: {
			PATH: process.env.PATH, LRS_PREFIX: prefix, LRS_TEST_AUTHORIZATION: authorization, EXPRESS_PORT: String(port),
			MODELS_REPO: 'memory', STORAGE_REPO: 'memory', AUTH_REPO: 'test', EVENTS_REPO: 'test',
			EXPRESS_MORGAN_DIRECTORY: path.join(prefix, 'logs'), WINSTON_CONSOLE_LEVEL: 'error', SERVICE_AWAIT_UPDATES: 'true',
		},
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
	await waitFor(child, 'ready').catch((error: unknown) => {
		throw new Error(`${String(error)}\n${stderr}`);
	});
	const endpoint = `http://127.0.0.1:${port}/xAPI/`;
	const send = async (message: string): Promise<void> => {
		const done = waitFor(child, message);
		child.send(message);
		await done;
	};
	return {
		endpoint,
		down: () => send('down'),
		up: () => send('up'),
		statementsFor: async (agent) => {
			const response = await fetch(`${endpoint}statements?agent=${encodeURIComponent(JSON.stringify(agent))}&limit=1000`, {
				headers: { 'X-Experience-API-Version': '1.0.3', Authorization: authorization },
			});
			const body = await response.json() as { statements: { id: string; verb: { id: string } }[] };
			return body.statements;
		},
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
