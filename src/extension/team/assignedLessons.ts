import * as vscode from 'vscode';
import type { AssignedLesson, AssignmentProgress } from '../../core/team/assignments';
import { localDate } from '../../core/team/dueDates';
import type { Diagnostic } from '../../core/lessons/lesson';
import type { LessonEntry } from '../../core/catalog/lessonEntry';
import type { AssignmentsDocument, AssignmentsFile } from './assignmentsFile';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import type { Clock } from '../platform/clock';
import type { LessonLibrary } from '../catalog/lessonLibrary';
import { exerciseIdsOf } from '../progress/lessonStatus';
import type { ProgressStore } from '../progress/progressStore';
import { progressSince } from '../../core/team/cycles';
import { lessonStatus } from '../../core/progress/progress';
import { ownEntry } from '../../core/shared/records';
import type { LessonSummary } from '../../protocol';
import { host } from '../platform/host';

/** An assigned lesson with the lesson itself and the file that assigned it. */
export interface AssignedItem extends AssignedLesson {
	readonly lesson: LessonEntry;
	readonly file: vscode.Uri;
}

/** Everything the view, the status bar and the diagnostics need about assignments. */
export interface AssignedState {
	/** Sorted by due date. */
	readonly items: readonly AssignedItem[];
	/** The assignments files found, with every problem in them (parsing and unknown ids). */
	readonly documents: readonly { readonly document: AssignmentsDocument; readonly diagnostics: readonly Diagnostic[] }[];
}

/**
 * The learner's assigned lessons: the assignments files resolved against the lesson library and the learner's
 * audiences. Recomputed when a file, the library or the audiences change; `onDidChange` then fires.
 */
export class AssignedLessons extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<AssignedState> | undefined;
	/** The day `loading` was resolved for: a recurring entry's cycle depends on it. */
	private loadedFor = '';

	constructor(
		private readonly file: AssignmentsFile,
		private readonly library: LessonLibrary,
		private readonly progress: ProgressStore,
		private readonly config: () => ExtensionConfig,
		private readonly clock: Clock,
	) {
		super();
		this.register(file.onDidChange(() => this.invalidate()));
		this.register(library.onDidChange(() => this.invalidate()));
		this.register(clock.onDidChange(() => this.invalidate()));
	}

	/** Today in the learner's time zone, by the clock the schedules run on. */
	today(): string {
		return localDate(this.clock.now());
	}

	/** The current assignments, resolved (cached until something they depend on changes, or the day changes). */
	get(): Promise<AssignedState> {
		const today = this.today();
		if (today !== this.loadedFor) {
			this.loading = undefined;
			this.loadedFor = today;
		}
		this.loading ??= this.load(today);
		return this.loading;
	}

	/**
	 * Where the learner stands in an assigned lesson: for a recurring assignment only the answers given since its
	 * cycle started count (in the learner's time zone), so the cycle starts fresh.
	 */
	summaryOf(item: AssignedItem): LessonSummary {
		const { passMark } = this.config();
		const stored = ownEntry(this.progress.get().lessons, item.lessonId);
		const lp = item.cycle ? progressSince(stored, item.cycle.start, (iso) => localDate(new Date(iso))) : stored;
		return { ...lessonStatus(item.lesson.quizIds, lp, passMark, exerciseIdsOf(item.lesson)), passMark };
	}

	/** Forgets the last result (a file, the library or the audiences changed) and tells listeners. */
	invalidate(): void {
		this.loading = undefined;
		this._onDidChange.fire();
	}

	/** Where the learner stands today: done, overdue and the next due date. */
	async progressToday(): Promise<AssignmentProgress & { readonly items: readonly AssignedItem[] }> {
		const { items } = await this.get();
		if (items.length === 0) {
			return { total: 0, done: 0, overdue: 0, items };
		}
		const { assignmentProgress } = await host().chunk('parsers');
		const isDone = (id: string): boolean => {
			const item = items.find((i) => i.lessonId === id);
			return item !== undefined && this.summaryOf(item).status === 'passed';
		};
		return { ...assignmentProgress(items, isDone, this.today()), items };
	}

	private async load(today: string): Promise<AssignedState> {
		const [documents, lessons] = await Promise.all([this.file.read(), this.library.lessons()]);
		if (documents.length === 0) {
			return { items: [], documents: [] };
		}
		const { resolveAssignments } = await host().chunk('parsers');
		const catalog = lessons.map((l) => ({ id: l.meta.id, track: l.meta.track }));
		const byId = new Map(lessons.map((l) => [l.meta.id, l]));
		const chosen = new Map<string, AssignedItem>();
		const resolved = documents.map((document) => {
			const { assigned, diagnostics } = resolveAssignments(document.assignments, catalog, this.config().audiences, document.file, today);
			for (const a of assigned) {
				const lesson = byId.get(a.lessonId);
				const current = chosen.get(a.lessonId);
				if (lesson && (!current || a.due < current.due)) {
					chosen.set(a.lessonId, { ...a, lesson, file: document.uri });
				}
			}
			return { document, diagnostics: [...document.diagnostics, ...diagnostics] };
		});
		const order = new Map(lessons.map((l, i) => [l.meta.id, i]));
		const items = [...chosen.values()].sort((a, b) => a.due.localeCompare(b.due) || (order.get(a.lessonId) ?? 0) - (order.get(b.lessonId) ?? 0));
		return { items, documents: resolved };
	}
}
