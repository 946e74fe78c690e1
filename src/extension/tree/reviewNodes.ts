import * as vscode from 'vscode';
import type { Lesson } from '../../core/lessons/lesson';
import type { ReviewItem, ReviewQueue } from '../../core/reviews/reviewQueue';
import { Command } from '../platform/ids';
import { formatDueTime } from '../reviews/reviewText';

const PROMPT_CHARS = 80;

/** "Reviews — 3 due today": the learner's spaced-repetition queue, expanded while anything is due. */
export class ReviewGroupNode extends vscode.TreeItem {
	constructor(readonly queue: ReviewQueue, readonly lessons: ReadonlyMap<string, Lesson>) {
		const due = queue.items.length;
		super(vscode.l10n.t('Reviews'), due > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
		// A different id once something is due: the view then opens the group, whatever state it remembers for the other.
		this.id = due > 0 ? 'group:reviews.due' : 'group:reviews';
		this.iconPath = new vscode.ThemeIcon('history');
		this.description = due > 0 ? vscode.l10n.t('{0} due today', due) : vscode.l10n.t('none due');
		this.accessibilityInformation = { label: `${vscode.l10n.t('Reviews')}, ${this.description}` };
		const next = queue.nextDue !== undefined ? vscode.l10n.t('Next review: {0}', formatDueTime(new Date(queue.nextDue))) : '';
		this.tooltip = due > 0
			? vscode.l10n.t('Quizzes to review: {0}. Start Review goes through them one by one.', due)
			: [vscode.l10n.t('Nothing to review right now.'), next].filter(Boolean).join(' ');
		this.contextValue = due > 0 ? 'group.reviews.due' : 'group.reviews';
		if (due > 0) {
			this.command = { command: Command.StartReview, title: vscode.l10n.t('Start Review') };
		}
	}
}

/** One due quiz: its question, from which lesson; a click starts the session with it. */
export class ReviewItemNode extends vscode.TreeItem {
	constructor(readonly item: ReviewItem, lesson: Lesson | undefined) {
		const quiz = lesson?.quizzes.find((q) => q.id === item.quizId);
		const prompt = quiz?.prompt ?? item.quizId;
		super(prompt.length > PROMPT_CHARS ? `${prompt.slice(0, PROMPT_CHARS - 1)}…` : prompt, vscode.TreeItemCollapsibleState.None);
		this.id = `review:${item.lessonId}/${item.quizId}`;
		this.description = lesson?.meta.title ?? item.lessonId;
		this.iconPath = new vscode.ThemeIcon(item.kind === 'new' ? 'sparkle' : 'history');
		const tooltip = new vscode.MarkdownString(undefined, false); // untrusted: lesson text
		tooltip.appendText(prompt).appendMarkdown('\n\n').appendText(item.kind === 'new' ? vscode.l10n.t('New today, from {0}', this.description) : vscode.l10n.t('Due, from {0}', this.description));
		this.tooltip = tooltip;
		// the prompt and its lesson as two phrases, not one run-on sentence
		this.accessibilityInformation = { label: vscode.l10n.t('{0}, from the lesson {1}', prompt, this.description) };
		this.contextValue = `review.${item.kind}`;
		this.command = { command: Command.StartReview, title: vscode.l10n.t('Start Review'), arguments: [item.lessonId, item.quizId] };
	}
}
