/**
 * Which assignment reminder to show, if any: one when an assignment (per cycle, for a recurring one) comes within
 * `dueSoonDays` of its due date, one when it is overdue, never more than one a day, and none for an assignment the
 * learner muted for its cycle. The decision and the remembered state; showing it is the extension's. Pure.
 */
import { daysBetween, isDueDate } from './dueDates';
import { isRecord } from '../shared/records';

export type ReminderStage = 'dueSoon' | 'overdue';

/** An assigned lesson not yet passed, and the assignment (entry and cycle) it belongs to. */
export interface OpenAssignedLesson {
	/** One assignment in one cycle: the learner's "Don't remind me for this cycle" is remembered under it. */
	readonly key: string;
	readonly lessonId: string;
	readonly title: string;
	readonly due: string;
}

/** What the learner was reminded of, and muted. Stored in the workspace's state. */
export interface ReminderState {
	/** The last day a reminder was shown. */
	readonly lastShown?: string;
	/** The latest stage shown for each assignment key. */
	readonly notified: Readonly<Record<string, ReminderStage>>;
	/** Assignment keys not to remind of again (the key holds the cycle, so the next cycle reminds again). */
	readonly muted: readonly string[];
}

export interface Reminder {
	readonly key: string;
	readonly stage: ReminderStage;
	readonly due: string;
	/** The assignment's lessons not yet passed, in due order (at least one). */
	readonly lessons: readonly { readonly lessonId: string; readonly title: string }[];
}

/** What the learner chose: Open (done with this stage), Later (again another day) or mute this cycle. */
export type ReminderChoice = 'open' | 'later' | 'mute' | 'dismissed';

/** The most assignments remembered; older keys go first (a real file has a few). */
const MAX_REMEMBERED = 200;

export const EMPTY_REMINDER_STATE: ReminderState = { notified: {}, muted: [] };

/** The stage `due` is at on `today`, or undefined when it is further off than `dueSoonDays`. */
function stageOf(due: string, today: string, dueSoonDays: number): ReminderStage | undefined {
	const days = daysBetween(today, due);
	return days < 0 ? 'overdue' : days <= dueSoonDays ? 'dueSoon' : undefined;
}

/** The reminder to show on `today`, or undefined: one a day at most, overdue before due soon, earliest due first. */
export function nextReminder(open: readonly OpenAssignedLesson[], state: ReminderState, today: string, dueSoonDays: number): Reminder | undefined {
	if (state.lastShown === today) {
		return undefined;
	}
	const byKey = new Map<string, OpenAssignedLesson[]>();
	for (const lesson of open) {
		byKey.set(lesson.key, [...byKey.get(lesson.key) ?? [], lesson]);
	}
	const candidates: Reminder[] = [];
	for (const [key, lessons] of byKey) {
		const sorted = [...lessons].sort((a, b) => daysBetween(b.due, a.due));
		const first = sorted[0];
		const stage = first && stageOf(first.due, today, dueSoonDays);
		if (!first || !stage || state.muted.includes(key) || state.notified[key] === stage) {
			continue;
		}
		candidates.push({ key, stage, due: first.due, lessons: sorted.map(({ lessonId, title }) => ({ lessonId, title })) });
	}
	const rank = (r: Reminder): number => r.stage === 'overdue' ? 0 : 1;
	return candidates.sort((a, b) => rank(a) - rank(b) || daysBetween(b.due, a.due))[0];
}

/** The state once `reminder` is shown on `today` (recorded before the learner answers: another window stays quiet). */
export function reminderShown(state: ReminderState, reminder: Reminder, today: string): ReminderState {
	const notified = Object.entries({ ...state.notified, [reminder.key]: reminder.stage }).slice(-MAX_REMEMBERED);
	return { lastShown: today, notified: Object.fromEntries(notified), muted: state.muted };
}

/** The state after the learner's choice: Later forgets the stage (so it comes again another day), mute remembers the key. */
export function reminderAnswered(state: ReminderState, reminder: Reminder, choice: ReminderChoice): ReminderState {
	if (choice === 'later') {
		const notified = Object.fromEntries(Object.entries(state.notified).filter(([key]) => key !== reminder.key));
		return { ...state, notified };
	}
	if (choice === 'mute' && !state.muted.includes(reminder.key)) {
		return { ...state, muted: [...state.muted, reminder.key].slice(-MAX_REMEMBERED) };
	}
	return state;
}

/** Reads stored state of unknown shape (a damaged value starts over). */
export function readReminderState(value: unknown): ReminderState {
	if (!isRecord(value)) {
		return EMPTY_REMINDER_STATE;
	}
	const notified = isRecord(value.notified)
		? Object.fromEntries(Object.entries(value.notified).filter((e): e is [string, ReminderStage] => e[1] === 'dueSoon' || e[1] === 'overdue').slice(-MAX_REMEMBERED))
		: {};
	const muted = Array.isArray(value.muted) ? value.muted.filter((k): k is string => typeof k === 'string').slice(-MAX_REMEMBERED) : [];
	return { ...(typeof value.lastShown === 'string' && isDueDate(value.lastShown) ? { lastShown: value.lastShown } : {}), notified, muted };
}
