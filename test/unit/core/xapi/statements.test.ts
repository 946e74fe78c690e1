// xAPI statements: every kind passes Learning Locker's validator (installed on demand, see test/unit/helpers/lrs.ts),
// ids are the same on every run for the same result and differ when learner, activity, attempt or time differ.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseReportText, type ProgressReport } from '../../../../src/core/team/learnerReport';
import { buildStatement, isoDuration, registrationOf, type XapiEvent, type XapiLesson, type XapiProfile } from '../../../../src/core/xapi/statements';
import { statementsFromChange, statementsFromReport } from '../../../../src/core/xapi/xapiEvents';
import { sha1, uuidV5 } from '../../../../src/core/xapi/uuid';
import { propertyParams } from '../../helpers/propertySeed';
import { xapiValidator } from '../../helpers/lrs';

const profile: XapiProfile = { activityBase: 'https://lessons.example.com/xapi/', homePage: 'https://sso.example.com' };
const learner = { name: 'Aiko Tanaka', email: 'aiko@example.com' };
const lesson: XapiLesson = {
	id: 'axa-non-life-unauthorized-access', title: 'AXA Non-Life', track: 'developer', language: 'ja', contentHash: '0123456789abcdef',
	assignment: { file: '.incident-lessons/assignments.json', due: '2026-12-04' },
};
const time = '2026-12-01T09:30:00.000Z';

const events: Record<string, XapiEvent> = {
	'answered choice': { kind: 'answered', quizId: 'q1', interaction: 'choice', correct: true, attempt: 1, time, response: [0, 2], durationMs: 12_345 },
	'answered sequencing': { kind: 'answered', quizId: 'q2', interaction: 'sequencing', correct: false, attempt: 3, time, response: [2, 0, 1] },
	'answered other': { kind: 'answered', quizId: 'q3', interaction: 'other', correct: true, attempt: 1, time },
	passed: { kind: 'passed', score: 80, attempt: 6, time },
	failed: { kind: 'failed', score: 40, attempt: 5, time },
	completed: { kind: 'completed', score: 100, attempt: 5, time },
};

function fixtureReport(name: string): ProgressReport {
	const read = parseReportText(readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'reports', name), 'utf8'));
	assert.ok('report' in read);
	return read.report;
}

