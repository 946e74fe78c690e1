import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addPeriods, cycleAt, cycleOn, parsePeriod, progressSince, recurrenceProblem, utcDate, type Period, type Recurrence } from '../../../../src/core/team/cycles';
import { assignmentProgress, parseAssignments, resolveAssignments } from '../../../../src/core/team/assignments';
import { addDays, daysBetween } from '../../../../src/core/team/dueDates';
import { lessonStatus, type LessonProgress } from '../../../../src/core/progress/progress';
import { propertyParams } from '../../helpers/propertySeed';

const FILE = '.incident-lessons/assignments.json';
const months = (count: number): Period => ({ count, unit: 'month' });
const yearly: Recurrence = { every: months(12), from: '2026-01-15', due: '2026-03-31' };

describe('cycle arithmetic', () => {
	it('reads periods in the singular and plural, 1 to 999', () => {
		assert.deepEqual(parsePeriod('12 months'), { count: 12, unit: 'month' });
		assert.deepEqual(parsePeriod('1 year'), { count: 1, unit: 'year' });
		assert.deepEqual(parsePeriod('2 weeks'), { count: 2, unit: 'week' });
		assert.deepEqual(parsePeriod('90 days'), { count: 90, unit: 'day' });
		for (const bad of ['0 months', '12months', '1000 days', '-1 year', '12 Months', '1 fortnight', ' 1 year']) {
			assert.equal(parsePeriod(bad), undefined, bad);
		}
	});

	it('keeps month ends: a month from Jan 31 is the end of February, counted from the anchor each time', () => {
		assert.equal(addPeriods('2026-01-31', months(1), 1), '2026-02-28');
		assert.equal(addPeriods('2028-01-31', months(1), 1), '2028-02-29', 'leap year');
		assert.equal(addPeriods('2026-01-31', months(1), 2), '2026-03-31', 'not Mar 28');
		assert.equal(addPeriods('2026-01-31', months(1), 3), '2026-04-30');
		assert.equal(addPeriods('2024-02-29', { count: 1, unit: 'year' }, 1), '2025-02-28');
		assert.equal(addPeriods('2024-02-29', { count: 1, unit: 'year' }, 4), '2028-02-29');
		assert.equal(addPeriods('2026-11-30', months(3), 1), '2027-02-28', 'across a year end');
		assert.equal(addPeriods('2026-12-29', { count: 2, unit: 'week' }, 1), '2027-01-12');
		assert.equal(addPeriods('2026-02-27', { count: 3, unit: 'day' }, 1), '2026-03-02');
	});

	it('finds the cycle a day falls in; before `from` it is the first', () => {
		assert.deepEqual(cycleOn(yearly, '2025-06-01'), { index: 0, start: '2026-01-15', end: '2027-01-14', due: '2026-03-31' });
		assert.deepEqual(cycleOn(yearly, '2026-01-15'), { index: 0, start: '2026-01-15', end: '2027-01-14', due: '2026-03-31' });
		assert.deepEqual(cycleOn(yearly, '2027-01-14'), { index: 0, start: '2026-01-15', end: '2027-01-14', due: '2026-03-31' });
		assert.deepEqual(cycleOn(yearly, '2027-01-15'), { index: 1, start: '2027-01-15', end: '2028-01-14', due: '2027-03-31' });
		assert.deepEqual(cycleOn(yearly, '2036-02-01').index, 10);
		const monthly: Recurrence = { every: months(1), from: '2026-01-31', due: '2026-02-27' };
		assert.deepEqual(cycleOn(monthly, '2026-02-28'), { index: 1, start: '2026-02-28', end: '2026-03-30', due: '2026-03-27' });
		assert.deepEqual(cycleOn(monthly, '2026-03-31'), { index: 2, start: '2026-03-31', end: '2026-04-29', due: '2026-04-27' });
	});

	it('keeps a due date on the 31st inside shorter months', () => {
		const r: Recurrence = { every: months(1), from: '2026-01-01', due: '2026-01-31' };
		assert.equal(cycleAt(r, 1).due, '2026-02-28');
		assert.equal(cycleAt(r, 2).due, '2026-03-31');
	});

	it('requires the due date within the first cycle', () => {
		assert.equal(recurrenceProblem(yearly), undefined);
		assert.match(recurrenceProblem({ ...yearly, due: '2026-01-14' }) ?? '', /within the first cycle, from 2026-01-15 to 2027-01-14/);
		assert.match(recurrenceProblem({ ...yearly, due: '2027-01-15' }) ?? '', /within the first cycle/);
		assert.equal(recurrenceProblem({ ...yearly, due: '2027-01-14' }), undefined);
		assert.match(recurrenceProblem({ every: { count: 999, unit: 'year' }, from: '9999-01-01', due: '9999-01-02' }) ?? '', /after 9999-12-31/);
		assert.equal(recurrenceProblem({ every: { count: 1, unit: 'year' }, from: '0001-01-01', due: '0001-01-02' }), undefined, 'years below 100 are not 19xx');
		assert.deepEqual(cycleAt({ every: { count: 999, unit: 'year' }, from: '9000-01-01', due: '9000-01-02' }, 1).end, '9999-12-31');
	});

	const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
	const period = fc.record({ count: fc.integer({ min: 1, max: 36 }), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'year' as const) });

	it('property: cycles tile the calendar, each day in exactly one, its due date inside it', (t) => {
		fc.assert(fc.property(date, period, fc.integer({ min: 0, max: 4000 }), fc.double({ min: 0, max: 1, noNaN: true }), (from, every, offset, share) => {
			const length = daysBetween(from, addPeriods(from, every, 1));
			const recurrence: Recurrence = { every, from, due: addDays(from, Math.floor(share * (length - 1))) };
			assert.equal(recurrenceProblem(recurrence), undefined);
			const today = addDays(from, offset);
			const cycle = cycleOn(recurrence, today);
			assert.ok(cycle.start <= today && today <= cycle.end, `${today} in ${cycle.start}..${cycle.end}`);
			assert.ok(cycle.start <= cycle.due && cycle.due <= cycle.end);
			assert.equal(addDays(cycle.end, 1), cycleAt(recurrence, cycle.index + 1).start, 'the next cycle starts the day after');
			assert.deepEqual(cycleOn(recurrence, cycle.start), cycle);
		}), propertyParams(t));
	});

	it('property: n periods on is the same as n times one period on for days and weeks, and never earlier', (t) => {
		fc.assert(fc.property(date, period, fc.integer({ min: 0, max: 50 }), (from, every, n) => {
			const moved = addPeriods(from, every, n + 1);
			assert.ok(daysBetween(addPeriods(from, every, n), moved) > 0);
			if (every.unit === 'day' || every.unit === 'week') {
				assert.equal(moved, addPeriods(addPeriods(from, every, n), every, 1));
			} else {
				assert.ok(Number(moved.slice(8)) <= Number(from.slice(8)), 'the day of month never grows');
			}
		}), propertyParams(t));
	});
});

