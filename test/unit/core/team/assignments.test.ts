import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { assignmentProgress, parseAssignments, resolveAssignments } from '../../../../src/core/team/assignments';
import { addAssignment } from '../../../../src/core/team/assignmentsEdit';
import { addDays, dueState, isDueDate, isOverdue, nextFriday } from '../../../../src/core/team/dueDates';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const FILE = '.incident-lessons/assignments.json';

const CATALOG = [
	{ id: 'gmail', track: 'onboarding' },
	{ id: 'usb', track: 'onboarding' },
	{ id: 'ransomware', track: 'onboarding' },
	{ id: 'axa', track: 'developer' },
	{ id: 'team-deploy-keys', track: 'team' },
];

/** `1:5-1:9` style spans of the diagnostics, with their codes. */
function located(text: string): string[] {
	return parseAssignments(text, FILE).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
}

describe('due dates', () => {
	it('accepts only real YYYY-MM-DD dates', () => {
		assert.equal(isDueDate('2026-02-28'), true);
		assert.equal(isDueDate('2028-02-29'), true);
		for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '26-01-05', 'tomorrow', '']) {
			assert.equal(isDueDate(bad), false, bad);
		}
	});

	it('is overdue from the day after the due date', () => {
		assert.equal(isOverdue('2026-11-24', '2026-11-24'), false);
		assert.equal(isOverdue('2026-11-24', '2026-11-25'), true);
		assert.equal(isOverdue('2026-12-31', '2027-01-01'), true);
	});

	it('says today, tomorrow, a weekday within six days, a date later, overdue before', () => {
		const today = '2026-11-24'; // a Tuesday
		assert.deepEqual(dueState('2026-11-20', today), { kind: 'overdue', days: -4 });
		assert.deepEqual(dueState(today, today), { kind: 'today', days: 0 });
		assert.deepEqual(dueState('2026-11-25', today), { kind: 'tomorrow', days: 1 });
		assert.deepEqual(dueState('2026-11-27', today), { kind: 'thisWeek', days: 3 });
		assert.deepEqual(dueState('2026-11-30', today), { kind: 'thisWeek', days: 6 });
		assert.deepEqual(dueState('2026-12-01', today), { kind: 'later', days: 7 });
	});

	it('offers the next Friday (a week on, on a Friday) across month and year ends', () => {
		assert.equal(nextFriday('2026-11-24'), '2026-11-27');
		assert.equal(nextFriday('2026-11-27'), '2026-12-04');
		assert.equal(nextFriday('2026-12-29'), '2027-01-01');
		assert.equal(addDays('2028-02-28', 1), '2028-02-29');
	});
});

