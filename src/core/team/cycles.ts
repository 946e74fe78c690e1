/**
 * Recurring assignments: an entry with `"every": "12 months"` and `"from": "2026-01-15"` starts a new cycle every
 * period from `from`, and each cycle's due date is the entry's `due` moved on by as many periods. Every date is a
 * calendar date in the learner's own time zone (the editor's clock); answer times (UTC instants) are turned into
 * that zone's dates before they are compared with a cycle's start. Pure.
 */
import { daysBetween, addDays, isDueDate } from './dueDates';
import { daysInMonth } from '../lessons/incident';
import type { LessonProgress } from '../progress/progress';
import { createRecord } from '../shared/records';

export type PeriodUnit = 'day' | 'week' | 'month' | 'year';

/** How often an assignment comes round: `count` days, weeks, months or years. */
export interface Period {
	readonly count: number;
	readonly unit: PeriodUnit;
}

/** What `every` may say: 1 to 999 of a unit, singular or plural ("1 year", "12 months", "2 weeks"). */
export const EVERY_PATTERN = /^([1-9]\d{0,2}) (day|week|month|year)s?$/;

/** One turn of a recurring assignment: its first and last day, and its due date (all `YYYY-MM-DD`). */
export interface Cycle {
	/** 0 for the cycle that starts on `from`. */
	readonly index: number;
	readonly start: string;
	/** The last day: the day before the next cycle starts. */
	readonly end: string;
	readonly due: string;
}

/** The rule of a recurring assignment. `due` is the first cycle's due date, on or after `from` and before the second cycle. */
export interface Recurrence {
	readonly every: Period;
	readonly from: string;
	readonly due: string;
}

/** Reads `every`, or undefined when it does not match {@link EVERY_PATTERN}. */
export function parsePeriod(text: string): Period | undefined {
	const match = EVERY_PATTERN.exec(text);
	return match ? { count: Number(match[1]), unit: match[2] as PeriodUnit } : undefined;
}

function parts(date: string): [number, number, number] {
	const [year, month, day] = date.split('-').map(Number);
	return [year ?? 1970, month ?? 1, day ?? 1];
}

/**
 * `date` moved on by `n` periods, always counted from `date` itself (not step by step): a month from Jan 31 is the
 * last day of February, and two months from Jan 31 is Mar 31, not Mar 28. A year from Feb 29 is Feb 28.
 */
export function addPeriods(date: string, period: Period, n: number): string {
	if (period.unit === 'day' || period.unit === 'week') {
		return addDays(date, n * period.count * (period.unit === 'week' ? 7 : 1));
	}
	const [year, month, day] = parts(date);
	const months = (month - 1) + n * period.count * (period.unit === 'year' ? 12 : 1);
	const y = year + Math.floor(months / 12);
	const m = ((months % 12) + 12) % 12 + 1;
	const pad = (v: number, width: number): string => String(v).padStart(width, '0');
	return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}`;
}

/** The last day a `YYYY-MM-DD` date can say: a cycle that would end later ends here. */
const LAST_DAY = '9999-12-31';

/** The day before `date`, or {@link LAST_DAY} when `date` is past what a date can say. */
function dayBefore(date: string): string {
	return isDueDate(date) ? addDays(date, -1) : LAST_DAY;
}

/** Roughly how many days a period lasts: only to guess the cycle of a date before checking it exactly. */
function approximateDays(period: Period): number {
	const unit = { day: 1, week: 7, month: 30.436875, year: 365.2425 }[period.unit];
	return unit * period.count;
}

/** Why a recurrence cannot be used, or undefined: `from` and `due` must be real dates, due within the first cycle. */
export function recurrenceProblem(r: Recurrence): string | undefined {
	if (!isDueDate(r.from) || !isDueDate(r.due)) {
		return undefined; // reported as an invalid date
	}
	const next = addPeriods(r.from, r.every, 1);
	if (!isDueDate(next)) {
		return `the second cycle would start after ${LAST_DAY}: choose a shorter "every" or an earlier "from"`;
	}
	if (daysBetween(r.from, r.due) < 0 || daysBetween(next, r.due) >= 0) {
		return `"due" must fall within the first cycle, from ${r.from} to ${dayBefore(next)}`;
	}
	return undefined;
}

/** Cycle number `index` of a recurrence (its due date kept within the cycle, whatever month ends do). */
export function cycleAt(r: Recurrence, index: number): Cycle {
	const start = addPeriods(r.from, r.every, index);
	const end = dayBefore(addPeriods(r.from, r.every, index + 1));
	const shifted = addPeriods(r.due, r.every, index);
	const due = daysBetween(shifted, start) > 0 ? start : daysBetween(end, shifted) > 0 ? end : shifted;
	return { index, start, end, due };
}

/** The cycle `today` falls in; before `from`, the first one (it is coming). */
export function cycleOn(r: Recurrence, today: string): Cycle {
	const elapsed = daysBetween(r.from, today);
	if (!(elapsed > 0)) {
		return cycleAt(r, 0);
	}
	let index = Math.max(0, Math.floor(elapsed / approximateDays(r.every)) - 1);
	while (daysBetween(addPeriods(r.from, r.every, index + 1), today) >= 0) {
		index++;
	}
	while (index > 0 && daysBetween(addPeriods(r.from, r.every, index), today) < 0) {
		index--;
	}
	return cycleAt(r, index);
}

/**
 * The part of a lesson record given on or after `start` (a cycle's first day): the answers and checks of earlier
 * cycles are left out, so the cycle's status starts fresh while the stored record (and the review cards) stay as
 * they are. `dateOf` turns an ISO time into the learner's calendar date. Undefined when nothing is left.
 */
export function progressSince(lp: LessonProgress | undefined, start: string, dateOf: (iso: string) => string): LessonProgress | undefined {
	if (!lp) {
		return undefined;
	}
	const inCycle = (iso: string | undefined): boolean => iso !== undefined && daysBetween(start, dateOf(iso)) >= 0;
	const quizzes = createRecord<LessonProgress['quizzes'][string]>();
	for (const [id, quiz] of Object.entries(lp.quizzes)) {
		if (inCycle(quiz.answeredAt)) {
			quizzes[id] = quiz;
		}
	}
	const exercises = createRecord<NonNullable<LessonProgress['exercises']>[string]>();
	for (const [id, exercise] of Object.entries(lp.exercises ?? {})) {
		if (inCycle(exercise.checkedAt)) {
			// A pass is kept for good, so one from an earlier cycle would outlive a failed check in this one: within a
			// cycle, the latest check decides.
			exercises[id] = { ...exercise, passed: exercise.passed && exercise.failedChecks.length === 0 };
		}
	}
	const times = [...Object.values(quizzes).map((q) => q.answeredAt), ...Object.values(exercises).flatMap((e) => e.checkedAt ?? [])].sort();
	const first = times[0];
	const last = times[times.length - 1];
	if (first === undefined || last === undefined) {
		return undefined;
	}
	return {
		quizzes, ...(Object.keys(exercises).length > 0 ? { exercises } : {}),
		...(lp.contentHash !== undefined ? { contentHash: lp.contentHash } : {}), startedAt: first, updatedAt: last,
	};
}

/** The calendar date of an ISO time in UTC: the default `dateOf` where no local zone applies (the CLI, tests). */
export function utcDate(iso: string): string {
	const time = new Date(iso);
	return Number.isNaN(time.getTime()) ? '' : time.toISOString().slice(0, 10);
}