describe('a cycle starts fresh', () => {
	const quizzes = ['q1', 'q2'];
	const at = (iso: string): LessonProgress['quizzes'][string] => ({ correct: true, answer: [0], attempts: 1, answeredAt: iso });
	const record: LessonProgress = { quizzes: { q1: at('2027-01-14T10:00:00.000Z'), q2: at('2027-01-14T11:00:00.000Z') }, startedAt: '2027-01-14T10:00:00.000Z', updatedAt: '2027-01-14T11:00:00.000Z' };

	it('a learner who passed the day before the cycle turned starts the new cycle not started', () => {
		assert.equal(lessonStatus(quizzes, progressSince(record, '2026-01-15', utcDate), 80).status, 'passed', 'counts for the old cycle');
		assert.equal(progressSince(record, '2027-01-15', utcDate), undefined);
		assert.equal(lessonStatus(quizzes, progressSince(record, '2027-01-15', utcDate), 80).status, 'notStarted');
		assert.equal(record.quizzes.q1?.answeredAt, '2027-01-14T10:00:00.000Z', 'the record itself is kept');
	});

	it('compares in the learner time zone: 23:30 UTC on the 14th is the 15th in Tokyo', () => {
		const late: LessonProgress = { quizzes: { q1: at('2027-01-14T23:30:00.000Z'), q2: at('2027-01-15T01:00:00.000Z') }, startedAt: '2027-01-14T23:30:00.000Z', updatedAt: '2027-01-15T01:00:00.000Z' };
		const tokyo = (iso: string): string => utcDate(new Date(Date.parse(iso) + 9 * 3_600_000).toISOString());
		assert.equal(lessonStatus(quizzes, progressSince(late, '2027-01-15', tokyo), 80).status, 'passed');
		assert.equal(lessonStatus(quizzes, progressSince(late, '2027-01-15', utcDate), 80).status, 'inProgress');
		assert.equal(progressSince(late, '2027-01-15', utcDate)?.startedAt, '2027-01-15T01:00:00.000Z');
	});

	it('leaves out exercises checked before the cycle and answers with unreadable times', () => {
		const lp: LessonProgress = {
			quizzes: { q1: at('not a time') },
			exercises: { e1: { passed: true, attempts: 1, failedChecks: [], hintsUsed: 0, solutionShown: false, checkedAt: '2027-01-10T00:00:00.000Z', contentHash: 'h' } },
			startedAt: '2027-01-10T00:00:00.000Z', updatedAt: '2027-01-10T00:00:00.000Z',
		};
		assert.equal(progressSince(lp, '2027-01-15', utcDate), undefined);
		assert.ok(progressSince(lp, '2027-01-01', utcDate)?.exercises?.e1);
		const failedSince = { ...lp, exercises: { e1: { ...lp.exercises!.e1!, failedChecks: ['c1'], checkedAt: '2027-01-20T00:00:00.000Z' } } };
		assert.equal(progressSince(failedSince, '2027-01-15', utcDate)?.exercises?.e1?.passed, false, 'a pass from an earlier cycle does not outlive a failed check in this one');
	});
});

