import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { emptyProgress, recordAnswer, type Progress } from '../../../../src/core/progress/progress';
import { buildReport, parseReportText, readReport, REPORT_FORMAT, REPORT_SCHEMA_VERSION, type ProgressReport, type ReportableLesson } from '../../../../src/core/team/learnerReport';
import { formatReportSummary } from '../../../../src/core/team/reportSummary';
import { aggregateReports, type ReportFile } from '../../../../src/core/team/teamReport';
import { markdownCell } from '../../../../src/core/shared/markdownText';
import { csvField, formatTeamCsv, formatTeamMarkdown } from '../../../../src/core/team/teamReportFormat';
import { formatTeamHtml } from '../../../../src/core/team/teamReportHtml';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

const LESSONS: ReportableLesson[] = [
	{ id: 'gmail', title: 'The customer list in Gmail', track: 'onboarding', origin: 'bundled', quizIds: ['q1', 'q2', 'q3', 'q4'] },
	{ id: 'deploy-keys', title: 'Our deploy key, in a "public" gist', track: 'team', origin: 'workspace', quizIds: ['first', 'second'] },
	{ id: 'appi', title: 'APPI reporting', track: 'lead', origin: 'bundled', quizIds: ['a', 'b'] },
];

function answered(p: Progress, lessonId: string, results: Record<string, boolean>, at = '2026-11-20T10:00:00.000Z'): Progress {
	let next = p;
	for (const [quizId, correct] of Object.entries(results)) {
		next = recordAnswer(next, lessonId, 'hash', { quizId, correct, feedback: [], explain: '' }, [0], new Date(at));
	}
	return next;
}

function report(learner: string, progress: Progress, assigned: { lessonId: string; due: string }[], generatedAt = '2026-11-23T09:00:00.000Z'): ProgressReport {
	return buildReport({
		learner, now: new Date(generatedAt), passMark: 80, lessons: LESSONS, progress, workspace: 'payments', toolVersion: '0.1.0',
		assigned: { file: '.incident-lessons/assignments.json', lessons: assigned.map((a, i) => ({ ...a, assignment: i })) },
	});
}

const ASSIGNED = [{ lessonId: 'gmail', due: '2026-11-20' }, { lessonId: 'deploy-keys', due: '2026-11-27' }];

