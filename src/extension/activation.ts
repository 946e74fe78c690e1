import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerExercises } from './exercises/register';
import { CONFIG_SECTION } from './platform/config';
import { installHost, type Host } from './platform/host';
import { isOutdated, summarizer } from './progress/lessonStatus';
import { registerLessons } from './lessons/register';
import { registerOnboarding } from './onboarding/register';
import { registerPage } from './page/register';
import { registerProgress, type ProgressView } from './progress/register';
import { registerReviews, type Reviews } from './reviews/register';
import { registerFindings } from './findings/register';
import { createServices, type OwnedServices } from './services';
import { registerSuggestions } from './suggestions/register';
import { registerTeam, type Team } from './team/register';
import { REMINDER_STATE_KEY, reminderText } from './team/assignmentReminder';
import type { IncidentLessonsApiWithTesting } from './testing';
import { registerTree, type LessonsView } from './tree/register';
import { registerXapi, type Xapi } from './xapi/register';

/** Writes what waits for the shared copy of progress (see ProgressStore): deactivate waits for it. */
let flush: (() => Promise<void>) | undefined;

/**
 * The composition root, shared by the Node entry (./extension) and the browser entry (./extensionBrowser) as one file
 * (dist/activation.js), each giving its host platform: installs it, makes the services, then registers each feature,
 * each owning what it registered through one Disposable. Nothing is read or parsed here; the features start their own work (the status bars' counts, the
 * checks of team content), which waits for the lesson list the view asks for too.
 */
export function activate(context: vscode.ExtensionContext, platform: Host): IncidentLessonsApiWithTesting {
	installHost(platform);
	const services = createServices(context);
	const team = registerTeam(services);
	const tree = registerTree(services, team);
	const progress = registerProgress(services, team);
	const reviews = registerReviews(services);
	const suggestions = registerSuggestions(services);
	const xapi = registerXapi(services, team);
	context.subscriptions.push(
		services, team, tree, progress, reviews, suggestions, xapi,
		registerPage(services, tree.provider),
		registerLessons(services, team),
		registerOnboarding(services, team),
		registerCommands(services),
		registerFindings(services),
		registerExercises(services),
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
		if (JSON.stringify(before.reminders) !== JSON.stringify(config.reminders)) {
			void team.reminder.maybeRemind();
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
	return createApi(services, { team, tree, progress, reviews, xapi });
}

/** The API: every call goes through the same services as the UI; the tests' hooks only outside production mode. */
function createApi(services: OwnedServices, features: { team: Team; tree: LessonsView; progress: ProgressView; reviews: Reviews; xapi: Xapi }): IncidentLessonsApiWithTesting {
	const { library, progress, config, panel, reviews, answers, testing } = services;
	const { team, tree } = features;
	return {
		listLessons: async () => {
			// Only lessons with stored answers can be outdated, so only those are parsed whole.
			const started = new Map((await library.getMany(Object.keys(progress.get().lessons))).map((l) => [l.meta.id, l]));
			const summary = summarizer(progress, config);
			return (await library.lessons()).map((l) => {
				const lesson = started.get(l.meta.id);
				return {
					id: l.meta.id, title: l.meta.title, track: l.meta.track, quizIds: [...l.quizIds],
					summary: summary(l), origin: library.originOf(l.meta.id), outdated: lesson !== undefined && isOutdated(lesson, progress.get()),
				};
			});
		},
		answer: async (lessonId, quizId, answer) => {
			const lesson = await library.get(lessonId);
			// An answer to the review card on screen counts as a review, as a click there does.
			return lesson ? answers.answer(lesson, quizId, answer, { inReview: panel.isReviewing && panel.currentLessonId === lessonId }) : undefined;
		},
		getProgress: () => progress.get(),
		currentLessonId: () => panel.currentLessonId,
		assignedLessons: async () => (await team.assigned.get()).items.map(({ lessonId, due, audience, note }) => ({
			lessonId, due, ...(audience !== undefined ? { audience } : {}), ...(note !== undefined ? { note } : {}),
		})),
		reviewQueue: () => reviews.queue(),
		...(testing ? {
			testing: testing.hooks({
				panel, progress, tree: tree.provider,
				statusBars: { lessons: features.progress.statusBar, assigned: team.statusBar, reviews: features.reviews.statusBar },
				reminders: {
					remind: async () => {
						const shown = await team.reminder.maybeRemind();
						return shown && {
							stage: shown.reminder.stage, text: reminderText(shown.reminder, team.assigned.today()),
							lessonIds: shown.reminder.lessons.map((l) => l.lessonId), answered: shown.answered,
						};
					},
					forget: () => Promise.resolve(services.context.workspaceState.update(REMINDER_STATE_KEY, undefined)),
				},
				xapi: { statusText: () => features.xapi.sync.text, sendNow: () => features.xapi.sync.sendNow(), setCredentials: features.xapi.setCredentials },
			}),
		} : {}),
	};
}

export function deactivate(): Promise<void> | undefined {
	// Answers are in the workspace copy already; the shared copy may still wait for the last ones.
	return flush?.();
}
