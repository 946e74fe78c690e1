import * as vscode from 'vscode';
import type { IncidentLessonsApi } from './api';
import { registerCommands } from './commands';
import { CONFIG_SECTION } from './platform/config';
import { isOutdated, summarize } from './progress/lessonStatus';
import { registerLessons } from './lessons/register';
import { registerOnboarding } from './onboarding/register';
import { registerPage } from './page/register';
import { registerProgress, type ProgressView } from './progress/register';
import { registerReviews, type Reviews } from './reviews/register';
import { createServices, type Services } from './services';
import { registerSuggestions } from './suggestions/register';
import { registerTeam, type Team } from './team/register';
import { createTestingHooks } from './testingHooks';
import { registerTree, type LessonsView } from './tree/register';
import { snapshotTree } from './tree/treeSnapshot';

/** Writes what waits for the shared copy of progress (see ProgressStore): deactivate waits for it. */
let flush: (() => Promise<void>) | undefined;

/**
 * The composition root: makes the services, then registers each feature, each owning what it registered through
 * one Disposable. Nothing is read or parsed here; the features start their own work (the status bars' counts, the
 * checks of team content), which waits for the lesson list the view asks for too.
 */
export function activate(context: vscode.ExtensionContext): IncidentLessonsApi {
	const services = createServices(context);
	const team = registerTeam(services);
	const tree = registerTree(services, team);
	const progress = registerProgress(services, team);
	const reviews = registerReviews(services);
	const suggestions = registerSuggestions(services);
	context.subscriptions.push(
		services, team, tree, progress, reviews, suggestions,
		registerPage(services, tree.view),
		registerLessons(services, team),
		registerOnboarding(services, team),
		registerCommands(services),
		// Trust decides which restricted settings apply (see RESTRICTED_SETTINGS), so a change of trust reads them again.
		services.trust.onDidChange(() => applySettings()),
		vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(CONFIG_SECTION) && applySettings()),
	);
	function applySettings(): void {
		const before = services.rereadConfig();
		const config = services.config();
		if (JSON.stringify(before.reviews) !== JSON.stringify(config.reviews)) {
			reviews.settingsChanged();
		}
		if (before.suggestions !== config.suggestions) {
			suggestions.settingsChanged();
		}
		if (before.lessonLanguage !== config.lessonLanguage) {
			services.library.invalidate();
		} else if (before.audiences.join() !== config.audiences.join()) {
			team.assigned.invalidate();
		} else {
			tree.provider.refresh();
			void progress.statusBar.update();
		}
	}
	flush = () => services.progress.flush();
	return createApi(services, { team, tree, progress, reviews });
}

/** The API: every call goes through the same services as the UI. */
function createApi(services: Services, features: { team: Team; tree: LessonsView; progress: ProgressView; reviews: Reviews }): IncidentLessonsApi {
	const { context, library, progress, config, panel, trust, clock, reviews } = services;
	const { team, tree } = features;
	return {
		listLessons: async () => {
			// Only lessons with stored answers can be outdated, so only those are parsed whole.
			const started = new Map((await library.getMany(Object.keys(progress.get().lessons))).map((l) => [l.meta.id, l]));
			return (await library.lessons()).map((l) => {
				const lesson = started.get(l.meta.id);
				return {
					id: l.meta.id, title: l.meta.title, track: l.meta.track, quizIds: [...l.quizIds],
					summary: summarize(l, progress.get(), config().passMark), origin: library.originOf(l.meta.id), outdated: lesson !== undefined && isOutdated(lesson, progress.get()),
				};
			});
		},
		answer: async (lessonId, quizId, answer) => {
			const lesson = await library.get(lessonId);
			return lesson ? panel.answer(lesson, quizId, answer) : undefined;
		},
		getProgress: () => progress.get(),
		readStoredProgress: async () => {
			await progress.flush();
			return progress.stored().shared;
		},
		currentLessonId: () => panel.currentLessonId,
		statusBarText: () => features.progress.statusBar.text,
		assignedStatusBarText: () => team.statusBar.text,
		assignedLessons: async () => (await team.assigned.get()).items.map(({ lessonId, due, audience, note }) => ({
			lessonId, due, ...(audience !== undefined ? { audience } : {}), ...(note !== undefined ? { note } : {}),
		})),
		treeSnapshot: () => snapshotTree(tree.provider),
		simulateRestrictedMode: (on) => trust.simulateRestrictedMode(on),
		reviewQueue: () => reviews.queue(),
		reviewStatusBarText: () => features.reviews.statusBar.text,
		...(context.extensionMode === vscode.ExtensionMode.Production ? {} : { testing: createTestingHooks(context, panel, progress, clock) }),
	};
}

export function deactivate(): Promise<void> | undefined {
	// Answers are in the workspace copy already; the shared copy may still wait for the last ones.
	return flush?.();
}