describe('progress report', () => {
	const progress = answered(answered(emptyProgress(), 'gmail', { q1: false }, '2026-11-19T08:00:00.000Z'), 'gmail', { q1: true, q2: true, q3: true, q4: true });
	const built = report('Aiko Tanaka', progress, ASSIGNED);

	it('is versioned and names its format', () => {
		assert.equal(REPORT_SCHEMA_VERSION, 2);
		assert.equal(built.format, 'incident-lessons-progress-report');
		assert.equal(built.schemaVersion, 2);
		assert.equal(built.generatedAt, '2026-11-23T09:00:00.000Z');
		assert.deepEqual(built.learner, { name: 'Aiko Tanaka' });
		assert.deepEqual(built.tool, { name: 'incident-lessons', version: '0.1.0' });
	});

	it('holds every lesson with status, score, attempts and times, and the assignment it answers', () => {
		const gmail = built.lessons.find((l) => l.id === 'gmail');
		assert.deepEqual({ ...gmail, quizzes: gmail?.quizzes.length }, {
			id: 'gmail', title: 'The customer list in Gmail', track: 'onboarding', origin: 'bundled', status: 'passed', score: 100,
			answered: 4, total: 4, correct: 4, attempts: 5, startedAt: '2026-11-19T08:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', contentHash: 'hash', quizzes: 4,
		});
		assert.deepEqual(gmail?.quizzes[0], { id: 'q1', correct: true, attempts: 2, answeredAt: '2026-11-20T10:00:00.000Z', answer: [0], contentHash: 'hash' });
		assert.deepEqual(built.lessons.find((l) => l.id === 'appi'), {
			id: 'appi', title: 'APPI reporting', track: 'lead', origin: 'bundled', status: 'notStarted', score: 0, answered: 0, total: 2, correct: 0, attempts: 0, quizzes: [],
		});
		assert.deepEqual(built.assignment, { file: '.incident-lessons/assignments.json', lessons: [{ id: 'gmail', due: '2026-11-20' }, { id: 'deploy-keys', due: '2026-11-27' }] });
		assert.equal(report('B', emptyProgress(), []).assignment, undefined);
	});

	it('matches schemas/progress-report.schema.json', () => {
		const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'progress-report.schema.json'), 'utf8')) as object;
		const validate = new Ajv({ allErrors: true }).compile(schema);
		assert.ok(validate(JSON.parse(JSON.stringify(built))), JSON.stringify(validate.errors));
		assert.ok(validate(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'reports', 'aiko-tanaka.json'), 'utf8'))));
	});

	it('reads back what it writes, and refuses foreign, newer and broken documents with a reason', () => {
		const roundTrip = readReport(JSON.parse(JSON.stringify(built)));
		assert.ok('report' in roundTrip);
		const problem = (value: unknown): string => {
			const read = readReport(value);
			return 'problem' in read ? read.problem : '';
		};
		assert.match(problem([1, 2]), /not an Incident Lessons progress report \(the file is not a JSON object\)/);
		assert.match(problem({ name: 'package', version: '1.0.0' }), /no "format": "incident-lessons-progress-report"/);
		assert.match(problem({ ...built, schemaVersion: 3 }), /report schema version 3 is newer than this tool reads \(2\)/);
		assert.match(problem({ ...built, learner: {} }), /not a valid version 2 report: missing required field "learner\.name"/);
		assert.match(problem({ ...built, lessons: [{ ...built.lessons[0], quizzes: [{ id: 'q', correct: false, attempts: 1, answeredAt: 'x', answer: [99] }] }] }), /answer\[0\]/);
		assert.match(problem({ ...built, lessons: [{ ...built.lessons[0], score: 'high' }] }), /"lessons\[0\]\.score" must be a number/);
		assert.equal(REPORT_FORMAT, 'incident-lessons-progress-report');
	});

	it('summarizes in Markdown: assigned lessons with due dates and overdue, then other lessons started', () => {
		const text = formatReportSummary(built, '2026-11-24');
		assert.match(text, /^# Security lessons: progress report\n\nAiko Tanaka · written 2026-11-23 09:00\n\n1 of 3 lessons passed\.\nAssigned: 1 of 2 done, 0 overdue\./);
		assert.match(text, /\| The customer list in Gmail \(`gmail`\) \| 2026-11-20 \| passed \| 100% \| 5 \| 2026-11-20 10:00 \|/);
		assert.match(text, /\| Our deploy key, in a "public" gist \(`deploy-keys`\) \| 2026-11-27 \| not started \| — \| 0 \| — \|/);
		assert.match(formatReportSummary(built, '2026-11-28'), /2026-11-27 \(overdue\)/);
		assert.match(text, /No other lesson started yet\./);
	});
});

