import * as vscode from 'vscode';
import type { CheckReport, Exercise, ResolvedExercise } from '../../core/exercises';
import type { Lesson } from '../../core/lessons/lesson';
import { exerciseView } from '../../core/page/exerciseView';
import { ownEntry } from '../../core/shared/records';
import type { ExerciseAction, ExerciseView } from '../../protocol';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import type { LessonPanel } from '../page/lessonPanel';
import { Disposable } from '../platform/dispose';
import type { Answers } from '../progress/answers';
import { summarizer } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';
import { currentTexts, ensureStarter, replaceText, resolveFromFile, scratchFile, scratchFolder } from './exerciseFiles';
import { saveCopy } from './exerciseCopy';
import { host } from '../platform/host';

/** The scheme of the reference solution's read-only documents: `incident-lessons-solution:/<lesson>/<exercise>/<path>`. */
export const SOLUTION_SCHEME = 'incident-lessons-solution';

export interface ExerciseDeps {
	readonly storage: vscode.Uri;
	readonly extensionUri: vscode.Uri;
	readonly library: LessonLibrary;
	readonly progress: ProgressStore;
	readonly answers: Answers;
	readonly panel: LessonPanel;
	readonly config: () => { readonly passMark: number };
	readonly log: vscode.LogOutputChannel;
}

/** Where a request came from: the panel announces in its section; elsewhere (editor, palette) a notification does. */
export type Origin = 'panel' | 'editor';

/**
 * What the exercise buttons, commands and CodeLenses do: start (copy the starter into the scratch folder and open
 * it), check the open text, hints, the solution as a diff, reset, a copy into the workspace. The learner's code is
 * only read, never run, so all of it works in an untrusted workspace. Recording goes through progress (Answers).
 */
