import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { LazyPart } from '../platform/lazyPart';
import { LessonDiagnosticsGate } from './lessonDiagnosticsGate';
import { LessonPreview } from '../page/lessonPreview';
import { newLesson } from './newLessonCommand';
import type { Services } from '../services';
import type { Team } from '../team/register';

/**
 * Writing team lessons: the Problems-panel checks of workspace lessons and assignments files (loaded once they have
 * something to do), New Lesson, and Preview Lesson, which watches saves from its first use on.
 */
export function registerLessons(services: Services, team: Pick<Team, 'assigned'>): vscode.Disposable {
	const { library, panel, config, trust } = services;
	const diagnostics = new LessonDiagnosticsGate(library, team.assigned, trust, config);
	const preview = new LazyPart(() => Promise.resolve(new LessonPreview(panel, trust)));
	void diagnostics.refresh();
	return vscode.Disposable.from(
		diagnostics, preview,
		vscode.commands.registerCommand(Command.NewLesson, (arg?: unknown) => newLesson({ library, trust }, arg)),
		vscode.commands.registerCommand(Command.PreviewLesson, async (arg?: unknown) => (await preview.get()).preview(arg instanceof vscode.Uri ? arg : undefined)),
	);
}