describe('team report aggregation', () => {
	const aiko = report('Aiko Tanaka', answered(emptyProgress(), 'gmail', { q1: true, q2: true, q3: true, q4: true }), ASSIGNED);
	const ben = report('Ben Carter', answered(answered(emptyProgress(), 'gmail', { q1: true, q2: true, q3: true, q4: false }), 'appi', { a: true }), ASSIGNED.slice(0, 1));
	const benOld = report('ben  carter', emptyProgress(), ASSIGNED, '2026-11-01T00:00:00.000Z');
	const files: ReportFile[] = [{ file: 'ben-old.json', report: benOld }, { file: 'ben.json', report: ben }, { file: 'aiko.json', report: aiko }];
	const view = aggregateReports(files, '2026-11-24', [{ file: 'bad.json', reason: 'not valid JSON' }]);

	it('has one row per learner (the newest report wins, with a note) and a column per assigned lesson', () => {
		assert.deepEqual(view.learners.map((l) => `${l.name} (${l.file})`), ['Aiko Tanaka (aiko.json)', 'Ben Carter (ben.json)']);
		assert.deepEqual(view.notes, ['Ben Carter: 2 reports; used the newest (ben.json)']);
		assert.deepEqual(view.lessons.map((l) => `${l.id}:${l.due}`), ['gmail:2026-11-20', 'deploy-keys:2026-11-27']);
		assert.equal(view.passMark, 80);
	});

	it('gives each learner × lesson a status, with overdue work marked', () => {
		const cells = view.learners.map((l) => l.cells.map((c) => `${c.status}${c.overdue ? '!' : ''}`));
		assert.deepEqual(cells, [['passed', 'notStarted'], ['failed!', 'notAssigned']]);
		assert.deepEqual(view.learners.map((l) => [l.done, l.assigned, l.overdue]), [[1, 2, 0], [0, 1, 1]]);
	});

	it('averages the score per lesson over the learners who answered it', () => {
		assert.deepEqual(view.lessons.map((l) => [l.id, l.averageScore, l.started, l.passed, l.assigned]), [
			['gmail', 88, 2, 1, 2],
			['deploy-keys', undefined, 0, 0, 1],
		]);
	});

	it('shows the lessons anyone started when nothing is assigned', () => {
		const unassigned = aggregateReports([{ file: 'b.json', report: report('B', answered(emptyProgress(), 'appi', { a: true, b: true }), []) }], '2026-11-24');
		assert.deepEqual(unassigned.lessons.map((l) => l.id), ['appi']);
		assert.equal(unassigned.learners[0]?.cells[0]?.status, 'passed');
	});

	it('prints a Markdown table with words for every state, the lesson averages, notes and skipped files', () => {
		const text = formatTeamMarkdown(view);
		assert.match(text, /^# Team progress \(2026-11-24\)\n\n2 learners · 2 lessons · pass mark 80%\n/);
		assert.match(text, /\| Learner \| `gmail` \(due 2026-11-20\) \| `deploy-keys` \(due 2026-11-27\) \| Done \| Overdue \|/);
		assert.match(text, /\| Aiko Tanaka \| ✔ passed \(100%\) \| ○ not started \| 1\/2 \| 0 \|/);
		assert.match(text, /\| Ben Carter \| ⚠ overdue: below pass mark \(75%\) \| — \| 0\/1 \| 1 \|/);
		assert.match(text, /\| The customer list in Gmail \(`gmail`\) \| 2026-11-20 \| 1\/2 \| 2\/2 \| 88% \|/);
		assert.match(text, /## Skipped files\n\n- bad\.json: not valid JSON\n/);
	});
});

describe('escaping learner-supplied text', () => {
	it('CSV: quotes every text field (so `;` never splits a cell); defuses formulas', () => {
		assert.equal(csvField('plain'), '"plain"');
		assert.equal(csvField('Mallory;=1+1'), '"Mallory;=1+1"');
		assert.equal(csvField('x;@SUM(A1:A9)'), '"x;@SUM(A1:A9)"');
		assert.equal(csvField('  =1+1'), '"\'  =1+1"');
		assert.equal(csvField('\uff1d1+1'), '"\'\uff1d1+1"');
		assert.equal(csvField('\tx'), '"\'\tx"');
		assert.equal(csvField('Carter, Ben'), '"Carter, Ben"');
		assert.equal(csvField('say "hi"'), '"say ""hi"""');
		assert.equal(csvField('two\nlines'), '"two\nlines"');
		assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
		assert.equal(csvField('+1'), '"\'+1"');
		assert.equal(csvField('-cmd'), '"\'-cmd"');
		assert.equal(csvField('@SUM(A1)'), '"\'@SUM(A1)"');
		assert.equal(csvField(' padded'), '" padded"');
		assert.equal(csvField(42), '42');
		assert.equal(csvField(false), 'false');
		assert.equal(csvField(undefined), '');
	});

	it('CSV: one header and one row per learner × lesson, CRLF, every field parseable', () => {
		const hostile = report('=cmd|\' /C calc\'!A0, "x"', answered(emptyProgress(), 'gmail', { q1: true }), ASSIGNED);
		const csv = formatTeamCsv(aggregateReports([{ file: 'evil,1.json', report: hostile }], '2026-11-24'));
		const lines = csv.split('\r\n');
		assert.equal(lines[0], 'learner,lesson,title,assigned,due,status,overdue,score,answered,total,attempts,updated_at,report_file,warning');
		assert.equal(lines.length, 4, 'header, two rows, and the final line break');
		assert.ok(lines[1]?.startsWith('"\'=cmd|\' /C calc\'!A0, ""x""","gmail","The customer list in Gmail",true,"2026-11-20","inProgress",true,25,1,4,1,'), lines[1]);
		assert.ok(lines[2]?.endsWith(',"deploy-keys","Our deploy key, in a ""public"" gist",true,"2026-11-27","notStarted",false,0,0,2,0,,"evil,1.json",'), lines[2]);
	});

	it('Markdown: a name cannot break the table or inject markup', () => {
		assert.equal(markdownCell('a|b\nc <img src=x> *bold* [link](http://x)'), 'a\\|b c \\<img src=x\\> \\*bold\\* \\[link\\](http://x)');
		const text = formatTeamMarkdown(aggregateReports([{ file: 'x.json', report: report('Eve | <b>', emptyProgress(), ASSIGNED) }], '2026-11-24'));
		assert.match(text, /\| Eve \\\| \\<b\\> \| ⚠ overdue: not started \| ○ not started \|/);
	});

	it('HTML: escapes every report string, loads nothing, runs nothing, and draws the chart inline', () => {
		const evil = report('<script>alert(1)</script>', answered(emptyProgress(), 'gmail', { q1: true, q2: true }), [{ lessonId: 'gmail', due: '2026-11-20' }]);
		const tampered = { ...evil, lessons: evil.lessons.map((l) => ({ ...l, title: '"><img src=x onerror=alert(2)>' })) };
		const html = formatTeamHtml(aggregateReports([{ file: '<evil>.json', report: tampered }], '2026-11-24', [{ file: 'x"><svg onload=alert(3)>', reason: '<b>' }]));
		assert.ok(!html.includes('<script'), 'no script element');
		assert.ok(!/<img|<b>|<svg onload/i.test(html), 'no injected markup');
		assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
		assert.match(html, /&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
		assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
		assert.ok(!/<[^>]*\s(?:src|href)=/i.test(html), 'no element loads or links anything');
		assert.match(html, /<svg role="img"[^>]*><title id="chart-title">Average score per lesson<\/title>/);
		assert.match(html, /<rect class="bar below" x="260" y="\d+" width="200" height="16"\/>/);
		assert.match(html, /pass mark 80%/);
	});
});

describe('reports are self-reported', () => {
	const early = answered(emptyProgress(), 'gmail', { q1: true }, '2026-11-19T08:00:00.000Z');
	const later = answered(early, 'gmail', { q2: true, q3: true }, '2026-11-21T08:00:00.000Z');
	const forged = answered(emptyProgress(), 'gmail', { q1: true, q2: true, q3: true, q4: true }, '2026-11-22T08:00:00.000Z');

	it('notes a learner\'s successive exports, and warns when reports of one learner contradict each other', () => {
		const successive = aggregateReports([
			{ file: 'aiko-1.json', report: report('Aiko Tanaka', early, ASSIGNED, '2026-11-19T09:00:00.000Z') },
			{ file: 'aiko-2.json', report: report('Aiko Tanaka', later, ASSIGNED, '2026-11-21T09:00:00.000Z') },
		], '2026-11-24');
		assert.deepEqual(successive.warnings, []);
		assert.deepEqual(successive.notes, ['Aiko Tanaka: 2 reports; used the newest (aiko-2.json)']);
		const clash = aggregateReports([
			{ file: 'aiko.json', report: report('Aiko Tanaka', later, ASSIGNED, '2026-11-21T09:00:00.000Z') },
			{ file: 'mallory.json', report: report('aiko  TANAKA', forged, ASSIGNED, '2026-11-22T09:00:00.000Z') },
			{ file: 'ben.json', report: report('Ben Carter', early, ASSIGNED) },
		], '2026-11-24');
		const warning = '2 reports claim this learner and contradict each other (aiko.json, mallory.json); used the newest (mallory.json): ask the learner which is theirs';
		assert.deepEqual(clash.warnings, [`aiko  TANAKA: ${warning}`]);
		assert.deepEqual(clash.learners.map((l) => l.warning), [warning, undefined]);

		const markdown = formatTeamMarkdown(clash);
		assert.match(markdown, /\n## ⚠ Check these reports\n\n- ⚠ aiko  TANAKA: 2 reports claim this learner and contradict each other \(aiko\.json, mallory\.json\)/);
		assert.match(markdown, /\n\| aiko  TANAKA ⚠ \| /);
		assert.match(markdown, /\n\| Ben Carter \| /);
		const rows = formatTeamCsv(clash).split('\r\n');
		assert.ok(rows.filter((r) => r.startsWith('"aiko')).every((r) => r.endsWith(`,"${warning}"`)), 'each of the learner\'s rows carries the warning');
		assert.ok(rows.filter((r) => r.startsWith('"Ben')).every((r) => r.endsWith('.json",')), 'other learners have an empty warning');
		const html = formatTeamHtml(clash);
		assert.match(html, /<h2>⚠ Check these reports<\/h2><ul class="warn"><li>aiko  TANAKA: 2 reports claim this learner/);
		assert.match(html, /<th scope="row">aiko  TANAKA <span class="warn" title="2 reports claim/);
	});
});

describe('reading a report file of unknown origin', () => {
	const valid = report('Aiko Tanaka', answered(emptyProgress(), 'gmail', { q1: true }), ASSIGNED);

	it('refuses nesting deeper than 100 levels with its line, never throwing (10,000 and 100,000 levels)', () => {
		for (const depth of [10_000, 100_000]) {
			const text = `{\n"format": "${REPORT_FORMAT}",\n"workspace": ${'['.repeat(depth)}${']'.repeat(depth)}\n}`;
			assert.deepEqual(parseReportText(text), { problem: 'invalid JSON: arrays and objects nested more than 100 levels deep (line 3)' });
		}
		assert.deepEqual(parseReportText(`\uFEFF${JSON.stringify(valid)}`), { report: valid });
		assert.match(JSON.stringify(parseReportText('{"a": ')), /not valid JSON/);
	});

	it('refuses more lessons or quiz answers than a report may hold before validating them', () => {
		const many = (n: number): unknown[] => Array.from({ length: n }, () => ({}));
		assert.deepEqual(readReport({ ...valid, lessons: many(200_000) }), { problem: 'too large: 200000 lessons, more than the 2000 a report may list' });
		assert.deepEqual(readReport({ ...valid, assignment: { lessons: many(2001) } }), { problem: 'too large: 2001 assigned lessons, more than the 2000 a report may list' });
		const quizzes = Array.from({ length: 51 }, () => ({ quizzes: many(200) }));
		assert.deepEqual(readReport({ ...valid, lessons: quizzes }), { problem: 'too large: 10200 quiz answers, more than the 10000 a report may list' });
		assert.deepEqual(readReport({ ...valid, lessons: many(2000) }), { problem: 'not a valid version 2 report: missing required field "lessons[0].id"' });
	});
});
