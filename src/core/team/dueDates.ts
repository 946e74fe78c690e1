/**
 * Due dates of assignments: calendar dates (`YYYY-MM-DD`) compared as whole days, with no time zone in them.
 * A due date is the last day an assignment may be finished on, so it is overdue from the next day on. Pure.
 */
import { isRealDate } from '../lessons/incident';

/** How a due date stands against today. `days` counts from today to the due date (negative when overdue). */
export type DueState =
	| { readonly kind: 'overdue'; readonly days: number }
	| { readonly kind: 'today'; readonly days: 0 }
	| { readonly kind: 'tomorrow'; readonly days: 1 }
	/** Two to six days ahead: a weekday name says it best ("due Fri"). */
	| { readonly kind: 'thisWeek'; readonly days: number }
	| { readonly kind: 'later'; readonly days: number };

/** Is `text` a real calendar date written `YYYY-MM-DD`? */
export function isDueDate(text: string): boolean {
	return isRealDate(text, false);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (NaN when it is not one). */
function dayNumber(date: string): number {
	if (!isDueDate(date)) {
		return Number.NaN;
	}
	const [year, month, day] = date.split('-').map(Number);
	// setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
	return new Date(0).setUTCFullYear(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. NaN for invalid dates. */
export function daysBetween(from: string, to: string): number {
	return dayNumber(to) - dayNumber(from);
}

/** The calendar date of `time` in the local time zone of the running process, as `YYYY-MM-DD`. */
export function localDate(time: Date): string {
	const pad = (n: number): string => String(n).padStart(2, '0');
	return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** `date` plus `days` days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	const shifted = new Date((dayNumber(date) + days) * 86_400_000);
	return shifted.toISOString().slice(0, 10);
}

/** 0 (Sunday) to 6 (Saturday) for a `YYYY-MM-DD` date. */
export function weekday(date: string): number {
	return new Date(dayNumber(date) * 86_400_000).getUTCDay();
}

/** The next Friday after `today` (a week on when today is Friday): the default due date a lead is offered. */
export function nextFriday(today: string): string {
	const ahead = (5 - weekday(today) + 7) % 7;
	return addDays(today, ahead === 0 ? 7 : ahead);
}

/** Where `due` stands on `today`. Both must be `YYYY-MM-DD` dates. */
export function dueState(due: string, today: string): DueState {
	const days = daysBetween(today, due);
	if (days < 0) {
		return { kind: 'overdue', days };
	}
	if (days === 0) {
		return { kind: 'today', days: 0 };
	}
	if (days === 1) {
		return { kind: 'tomorrow', days: 1 };
	}
	return days <= 6 ? { kind: 'thisWeek', days } : { kind: 'later', days };
}

/** True when work due on `due` and not finished is late on `today`. */
export function isOverdue(due: string, today: string): boolean {
	return daysBetween(today, due) < 0;
}