describe('parseAssignments', () => {
	it('reads lessons, tracks, due date, audience and note', () => {
		const text = JSON.stringify({ version: 1, assignments: [
			{ lessons: ['gmail'], due: '2026-11-27', note: 'After the gist incident.' },
			{ tracks: ['onboarding'], due: '2026-12-04', audience: 'new-hires' },
		] }, undefined, '\t');
		const { assignments, diagnostics } = parseAssignments(text, FILE);
		assert.deepEqual(diagnostics, []);
		assert.deepEqual(assignments.map(({ refs: _refs, ...rest }) => rest), [
			{ index: 0, lessons: ['gmail'], tracks: [], due: '2026-11-27', note: 'After the gist incident.' },
			{ index: 1, lessons: [], tracks: ['onboarding'], due: '2026-12-04', audience: 'new-hires' },
		]);
		assert.deepEqual(assignments[0]?.refs, [{ kind: 'lesson', id: 'gmail', span: { line: 6, column: 5, endLine: 6, endColumn: 11 } }]);
	});

	it('tolerates comments, trailing commas and a byte-order mark', () => {
		const text = '\uFEFF{\n  // lead: Q4 plan\n  "assignments": [\n    { "lessons": ["gmail"], "due": "2026-11-27", },\n  ],\n}\n';
		const { assignments, diagnostics } = parseAssignments(text, FILE);
		assert.deepEqual(diagnostics, []);
		assert.equal(assignments.length, 1);
	});

	it('points a JSON syntax error at its line and reads nothing', () => {
		const text = '{\n  "assignments": [\n    { "lessons": ["gmail"] "due": "2026-11-27" }\n  ]\n}\n';
		assert.deepEqual(located(text), ['assignments-json-syntax@3:28-3:32']);
		assert.deepEqual(parseAssignments(text, FILE).assignments, []);
		assert.equal(parseAssignments('', FILE).diagnostics[0]?.code, 'assignments-json-syntax');
	});

	it('points schema problems at the value, keeps the other entries, and warns about unknown keys', () => {
		const text = [
			'{',
			'  "assignments": [',
			'    { "lessons": ["gmail"], "due": "Friday" },',
			'    { "lessons": ["Not Kebab"], "due": "2026-11-27" },',
			'    { "lessons": ["usb"], "due": "2026-11-27", "dew": 1 },',
			'    { "lessons": ["axa"] },',
			'    { "lessons": ["axa"], "due": "2026-11-27" }',
			'  ]',
			'}',
		].join('\n');
		assert.deepEqual(located(text), [
			'assignments-schema@3:36-3:43',
			'assignments-schema@4:19-4:29',
			'assignments-unknown-key@5:48-5:52',
			'assignments-schema@6:5-6:5',
		]);
		const parsed = parseAssignments(text, FILE);
		assert.match(parsed.diagnostics.find((d) => d.code === 'assignments-unknown-key')?.message ?? '', /did you mean "due"/);
		assert.match(parsed.diagnostics.find((d) => d.line === 6)?.message ?? '', /missing required field "assignments\[3\]\.due"/);
		assert.deepEqual(parsed.assignments.map((a) => a.index), [2, 4], 'entries with errors are left out; warnings keep an entry');
	});

	it('reports impossible dates and entries that name nothing', () => {
		const text = '{"assignments": [\n{"lessons": ["gmail"], "due": "2026-02-30"},\n{"lessons": [], "due": "2026-11-27"}\n]}';
		assert.deepEqual(located(text), ['assignments-invalid-date@2:31-2:42', 'assignments-empty@3:1-3:1']);
		assert.equal(parseAssignments(text, FILE).assignments.length, 0);
	});

	it('refuses arrays and objects nested too deep as one located problem, without throwing (10,000 and 100,000 levels)', () => {
		for (const depth of [101, 10_000, 100_000]) {
			const text = `{\n\t"version": 1,\n\t"assignments": [{ "lessons": ["gmail"], "due": "2026-11-27", "note": ${'['.repeat(depth)}${']'.repeat(depth)} }]\n}\n`;
			const { assignments, diagnostics } = parseAssignments(text, FILE);
			assert.deepEqual(assignments, []);
			assert.deepEqual(diagnostics.map((d) => `${d.file}:${d.line}:${d.code}: ${d.message}`),
				[`${FILE}:3:assignments-json-syntax: invalid JSON: arrays and objects nested more than 100 levels deep`], String(depth));
			assert.equal(addAssignment(text, { lessons: ['usb'], tracks: [], due: '2026-12-04' }).kind, 'refused');
		}
		assert.deepEqual(located(`{"version":1,"assignments":[{"lessons":["gmail"],"due":"2026-11-27","note":${'['.repeat(96)}${']'.repeat(96)}}]}`),
			['assignments-schema@1:76-1:267'], '100 levels are still read');
	});

	it('reads nothing from a newer format version and says so', () => {
		const { assignments, diagnostics } = parseAssignments('{"version": 2, "assignments": []}', FILE);
		assert.deepEqual(assignments, []);
		assert.equal(diagnostics[0]?.code, 'assignments-version');
		assert.match(diagnostics[0]?.message ?? '', /version 2, newer than this release reads \(1\)/);
	});

	it('treats a __proto__ key as data, not as a prototype', () => {
		const { diagnostics } = parseAssignments('{"assignments": [], "__proto__": {"assignments": 5}}', FILE);
		assert.equal(diagnostics.length, 1);
		assert.equal(diagnostics[0]?.code, 'assignments-unknown-key');
		assert.equal(({} as Record<string, unknown>).assignments, undefined);
	});
});

