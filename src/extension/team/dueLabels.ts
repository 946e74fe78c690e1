import * as vscode from 'vscode';
import { dueState } from '../../core/team/dueDates';

/** A `YYYY-MM-DD` date as a UTC midnight, so formatting never shifts it by a time zone. */
function asDate(date: string): Date {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

function format(date: string, options: Intl.DateTimeFormatOptions): string {
	try {
		return new Intl.DateTimeFormat(vscode.env.language, { ...options, timeZone: 'UTC' }).format(asDate(date));
	} catch {
		return date; // a display language Intl does not know
	}
}

/** "Dec 4" (with the year when it is not this year's), in the display language. */
export function shortDate(date: string, today: string): string {
	return format(date, date.slice(0, 4) === today.slice(0, 4) ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "due today", "due tomorrow", "due Fri", "due Dec 4" or "overdue since Nov 20", as the tree and status bar say it. */
export function dueText(due: string, today: string): string {
	const state = dueState(due, today);
	switch (state.kind) {
		case 'overdue': return vscode.l10n.t('overdue since {0}', shortDate(due, today));
		case 'today': return vscode.l10n.t('due today');
		case 'tomorrow': return vscode.l10n.t('due tomorrow');
		case 'thisWeek': return vscode.l10n.t('due {0}', format(due, { weekday: 'short' }));
		case 'later': return vscode.l10n.t('due {0}', shortDate(due, today));
	}
}

/** The due date as short as it can be said, to lead a tree label: "Today", "Tomorrow", "Fri", "Dec 4". */
export function dueShort(due: string, today: string): string {
	const state = dueState(due, today);
	switch (state.kind) {
		case 'today': return vscode.l10n.t('Today');
		case 'tomorrow': return vscode.l10n.t('Tomorrow');
		case 'thisWeek': return format(due, { weekday: 'short' });
		default: return shortDate(due, today);
	}
}

/** "2/5 · due Fri", "2/5 · 1 overdue" or "5/5": assigned lessons done, and what is most urgent. */
export function assignedSummary(progress: { readonly done: number; readonly total: number; readonly overdue: number; readonly nextDue?: string }, today: string): string {
	const count = `${progress.done}/${progress.total}`;
	if (progress.overdue > 0) {
		return `${count} · ${vscode.l10n.t('{0} overdue', progress.overdue)}`;
	}
	return progress.nextDue === undefined ? count : `${count} · ${dueText(progress.nextDue, today)}`;
}
