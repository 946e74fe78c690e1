import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_REMINDER_STATE, nextReminder, readReminderState, reminderAnswered, reminderShown, type OpenAssignedLesson } from '../../../../src/core/team/reminders';

const lesson = (key: string, lessonId: string, due: string): OpenAssignedLesson => ({ key, lessonId, title: `Title ${lessonId}`, due });
const open = [lesson('a@2027-01-15', 'gmail', '2027-03-31'), lesson('a@2027-01-15', 'usb', '2027-03-31'), lesson('b', 'axa', '2027-02-10')];

describe('assignment reminders', () => {
	it('says nothing until an assignment is within the days set, then once that it is due soon and once that it is overdue', () => {
		assert.equal(nextReminder(open, EMPTY_REMINDER_STATE, '2027-01-20', 7), undefined);
		const soon = nextReminder(open, EMPTY_REMINDER_STATE, '2027-02-03', 7);
		assert.deepEqual(soon, { key: 'b', stage: 'dueSoon', due: '2027-02-10', lessons: [{ lessonId: 'axa', title: 'Title axa' }] });
		let state = reminderShown(EMPTY_REMINDER_STATE, soon, '2027-02-03');
		assert.equal(nextReminder(open, state, '2027-02-03', 7), undefined, 'at most one a day');
		assert.equal(nextReminder(open, state, '2027-02-04', 7), undefined, 'due soon is said once');
		const late = nextReminder(open, state, '2027-02-11', 7);
		assert.equal(late?.stage, 'overdue');
		state = reminderShown(state, late, '2027-02-11');
		assert.equal(nextReminder(open, state, '2027-02-12', 7), undefined, 'overdue is said once');
		const other = nextReminder(open, state, '2027-03-25', 7);
		assert.deepEqual(other?.lessons.map((l) => l.lessonId), ['gmail', 'usb'], 'one reminder for the whole assignment');
	});

	it('Later asks again another day; Don\'t remind me mutes the assignment for its cycle only', () => {
		const first = nextReminder(open, EMPTY_REMINDER_STATE, '2027-02-11', 7)!;
		let state = reminderAnswered(reminderShown(EMPTY_REMINDER_STATE, first, '2027-02-11'), first, 'later');
		assert.equal(nextReminder(open, state, '2027-02-11', 7), undefined);
		assert.equal(nextReminder(open, state, '2027-02-12', 7)?.key, 'b');
		state = reminderAnswered(state, first, 'mute');
		assert.equal(nextReminder(open, state, '2027-02-13', 7), undefined);
		const nextCycle = [lesson('a@2028-01-15', 'gmail', '2028-03-31')];
		assert.equal(nextReminder(nextCycle, reminderAnswered(state, { ...first, key: 'a@2027-01-15' }, 'mute'), '2028-03-30', 7)?.key, 'a@2028-01-15');
	});

	it('with 0 days, reminds on the due date itself; overdue comes before due soon', () => {
		assert.equal(nextReminder(open, EMPTY_REMINDER_STATE, '2027-02-09', 0), undefined);
		assert.equal(nextReminder(open, EMPTY_REMINDER_STATE, '2027-02-10', 0)?.stage, 'dueSoon');
		assert.equal(nextReminder(open, EMPTY_REMINDER_STATE, '2027-03-31', 7)?.key, 'b');
	});

	it('reads damaged stored state as a fresh start and bounds what it keeps', () => {
		assert.deepEqual(readReminderState('junk'), EMPTY_REMINDER_STATE);
		assert.deepEqual(readReminderState({ lastShown: 'yesterday', notified: { a: 'dueSoon', b: 'soon' }, muted: ['x', 3] }), { notified: { a: 'dueSoon' }, muted: ['x'] });
		const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, 'overdue']));
		assert.equal(Object.keys(readReminderState({ notified: many, muted: Object.keys(many) }).notified).length, 200);
		assert.equal(readReminderState({ notified: many, muted: Object.keys(many) }).muted.length, 200);
	});
});
