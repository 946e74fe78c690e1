import * as vscode from 'vscode';
import { localDate } from '../../core/team/dueDates';
import type { Clock } from '../platform/clock';
import { Command } from '../platform/ids';
import type { ExtensionConfig } from '../platform/config';
import { Disposable } from '../platform/dispose';
import { scheduleDailyCheck } from '../platform/dailyCheck';
import type { ReviewService } from './reviewService';

/** globalState key of the last day a reminder was shown: once a day across every window, not once per workspace. */
const LAST_REMINDER_KEY = 'incidentLessons.reviewReminderDay';

/**
 * At most one gentle reminder a day that reviews are due, and only when the learner opted in
 * (`incidentLessons.reviews.reminder`). Checked a while after activation and when the window gains focus.
 */
export class ReviewReminder extends Disposable {
	private checking = false;

	constructor(
		private readonly globalState: vscode.Memento,
		private readonly reviews: ReviewService,
		private readonly config: () => ExtensionConfig,
		private readonly clock: Clock,
	) {
		super();
		this.register(scheduleDailyCheck(() => void this.maybeRemind()));
	}

	/** Shows the reminder if it is on, something is due, and none was shown today. Resolves with whether it showed. */
	async maybeRemind(): Promise<boolean> {
		const { enabled, reminder } = this.config().reviews;
		const today = localDate(this.clock.now());
		if (!enabled || !reminder || this.checking || this.globalState.get<string>(LAST_REMINDER_KEY) === today) {
			return false;
		}
		this.checking = true;
		try {
			const due = (await this.reviews.queue()).items.length;
			if (due === 0) {
				return false;
			}
			// Recorded before showing, so a second window focused meanwhile stays quiet.
			await this.globalState.update(LAST_REMINDER_KEY, today);
			const start = vscode.l10n.t('Start Review');
			const off = vscode.l10n.t('Turn Off Reminders');
			void vscode.window.showInformationMessage(vscode.l10n.t('Lesson reviews due today: {0}.', due), start, off).then(async (picked) => {
				if (picked === start) {
					await vscode.commands.executeCommand(Command.StartReview);
				} else if (picked === off) {
					await vscode.workspace.getConfiguration('incidentLessons').update('reviews.reminder', false, vscode.ConfigurationTarget.Global);
				}
			});
			return true;
		} finally {
			this.checking = false;
		}
	}
}
