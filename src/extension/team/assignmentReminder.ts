import * as vscode from 'vscode';
import { nextReminder, readReminderState, reminderAnswered, reminderShown, type OpenAssignedLesson, type Reminder, type ReminderChoice } from '../../core/team/reminders';
import { inertText } from '../../core/shared/text';
import type { AssignedItem, AssignedLessons } from './assignedLessons';
import type { ExtensionConfig } from '../platform/config';
import { Command } from '../platform/ids';
import { Disposable } from '../platform/dispose';
import { scheduleDailyCheck } from '../platform/dailyCheck';
import { shortDate } from './dueLabels';

/** workspaceState key of what was reminded and muted: assignments belong to the workspace. */
export const REMINDER_STATE_KEY = 'incidentLessons.assignmentReminders';
/** The longest lesson title a reminder quotes: the rest of it is said as "…". */
const MAX_TITLE = 80;

/** One assignment in one cycle: the file, the entry and the cycle's first day (or the due date of a one-off entry). */
export function reminderKey(item: AssignedItem): string {
	return `${item.file.toString()}#${item.assignment}@${item.cycle?.start ?? item.due}`;
}

function quoted(title: string): string {
	const inert = inertText(title).trim();
	return inert.length > MAX_TITLE ? `${inert.slice(0, MAX_TITLE - 1)}…` : inert;
}

/** The notification's text: plain text, the lesson title inert and bounded, counts and dates from the extension. */
export function reminderText(reminder: Reminder, today: string): string {
	const title = quoted(reminder.lessons[0]?.title ?? '');
	const others = reminder.lessons.length - 1;
	const due = shortDate(reminder.due, today);
	if (reminder.stage === 'overdue') {
		return others > 0
			? vscode.l10n.t('Assigned lessons overdue since {0}: "{1}" and {2} more.', due, title, others)
			: vscode.l10n.t('Assigned lesson overdue since {0}: "{1}".', due, title);
	}
	return others > 0
		? vscode.l10n.t('Assigned lessons due {0}: "{1}" and {2} more.', due, title, others)
		: vscode.l10n.t('Assigned lesson due {0}: "{1}".', due, title);
}

/**
 * Reminders of assigned lessons (`incidentLessons.reminders.*`): one when an assignment comes within the set number
 * of days of its due date and one when it is overdue, at most one a day, with Open, Later and Don't remind me for
 * this cycle (remembered in the workspace's state). Checked a while after activation, when the window gains focus
 * and when the reminder settings change.
 */
export class AssignmentReminder extends Disposable {
	private checking = false;

	constructor(
		private readonly state: vscode.Memento,
		private readonly assigned: AssignedLessons,
		private readonly config: () => ExtensionConfig,
	) {
		super();
		this.register(scheduleDailyCheck(() => void this.maybeRemind()));
	}

	/**
	 * Shows the reminder that is due, if reminders are on and none was shown today. Resolves with the reminder shown
	 * and, once the learner answers, what they chose (`answered`).
	 */
	async maybeRemind(): Promise<{ readonly reminder: Reminder; readonly answered: Promise<ReminderChoice> } | undefined> {
		const { enabled, dueSoonDays } = this.config().reminders;
		if (!enabled || this.checking) {
			return undefined;
		}
		this.checking = true;
		try {
			const today = this.assigned.today();
			const { items } = await this.assigned.get();
			const open = items.filter((item) => this.assigned.summaryOf(item).status !== 'passed')
				.map((item): OpenAssignedLesson => ({ key: reminderKey(item), lessonId: item.lessonId, title: item.lesson.meta.title, due: item.due }));
			const state = readReminderState(this.state.get(REMINDER_STATE_KEY));
			const reminder = nextReminder(open, state, today, dueSoonDays);
			if (!reminder) {
				return undefined;
			}
			// Recorded before showing, so a second window focused meanwhile stays quiet.
			await this.state.update(REMINDER_STATE_KEY, reminderShown(state, reminder, today));
			return { reminder, answered: this.show(reminder, today).catch((): ReminderChoice => 'dismissed') };
		} finally {
			this.checking = false;
		}
	}

	private async show(reminder: Reminder, today: string): Promise<ReminderChoice> {
		const open = vscode.l10n.t('Open');
		const later = vscode.l10n.t('Later');
		const mute = vscode.l10n.t('Don\'t Remind Me for This Cycle');
		const text = reminderText(reminder, today);
		const picked = reminder.stage === 'overdue'
			? await vscode.window.showWarningMessage(text, open, later, mute)
			: await vscode.window.showInformationMessage(text, open, later, mute);
		const choice: ReminderChoice = picked === open ? 'open' : picked === later ? 'later' : picked === mute ? 'mute' : 'dismissed';
		const current = readReminderState(this.state.get(REMINDER_STATE_KEY));
		await this.state.update(REMINDER_STATE_KEY, reminderAnswered(current, reminder, choice));
		const first = reminder.lessons[0];
		if (choice === 'open' && first) {
			await vscode.commands.executeCommand(Command.OpenLesson, first.lessonId);
		}
		return choice;
	}
}
