import * as vscode from 'vscode';
import { Command } from '../platform/ids';
import { Disposable } from '../platform/dispose';
import type { ReviewService } from './reviewService';

/** A quiet count of due reviews ("$(history) 3"), shown only while something is due; a click starts the review. */
export class ReviewStatusBar extends Disposable {
	private readonly item = this.register(vscode.window.createStatusBarItem('incidentLessons.reviews', vscode.StatusBarAlignment.Left, 9));

	constructor(private readonly reviews: ReviewService) {
		super();
		this.item.name = vscode.l10n.t('Incident Lessons Reviews');
		this.item.command = Command.StartReview;
		this.register(reviews.onDidChange(() => void this.update()));
	}

	private isShown = false;

	/** Current text ('' while hidden), for tests. */
	get text(): string {
		return this.isShown ? this.item.text : '';
	}

	async update(): Promise<void> {
		const due = (await this.reviews.queue()).items.length;
		this.isShown = due > 0;
		if (!this.isShown) {
			this.item.hide();
			return;
		}
		this.item.text = `$(history) ${due}`;
		this.item.tooltip = vscode.l10n.t('Lesson reviews due today: {0}. Click to start.', due);
		this.item.accessibilityInformation = { label: vscode.l10n.t('Lesson reviews due today: {0}', due) };
		this.item.show();
	}
}
