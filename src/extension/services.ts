import * as vscode from 'vscode';
import { openNextLesson } from './commands';
import { lessonLocale, readConfig, type ExtensionConfig } from './platform/config';
import { systemClock, type Clock } from './platform/clock';
import { LessonLibrary } from './catalog/lessonLibrary';
import { LessonPanel } from './page/lessonPanel';
import { Answers } from './progress/answers';
import { currentWorkspaceId, ProgressStore } from './progress/progressStore';
import { ReviewService } from './reviews/reviewService';
import { TrustGate } from './platform/trustGate';
import { WorkspaceLessonSource } from './catalog/workspaceLessons';
import { createTesting, type Testing } from './testing';

/** What every feature may use, made once by activate(): the lessons, progress, the review schedule, the lesson page. */
export interface Services {
	readonly context: vscode.ExtensionContext;
	readonly log: vscode.LogOutputChannel;
	readonly trust: TrustGate;
	/** The settings as they apply now (restricted ones depend on trust). */
	readonly config: () => ExtensionConfig;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly clock: Clock;
	readonly reviews: ReviewService;
	/** Grades and stores answers, from the lesson page and from the API alike. */
	readonly answers: Answers;
	readonly panel: LessonPanel;
}

/** The services, with what only the composition root uses: reading the settings again, and their teardown. */
export interface OwnedServices extends Services, vscode.Disposable {
	/** Reads the settings again; returns those that applied before. */
	rereadConfig(): ExtensionConfig;
	/** The tests' seams, outside production mode only (see ./testing). */
	readonly testing: Testing | undefined;
}

/** Nothing is read or parsed here: lessons load when the view, a command or a feature first needs them. */
export function createServices(context: vscode.ExtensionContext): OwnedServices {
	const log = vscode.window.createOutputChannel('Incident Lessons', { log: true });
	const testing = createTesting(context);
	const trust = new TrustGate(testing?.trust);
	let current = readConfig(trust.isTrusted);
	const config = (): ExtensionConfig => current;
	const workspaceLessons = new WorkspaceLessonSource(trust, log);
	const library = new LessonLibrary(context.extensionUri, log, () => lessonLocale(current), workspaceLessons);
	const storage = {
		shared: context.globalState, workspace: context.workspaceState, workspaceId: currentWorkspaceId(),
		syncKeys: (keys: readonly string[]) => { context.globalState.setKeysForSync(keys); },
	};
	const progress = new ProgressStore(storage, log, (message) => void vscode.window.showWarningMessage(message));
	const clock = testing?.clock ?? systemClock;
	const reviews = new ReviewService(library, progress, config, clock);
	const answers = new Answers(progress, log, reviews);
	const panel: LessonPanel = new LessonPanel({
		extensionUri: context.extensionUri, library, progress, config, log, answers,
		openNext: (lessonId) => openNextLesson({ library, progress, panel, config, log }, lessonId),
	});
	const owned = vscode.Disposable.from(log, trust, workspaceLessons, library, progress, reviews, panel);
	return {
		context, log, trust, config, library, progress, clock, reviews, answers, panel, testing,
		rereadConfig: () => {
			const before = current;
			current = readConfig(trust.isTrusted);
			return before;
		},
		dispose: () => { owned.dispose(); },
	};
}