describe('recurring entries in an assignments file', () => {
	const catalog = [{ id: 'gmail', track: 'developer' }, { id: 'usb', track: 'developer' }];
	const text = (entry: string): string => `{ "version": 1, "assignments": [${entry}] }`;

	it('resolves a recurring entry to the cycle of today, with its due date', () => {
		const { assignments, diagnostics } = parseAssignments(text('{ "tracks": ["developer"], "every": "12 months", "from": "2026-01-15", "due": "2026-03-31" }'), FILE);
		assert.deepEqual(diagnostics, []);
		const { assigned } = resolveAssignments(assignments, catalog, [], FILE, '2027-02-01');
		assert.deepEqual(assigned.map((a) => [a.lessonId, a.due, a.cycle?.start]), [['gmail', '2027-03-31', '2027-01-15'], ['usb', '2027-03-31', '2027-01-15']]);
		const done = assignmentProgress(assigned, (_id, a) => a.cycle?.start === '2027-01-15' && _id === 'gmail', '2027-04-01');
		assert.deepEqual(done, { total: 2, done: 1, overdue: 1, nextDue: '2027-03-31' });
	});

	it('reports every without from, a bad period, an impossible from and a due date outside the first cycle', () => {
		const codes = (entry: string): string[] => parseAssignments(text(entry), FILE).diagnostics.map((d) => `${d.code}: ${d.message}`);
		assert.match(codes('{ "lessons": ["gmail"], "every": "12 months", "due": "2026-03-31" }').join('\n'), /assignments-schema: .*from/);
		assert.match(codes('{ "lessons": ["gmail"], "from": "2026-01-01", "due": "2026-03-31" }').join('\n'), /assignments-schema: .*every/);
		assert.match(codes('{ "lessons": ["gmail"], "every": "yearly", "from": "2026-01-01", "due": "2026-03-31" }').join('\n'), /assignments-schema: .*"12 months"/);
		assert.match(codes('{ "lessons": ["gmail"], "every": "1 year", "from": "2026-02-30", "due": "2026-03-31" }').join('\n'), /assignments-invalid-date: "2026-02-30" is not a real date/);
		assert.match(codes('{ "lessons": ["gmail"], "every": "1 month", "from": "2026-01-01", "due": "2026-03-31" }').join('\n'), /assignments-invalid-cycle: "due" must fall within the first cycle, from 2026-01-01 to 2026-01-31/);
		assert.equal(parseAssignments(text('{ "lessons": ["gmail"], "every": "1 month", "from": "2026-01-01", "due": "2026-03-31" }'), FILE).assignments.length, 0);
	});
});