export class ExerciseService extends Disposable {
	readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('incident-lessons-exercises'));
	private readonly resolved = new Map<string, Promise<ResolvedExercise | undefined>>();

	constructor(private readonly deps: ExerciseDeps) {
		super();
		// A lesson file changed: its exercises are read again when next used.
		this.register(deps.library.onDidChange(() => this.resolved.clear()));
	}

	/** The lesson and its exercise, when both exist. */
	async find(lessonId: string, exerciseId: string): Promise<{ lesson: Lesson; exercise: Exercise } | undefined> {
		const lesson = await this.deps.library.get(lessonId);
		const exercise = lesson?.exercises.find((e) => e.id === exerciseId);
		return lesson && exercise ? { lesson, exercise } : undefined;
	}

	folder(lessonId: string, exerciseId: string): vscode.Uri {
		return scratchFolder(this.deps.storage, lessonId, exerciseId);
	}

	/** The exercise with its starter and solution files read; undefined (and said) when they cannot be. */
	resolve(lesson: Lesson, exercise: Exercise): Promise<ResolvedExercise | undefined> {
		const key = `${lesson.meta.id}/${exercise.id}/${lesson.contentHash}`;
		let resolving = this.resolved.get(key);
		if (!resolving) {
			resolving = this.read(lesson, exercise);
			this.resolved.set(key, resolving);
		}
		return resolving;
	}

	private async read(lesson: Lesson, exercise: Exercise): Promise<ResolvedExercise | undefined> {
		const file = await this.deps.library.workspaceFileOf(lesson.meta.id);
		const result = await resolveFromFile(exercise, file, file?.path ?? `${lesson.locale}/${lesson.meta.id}.md`);
		for (const d of result.diagnostics) {
			this.deps.log.error(`${d.file}:${d.line}:${d.column}: ${d.message} (${d.code})`);
		}
		if (!result.exercise) {
			this.resolved.delete(`${lesson.meta.id}/${exercise.id}/${lesson.contentHash}`);
			void vscode.window.showErrorMessage(vscode.l10n.t('The exercise "{0}" cannot be started: its files could not be read. The Incident Lessons log says why.', exercise.title));
		}
		return result.exercise;
	}

	async run(action: ExerciseAction, lesson: Lesson, exercise: Exercise, origin: Origin): Promise<void> {
		switch (action) {
			case 'start': return this.start(lesson, exercise);
			case 'check': return void await this.check(lesson, exercise, origin);
			case 'hint': return this.hint(lesson, exercise, origin);
			case 'solution': return this.solution(lesson, exercise, origin);
			case 'reset': return this.reset(lesson, exercise, origin);
			case 'save': {
				const resolved = await this.resolve(lesson, exercise);
				if (resolved) {
					await saveCopy(resolved, await currentTexts(this.folder(lesson.meta.id, exercise.id), exercise));
				}
				return;
			}
		}
	}

	/** Copies the starter into the scratch folder (files already there are the learner's work and stay) and opens it beside the page. */
	async start(lesson: Lesson, exercise: Exercise): Promise<void> {
		const resolved = await this.resolve(lesson, exercise);
		if (!resolved) {
			return;
		}
		const uris = await ensureStarter(this.folder(lesson.meta.id, exercise.id), resolved);
		let column: vscode.ViewColumn = vscode.ViewColumn.Beside;
		for (const [i, uri] of uris.entries()) {
			const document = await vscode.workspace.openTextDocument(uri);
			const language = exercise.files[i]?.language;
			if (language && document.languageId !== language) {
				await vscode.languages.setTextDocumentLanguage(document, language).then(undefined, () => undefined);
			}
			const editor: vscode.TextEditor = await vscode.window.showTextDocument(document, { viewColumn: column, preview: false, preserveFocus: i > 0 });
			column = editor.viewColumn ?? column;
		}
		if (uris[0]) {
			await vscode.window.showTextDocument(uris[0], { viewColumn: column, preview: false });
		}
	}

	/** Runs the checks on the learner's current text, shows the results (panel, diagnostics) and records the attempt. */
	async check(lesson: Lesson, exercise: Exercise, origin: Origin): Promise<CheckReport> {
		const folder = this.folder(lesson.meta.id, exercise.id);
		const { runChecks } = await host().chunk('patterns');
		const report = runChecks(exercise, await currentTexts(folder, exercise));
		this.diagnostics.set(this.diagnosticsOf(folder, exercise, report));
		await this.deps.answers.recordExercise(lesson, exercise.id, { kind: 'check', failedChecks: report.results.filter((r) => !r.passed).map((r) => r.checkId) });
		// Hints unlock one by one: one more after each failed check, unless the learner asked ahead.
		const after = this.record(lesson, exercise);
		if (!report.passed && after && after.hintsUsed < Math.min(after.attempts, exercise.hints.length)) {
			await this.deps.answers.recordExercise(lesson, exercise.id, { kind: 'hint' });
		}
		const passedCount = report.results.filter((r) => r.passed).length;
		const firstFail = report.results.find((r) => !r.passed);
		const text = report.passed
			? vscode.l10n.t('All {0} checks pass. Exercise done.', report.results.length)
			: vscode.l10n.t('{0} of {1} checks pass. {2}', passedCount, report.results.length, firstFail?.hint ?? '');
		this.show(lesson, exercise, text, origin, report.passed ? 'info' : 'warning', report);
		return report;
	}

	private diagnosticsOf(folder: vscode.Uri, exercise: Exercise, report: CheckReport): [vscode.Uri, vscode.Diagnostic[]][] {
		return exercise.files.map((file) => {
			const uri = scratchFile(folder, file.path);
			return [uri, report.results.filter((r) => !r.passed && r.file === file.path).map((r) => {
				// The checks' ranges are 1-based with the end inclusive; the editor's are 0-based with the end exclusive.
				const range = new vscode.Range(Math.max(r.line - 1, 0), Math.max(r.column - 1, 0), Math.max(r.endLine - 1, 0), Math.max(r.endColumn, 0));
				const diagnostic = new vscode.Diagnostic(range, r.hint, vscode.DiagnosticSeverity.Warning);
				diagnostic.source = 'Incident Lessons';
				diagnostic.code = r.checkId;
				return diagnostic;
			})];
		});
	}

	/** Unlocks the next hint (recorded). */
	async hint(lesson: Lesson, exercise: Exercise, origin: Origin): Promise<void> {
		const before = this.record(lesson, exercise);
		const shown = Math.min(before?.hintsUsed ?? 0, exercise.hints.length);
		const next = exercise.hints[shown];
		if (next === undefined) {
			this.show(lesson, exercise, vscode.l10n.t('No more hints: each failing check in the list says what it looks for.'), origin, 'info');
			return;
		}
		await this.deps.answers.recordExercise(lesson, exercise.id, { kind: 'hint' });
		this.show(lesson, exercise, vscode.l10n.t('Hint {0} of {1}: {2}', shown + 1, exercise.hints.length, next), origin, 'info');
	}

	/** Opens the reference solution as a diff against the learner's files, once allowed (a pass, or enough checks). */
	async solution(lesson: Lesson, exercise: Exercise, origin: Origin): Promise<void> {
		const view = exerciseView(exercise, this.record(lesson, exercise));
		if (!view.canShowSolution) {
			this.show(lesson, exercise, vscode.l10n.t('The solution opens after a pass, or after {0} checks (checks so far: {1}).', exercise.solutionAfter, view.attempts), origin, 'info');
			return;
		}
		const folder = this.folder(lesson.meta.id, exercise.id);
		const resolved = await this.resolve(lesson, exercise);
		if (!resolved) {
			return;
		}
		await ensureStarter(folder, resolved);
		await this.deps.answers.recordExercise(lesson, exercise.id, { kind: 'solution' });
		for (const { path } of exercise.solution) {
			const reference = vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${lesson.meta.id}/${exercise.id}/${path}` });
			await vscode.commands.executeCommand('vscode.diff', scratchFile(folder, path), reference,
				vscode.l10n.t('{0}: your fix ↔ reference solution', path), { preview: false, viewColumn: vscode.ViewColumn.Beside });
		}
		this.show(lesson, exercise, '', origin, 'none');
	}

	/** The reference text of a solution document (see {@link SOLUTION_SCHEME}), if it names a file of an exercise. */
	async reference(uri: vscode.Uri): Promise<string | undefined> {
		const [lessonId = '', exerciseId = '', ...rest] = uri.path.replace(/^\//, '').split('/');
		const found = await this.find(lessonId, exerciseId);
		const resolved = found && await this.resolve(found.lesson, found.exercise);
		return resolved?.solutionFiles.get(rest.join('/'));
	}

	/** Puts the starter back in every file, after asking; the record of checks and a pass stays. */
	async reset(lesson: Lesson, exercise: Exercise, origin: Origin): Promise<void> {
		const reset = vscode.l10n.t('Reset');
		const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Put the starter code of "{0}" back? Your changes to its files are lost.', exercise.title), { modal: true }, reset);
		const resolved = answer === reset ? await this.resolve(lesson, exercise) : undefined;
		if (!resolved) {
			return;
		}
		const folder = this.folder(lesson.meta.id, exercise.id);
		for (const file of exercise.files) {
			await replaceText(scratchFile(folder, file.path), resolved.starterFiles.get(file.path) ?? '');
		}
		for (const file of exercise.files) {
			this.diagnostics.delete(scratchFile(folder, file.path));
		}
		this.show(lesson, exercise, vscode.l10n.t('The exercise files are back to the starter code.'), origin, 'info');
	}

	private record(lesson: Lesson, exercise: Exercise): Parameters<typeof exerciseView>[1] {
		return ownEntry(ownEntry(this.deps.progress.get().lessons, lesson.meta.id)?.exercises, exercise.id);
	}

	/** The exercise's section in the page, with `text` announced there; from the editor, `text` as a notification too. */
	private show(lesson: Lesson, exercise: Exercise, text: string, origin: Origin, level: 'info' | 'warning' | 'none', report?: CheckReport): void {
		const view: ExerciseView = exerciseView(exercise, this.record(lesson, exercise), report);
		const summary = summarizer(this.deps.progress, this.deps.config)(lesson);
		this.deps.panel.postToLesson({ type: 'exercise', lessonId: lesson.meta.id, view, summary, announce: text });
		if ((origin === 'editor' || this.deps.panel.currentLessonId !== lesson.meta.id) && level !== 'none' && text) {
			void (level === 'warning' ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
		}
	}
}