describe('xAPI statements', () => {
	let validate: (statement: unknown) => string[];
	before(() => {
		validate = xapiValidator();
	});

	it('the validator finds problems in a broken statement (so a pass means something)', () => {
		const broken = { ...buildStatement(profile, learner, lesson, events.passed!), result: { duration: 'soon' }, verb: { id: 'passed' } };
		assert.ok(validate(broken).length >= 2, validate(broken).join('\n'));
	});

	for (const [name, event] of Object.entries(events)) {
		it(`${name}: valid xAPI 1.0.3, with account actor, registration, language, grouping and content hash`, () => {
			const statement = buildStatement(profile, learner, lesson, event);
			assert.deepEqual(validate(statement), []);
			assert.deepEqual(statement.actor, { objectType: 'Agent', account: { homePage: 'https://sso.example.com', name: 'Aiko Tanaka' } });
			assert.equal(statement.context.registration, registrationOf(lesson.assignment!, lesson.id));
			assert.equal(statement.context.language, 'ja');
			assert.deepEqual((statement.context.contextActivities as { grouping: { id: string }[] }).grouping.map((g) => g.id), ['https://lessons.example.com/xapi/tracks/developer']);
			assert.deepEqual(statement.context.extensions, { 'https://lessons.example.com/xapi/extensions/content-hash': '0123456789abcdef' });
			assert.ok(String(statement.object.id).startsWith('https://lessons.example.com/xapi/lessons/axa-non-life-unauthorized-access'));
			assert.ok(!JSON.stringify(statement).includes('aiko@example.com'), 'no e-mail unless chosen');
		});
	}

	it('answers carry success, the response in xAPI form and the duration; lessons score.scaled', () => {
		const choice = buildStatement(profile, learner, lesson, events['answered choice']!);
		assert.deepEqual(choice.result, { success: true, response: '0[,]2', duration: 'PT12.35S' });
		assert.equal((choice.object.definition as { interactionType: string }).interactionType, 'choice');
		const order = buildStatement(profile, learner, lesson, events['answered sequencing']!);
		assert.equal((order.result as { response: string }).response, '2[,]0[,]1');
		const passed = buildStatement(profile, learner, lesson, events.passed!);
		assert.deepEqual(passed.result, { score: { scaled: 0.8, raw: 80, min: 0, max: 100 }, success: true });
		assert.equal(buildStatement(profile, learner, lesson, events.failed!).verb.id, 'http://adlnet.gov/expapi/verbs/failed');
		assert.equal((buildStatement(profile, learner, lesson, events.completed!).result as { completion: boolean }).completion, true);
		assert.equal(isoDuration(61_000), 'PT61.00S');
	});

	it('uses the e-mail only when the profile chooses it, and the learner has one', () => {
		const statement = buildStatement({ ...profile, useEmail: true }, learner, lesson, events.passed!);
		assert.deepEqual(statement.actor, { objectType: 'Agent', mbox: 'mailto:aiko@example.com' });
		assert.deepEqual(validate(statement), []);
		assert.ok('account' in buildStatement({ ...profile, useEmail: true }, { name: 'x' }, lesson, events.passed!).actor);
	});

	it('every statement of the sample reports is valid, with one id each', () => {
		const statements = ['aiko-tanaka.json', 'ben-carter.json', 'chen-wei.json', 'sato-ken.json']
			.flatMap((file) => statementsFromReport(fixtureReport(file), profile, 'en'));
		assert.ok(statements.length > 20);
		assert.deepEqual(statements.flatMap((s) => validate(s).map((p) => `${s.id} ${p}`)), []);
		assert.equal(new Set(statements.map((s) => s.id)).size, statements.length);
		assert.ok(statements.some((s) => s.verb.id.endsWith('/passed')) && statements.some((s) => s.verb.id.endsWith('/completed')));
	});

	it('a change to a lesson: answered with response and duration, then passed and completed once', () => {
		const quizzes = [{ id: 'q1', type: 'single' }, { id: 'q2', type: 'order' }];
		const before = { startedAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z', quizzes: { q1: { correct: true, answer: [1], attempts: 1, answeredAt: '2026-12-01T09:00:00.000Z' } } };
		const after = { ...before, updatedAt: '2026-12-01T09:00:30.000Z', quizzes: { ...before.quizzes, q2: { correct: true, answer: [1, 0], attempts: 1, answeredAt: '2026-12-01T09:00:30.000Z' } } };
		const made = statementsFromChange(profile, learner, lesson, quizzes, before, after, 80);
		assert.deepEqual(made.map((s) => s.verb.display['en-US']), ['answered', 'passed', 'completed']);
		assert.deepEqual(made[0]?.result, { success: true, response: '1[,]0', duration: 'PT30.00S' });
		assert.deepEqual(made.flatMap((s) => validate(s)), []);
		const again = { ...after, updatedAt: '2026-12-01T09:01:00.000Z', quizzes: { ...after.quizzes, q2: { correct: false, answer: [0, 1], attempts: 2, answeredAt: '2026-12-01T09:01:00.000Z' } } };
		assert.deepEqual(statementsFromChange(profile, learner, lesson, quizzes, after, again, 80).map((s) => s.verb.display['en-US']), ['answered', 'failed']);
		assert.deepEqual(statementsFromChange(profile, learner, lesson, quizzes, after, after, 80), [], 'no change, no statement');
		assert.deepEqual(statementsFromChange(profile, learner, lesson, quizzes, after, undefined, 80), [], 'a reset sends nothing');
	});
});

describe('statement ids', () => {
	it('SHA-1 and UUID v5 match the standard (RFC 9562 example and node:crypto)', (t) => {
		assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
		fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
			assert.equal(Buffer.from(sha1(bytes)).toString('hex'), createHash('sha1').update(bytes).digest('hex'));
		}), propertyParams(t));
	});

	it('are the same for the same result on every run, and differ for another learner, activity, attempt or time', (t) => {
		const arbitrary = fc.record({
			name: fc.string({ minLength: 1 }), quizId: fc.string({ minLength: 1 }), attempt: fc.integer({ min: 1, max: 1000 }),
			ms: fc.integer({ min: 0, max: 4_102_444_800_000 }), correct: fc.boolean(),
		});
		fc.assert(fc.property(arbitrary, ({ name, quizId, attempt, ms, correct }) => {
			const event = (over: Partial<{ quizId: string; attempt: number; ms: number }> = {}): XapiEvent => ({
				kind: 'answered', interaction: 'choice', correct, quizId: over.quizId ?? quizId,
				attempt: over.attempt ?? attempt, time: new Date(over.ms ?? ms).toISOString(),
			});
			const id = buildStatement(profile, { name }, lesson, event()).id;
			assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			assert.equal(buildStatement(profile, { name }, { ...lesson }, event()).id, id);
			assert.notEqual(buildStatement(profile, { name: `${name}x` }, lesson, event()).id, id);
			assert.notEqual(buildStatement(profile, { name }, lesson, event({ quizId: `${quizId}x` })).id, id);
			assert.notEqual(buildStatement(profile, { name }, lesson, event({ attempt: attempt + 1 })).id, id);
			assert.notEqual(buildStatement(profile, { name }, lesson, event({ ms: ms + 1 })).id, id);
		}), propertyParams(t));
	});

	it('are pinned: a release that changed them would make every LRS store old results twice', () => {
		const statement = buildStatement(profile, learner, lesson, events.passed!);
		assert.equal(statement.id, buildStatement(profile, learner, lesson, events.passed!).id);
		assert.equal(statement.id, PINNED_PASSED_ID);
	});
});

const PINNED_PASSED_ID = 'e7adb641-c05b-5579-a048-91e3e6aa5a6b';
