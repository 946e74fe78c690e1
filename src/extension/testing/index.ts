/**
 * The extension's own test seams, in one place and only outside production mode: the inputs the services are built
 * with in place of the real ones (a clock the tests can pin, Workspace Trust they can take away), and the API's
 * `testing` hooks over the built services. Production classes carry nothing for tests: where a test observes
 * something, the hooks read what the services expose or wrap them.
 */
import * as vscode from 'vscode';
import type { Clock } from '../platform/clock';
import type { TrustSource } from '../platform/trustGate';
import type { LessonPanel } from '../page/lessonPanel';
import { PROGRESS_KEY, readStoredProgress, type ProgressStore } from '../progress/progressStore';
import type { LessonTreeProvider } from '../tree/lessonTree';
import { PinnableClock, RestrictableTrust } from './inputs';
import type { IncidentLessonsTestingApi } from './testingApi';

export type { IncidentLessonsApiWithTesting, IncidentLessonsTestingApi } from './testingApi';

/** A status bar item's owner: its text, '' while hidden. */
interface ShownText {
	readonly text: string;
}

/** The built services the hooks reach. */
export interface TestedServices {
	readonly panel: LessonPanel;
	readonly progress: ProgressStore;
	readonly tree: LessonTreeProvider;
	readonly statusBars: { readonly lessons: ShownText; readonly assigned: ShownText; readonly reviews: ShownText };
	readonly xapi: {
		statusText(): string;
		sendNow(): Promise<{ readonly sent: number; readonly pending: number; readonly problem?: string } | undefined>;
		setCredentials(value: string): Promise<void>;
	};
}

export interface Testing {
	/** Workspace Trust, which the tests can take away: the services' trust decision reads it. */
	readonly trust: TrustSource;
	/** The time the review schedule runs on, which the tests can pin. */
	readonly clock: Clock;
	/** The API's `testing` hooks over the services built with `trust` and `clock`. */
	hooks(services: TestedServices): IncidentLessonsTestingApi;
}

/** The seams, registered on `context`; undefined in production mode (an installed VSIX), which has none. */
export function createTesting(context: vscode.ExtensionContext): Testing | undefined {
	if (context.extensionMode === vscode.ExtensionMode.Production) {
		return undefined;
	}
	const clock = new PinnableClock();
	const trust = new RestrictableTrust();
	context.subscriptions.push(clock, trust);
	return { trust, clock, hooks: (services) => testingHooks(context, services, clock, trust) };
}

/** A workspaceState of a workspace never opened before. */
class MapMemento {
	private readonly values = new Map<string, unknown>();
	get(key: string): unknown {
		return this.values.get(key);
	}
	keys(): readonly string[] {
		return [...this.values.keys()];
	}
	update(key: string, value: unknown): Promise<void> {
		this.values.set(key, value);
		return Promise.resolve();
	}
}

/** Removes every progress key of `memento` (copies, entries, backups, the adoption mark): they all start with PROGRESS_KEY. */
async function forgetProgress(memento: vscode.Memento): Promise<void> {
	await Promise.all(memento.keys().filter((key) => key.startsWith(PROGRESS_KEY)).map((key) => memento.update(key, undefined)));
}

function testingHooks(context: vscode.ExtensionContext, services: TestedServices, clock: PinnableClock, trust: RestrictableTrust): IncidentLessonsTestingApi {
	const { panel, progress, tree, statusBars, xapi } = services;
	let lastSection: string | undefined;
	// Every lesson the panel opens goes through `show`: wrapped, it tells where the latest one was opened at.
	const show = panel.show.bind(panel);
	panel.show = (lessonId, preserveFocus, section) => {
		lastSection = section;
		return show(lessonId, preserveFocus, section);
	};
	return {
		deliverWebviewMessage: (raw) => panel.receive(raw),
		plantStoredProgress: async (shared, workspace) => {
			await progress.flush();
			await context.globalState.update(progress.sharedKey, shared);
			await context.workspaceState.update(PROGRESS_KEY, workspace);
			return progress.reload();
		},
		simulateOtherWorkspace: async () => {
			await progress.flush();
			await forgetProgress(context.workspaceState);
			return progress.reload();
		},
		simulateEmptyProfile: async () => {
			await progress.flush();
			await Promise.all([forgetProgress(context.globalState), forgetProgress(context.workspaceState)]);
			return progress.reload();
		},
		readAsAnotherWorkspace: (workspaceId) => readStoredProgress({ shared: context.globalState, workspace: new MapMemento(), workspaceId }),
		globalProgressKeys: () => context.globalState.keys().filter((key) => key.startsWith(PROGRESS_KEY)),
		writeAsAnotherWindow: async (raw) => {
			await context.globalState.update(progress.sharedKey, raw);
		},
		reloadProgress: () => progress.reload(),
		storedProgress: () => progress.stored(),
		readStoredProgress: async () => {
			await progress.flush();
			return progress.stored().shared;
		},
		flushProgress: () => progress.flush(),
		notices: () => progress.notices(),
		backupKeys: () => progress.backupKeys(),
		checkForChanges: () => progress.checkForChanges(),
		setClock: (ms) => clock.pin(ms),
		simulateRestrictedMode: (on) => trust.restrict(on),
		lastSection: () => lastSection,
		resetAllProgress: () => progress.resetAll(),
		treeSnapshot: async () => (await import('../tree/treeSnapshot')).snapshotTree(tree),
		statusBarText: () => statusBars.lessons.text,
		assignedStatusBarText: () => statusBars.assigned.text,
		reviewStatusBarText: () => statusBars.reviews.text,
		lrsStatusBarText: () => xapi.statusText(),
		sendLearningRecords: () => xapi.sendNow(),
		setLrsCredentials: (value) => xapi.setCredentials(value),
	};
}
