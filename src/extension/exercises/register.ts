import * as vscode from 'vscode';
import type { Exercise } from '../../core/exercises';
import type { Lesson } from '../../core/lessons/lesson';
import { isRecord } from '../../core/shared/records';
import { isId } from '../../core/shared/text';
import type { ExerciseAction } from '../../protocol';
import { Command } from '../platform/ids';
import type { Services } from '../services';
import { registerExerciseEditor } from './exerciseEditor';
import { exerciseOfUri } from './exerciseFiles';
import { ExerciseService } from './exerciseService';


/**
 * Exercises: the buttons of a lesson page's exercise sections, the commands (with `{ lessonId, exerciseId }`, or none:
 * the active exercise file's, else a pick), the CodeLenses and diagnostics on the learner's files.
 */
export function registerExercises(services: Services): vscode.Disposable {
	const { context, library, progress, answers, panel, config, log } = services;
	const storage = context.globalStorageUri;
	const service = new ExerciseService({ storage, extensionUri: context.extensionUri, library, progress, answers, panel, config, log });

	/** The exercise a command is for: its argument, the active exercise file, or the learner's pick. */
	async function target(arg: unknown): Promise<{ lesson: Lesson; exercise: Exercise } | undefined> {
		if (isRecord(arg) && typeof arg.lessonId === 'string' && isId(arg.lessonId) && typeof arg.exerciseId === 'string' && isId(arg.exerciseId)) {
			return service.find(arg.lessonId, arg.exerciseId);
		}
		const active = vscode.window.activeTextEditor && exerciseOfUri(storage, vscode.window.activeTextEditor.document.uri);
		if (active) {
			return service.find(active.lessonId, active.exerciseId);
		}
		const ids = (await library.lessons()).filter((l) => (l.exerciseIds?.length ?? 0) > 0).map((l) => l.meta.id);
		const items = (await library.getMany(ids)).flatMap((lesson) => lesson.exercises.map((exercise) => ({ label: exercise.title, description: lesson.meta.title, lesson, exercise })));
		if (items.length === 0) {
			void vscode.window.showInformationMessage(vscode.l10n.t('No lesson has an exercise yet.'));
			return undefined;
		}
		return vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which exercise?'), matchOnDescription: true });
	}

	async function run(action: ExerciseAction, arg: unknown): Promise<void> {
		const found = await target(arg);
		if (found) {
			await service.run(action, found.lesson, found.exercise, 'editor');
		}
	}

	return vscode.Disposable.from(
		service,
		registerExerciseEditor(storage, service),
		panel.onDidRequestExercise(({ lesson, exerciseId, action }) => {
			const exercise = lesson.exercises.find((e) => e.id === exerciseId);
			if (exercise) {
				void service.run(action, lesson, exercise, 'panel').catch((error: unknown) => log.error(`The exercise "${exerciseId}" could not ${action}: ${String(error)}`));
			}
		}),
		vscode.commands.registerCommand(Command.StartExercise, (arg: unknown) => run('start', arg)),
		// Resolves with the check's report (the tests read it).
		vscode.commands.registerCommand(Command.CheckExercise, async (arg: unknown) => {
			const found = await target(arg);
			return found ? service.check(found.lesson, found.exercise, 'editor') : undefined;
		}),
		vscode.commands.registerCommand(Command.ResetExercise, (arg: unknown) => run('reset', arg)),
		vscode.commands.registerCommand(Command.ShowExerciseHint, (arg: unknown) => run('hint', arg)),
		vscode.commands.registerCommand(Command.ShowExerciseSolution, (arg: unknown) => run('solution', arg)),
		vscode.commands.registerCommand(Command.SaveExerciseCopy, (arg: unknown) => run('save', arg)),
	);
}