describe('resolveAssignments', () => {
	function resolve(entries: unknown[], audiences: string[] = []): ReturnType<typeof resolveAssignments> {
		const { assignments } = parseAssignments(JSON.stringify({ assignments: entries }, undefined, 2), FILE);
		return resolveAssignments(assignments, CATALOG, audiences, FILE);
	}

	it('expands tracks in catalog order and sorts by due date', () => {
		const { assigned, diagnostics } = resolve([{ lessons: ['axa'], due: '2026-12-04' }, { tracks: ['onboarding'], due: '2026-11-27' }]);
		assert.deepEqual(diagnostics, []);
		assert.deepEqual(assigned.map((a) => `${a.lessonId}:${a.due}`), ['gmail:2026-11-27', 'usb:2026-11-27', 'ransomware:2026-11-27', 'axa:2026-12-04']);
	});

	it('keeps the earliest due date (and its note) for a lesson assigned twice', () => {
		const { assigned } = resolve([{ tracks: ['onboarding'], due: '2026-12-04' }, { lessons: ['usb'], due: '2026-11-27', note: 'sooner' }]);
		assert.deepEqual(assigned.map((a) => `${a.lessonId}:${a.due}:${a.note ?? ''}`), ['usb:2026-11-27:sooner', 'gmail:2026-12-04:', 'ransomware:2026-12-04:']);
	});

	it('gives audience assignments only to learners in that audience', () => {
		const entries = [{ lessons: ['axa'], due: '2026-12-04' }, { tracks: ['onboarding'], due: '2026-11-27', audience: 'new-hires' }];
		assert.deepEqual(resolve(entries).assigned.map((a) => a.lessonId), ['axa']);
		assert.deepEqual(resolve(entries, ['new-hires']).assigned.map((a) => a.lessonId), ['gmail', 'usb', 'ransomware', 'axa']);
		assert.equal(resolve(entries, ['new-hires']).assigned[0]?.audience, 'new-hires');
	});

	it('reports unknown lesson ids and tracks at their place, with a suggestion, and assigns the rest', () => {
		const { assigned, diagnostics } = resolve([{ lessons: ['gmial', 'axa', 'no-such-lesson'], tracks: ['onbording'], due: '2026-11-27', audience: 'leads' }]);
		assert.deepEqual(assigned, [], 'the audience is not the learner\'s');
		assert.deepEqual(diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.severity}`), [
			'assignments-unknown-lesson@5:9 warning',
			'assignments-unknown-lesson@7:9 warning',
			'assignments-unknown-track@10:9 warning',
		]);
		assert.match(diagnostics[0]?.message ?? '', /no lesson "gmial" \(did you mean "gmail"\?\)/);
		assert.match(diagnostics[2]?.message ?? '', /did you mean "onboarding"/);
		assert.deepEqual(resolve([{ lessons: ['axa', 'no-such-lesson'], due: '2026-11-27' }]).assigned.map((a) => a.lessonId), ['axa']);
	});

	it('counts done and overdue lessons and finds the next due date', () => {
		const { assigned } = resolve([{ lessons: ['gmail', 'usb'], due: '2026-11-20' }, { lessons: ['axa'], due: '2026-12-04' }]);
		assert.deepEqual(assignmentProgress(assigned, (id) => id === 'gmail', '2026-11-24'), { total: 3, done: 1, overdue: 1, nextDue: '2026-11-20' });
		assert.deepEqual(assignmentProgress(assigned, () => true, '2026-11-24'), { total: 3, done: 3, overdue: 0 });
		assert.deepEqual(assignmentProgress(assigned, (id) => id !== 'axa', '2026-11-24'), { total: 3, done: 2, overdue: 0, nextDue: '2026-12-04' });
	});
});

describe('addAssignment', () => {
	const add = { lessons: ['axa'], tracks: [], due: '2026-12-04' };

	it('creates a file that parses back to the assignment', () => {
		const edit = addAssignment(undefined, { ...add, audience: 'new-hires', note: 'Week one' });
		assert.equal(edit.kind, 'created');
		const text = edit.kind === 'created' ? edit.text : '';
		assert.deepEqual(parseAssignments(text, FILE).diagnostics, []);
		assert.match(text, /^\{\n\t"version": 1,\n\t"assignments": \[/);
	});

	it('appends a new entry, keeping comments, order and indentation', () => {
		const before = '{\n  // set by the lead\n  "version": 1,\n  "assignments": [\n    { "lessons": ["gmail"], "due": "2026-11-27" }\n  ]\n}\n';
		const edit = addAssignment(before, add);
		assert.equal(edit.kind, 'appended');
		const text = edit.kind === 'appended' ? edit.text : '';
		assert.ok(text.startsWith('{\n  // set by the lead\n  "version": 1,\n  "assignments": [\n    { "lessons": ["gmail"], "due": "2026-11-27" },'), text);
		assert.deepEqual(parseAssignments(text, FILE).assignments.map((a) => `${a.lessons.join()}:${a.due}`), ['gmail:2026-11-27', 'axa:2026-12-04']);
	});

	it('writes a new entry in the style of the ones already there (one per line, tab-indented, short lists inline)', () => {
		const before = '{\n\t"assignments": [\n\t\t{\n\t\t\t"lessons": ["gmail"],\n\t\t\t"due": "2026-11-27"\n\t\t}\n\t]\n}\n';
		const edit = addAssignment(before, { lessons: ['axa', 'usb'], tracks: [], due: '2026-12-04', note: 'Q4' });
		assert.equal(edit.kind === 'appended' ? edit.text : '',
			'{\n\t"assignments": [\n\t\t{\n\t\t\t"lessons": ["gmail"],\n\t\t\t"due": "2026-11-27"\n\t\t},\n'
			+ '\t\t{\n\t\t\t"lessons": ["axa", "usb"],\n\t\t\t"due": "2026-12-04",\n\t\t\t"note": "Q4"\n\t\t}\n\t]\n}\n');
	});

	it('merges into an entry with the same due date and audience, without duplicates', () => {
		const before = JSON.stringify({ assignments: [{ lessons: ['gmail', 'axa'], due: '2026-12-04' }] }, undefined, '\t');
		const edit = addAssignment(before, { lessons: ['axa', 'usb'], tracks: ['team'], due: '2026-12-04' });
		assert.equal(edit.kind, 'merged');
		const [entry] = parseAssignments(edit.kind === 'merged' ? edit.text : '', FILE).assignments;
		assert.deepEqual([entry?.lessons, entry?.tracks], [['gmail', 'axa', 'usb'], ['team']]);
	});

	it('adds the list when the file has none, and refuses broken or newer files', () => {
		assert.equal(addAssignment('{ "version": 1 }', add).kind, 'appended');
		assert.deepEqual(addAssignment('{ "assignments": [ ', add), { kind: 'refused', reason: 'the file is not a valid JSON object; fix it first' });
		assert.equal(addAssignment('[1, 2]', add).kind, 'refused');
		assert.equal(addAssignment('{ "version": 2, "assignments": [] }', add).kind, 'refused');
	});
});

describe('assignments schema', () => {
	it('offers every bundled lesson id for completion', () => {
		const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'assignments.schema.json'), 'utf8')) as {
			properties: { assignments: { items: { properties: { lessons: { items: { examples: string[] } } } } } };
		};
		const ids = readdirSync(path.join(ROOT, 'lessons', 'en')).map((f) => f.replace(/\.md$/, '')).sort();
		assert.deepEqual([...schema.properties.assignments.items.properties.lessons.items.examples].sort(), ids);
	});

	it('accepts the test workspace\'s assignments file, whose unknown id is reported as a warning', () => {
		const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'workspace', '.incident-lessons', 'assignments.json'), 'utf8');
		const parsed = parseAssignments(text, FILE);
		assert.deepEqual(parsed.diagnostics, []);
		const resolved = resolveAssignments(parsed.assignments, [...CATALOG, { id: 'private-gmail-customer-list', track: 'onboarding' }, { id: 'incident-response-appi', track: 'lead' }], [], FILE);
		assert.deepEqual(resolved.diagnostics.map((d) => d.code), ['assignments-unknown-lesson']);
	});
});
