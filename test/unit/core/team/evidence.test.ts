import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { evidenceManifest, formatEvidenceCsv, type EvidenceInput, type EvidenceReport } from '../../../../src/core/team/evidence';
import { formatEvidenceHtml, SELF_REPORTED } from '../../../../src/core/team/evidenceHtml';
import type { ProgressReport } from '../../../../src/core/team/learnerReport';
import { aggregateReports } from '../../../../src/core/team/teamReport';
import { propertyParams } from '../../helpers/propertySeed';

const T = '2026-11-20T10:00:00.000Z';

function report(name: string, status: 'passed' | 'inProgress', contentHash?: string): ProgressReport {
	return {
		format: 'incident-lessons-progress-report', schemaVersion: 2, generatedAt: T, learner: { name }, passMark: 80,
		assignment: { file: 'a.json', lessons: [{ id: 'gmail', due: '2026-11-15' }] },
		lessons: [{ id: 'gmail', title: 'Gmail <b>', track: 'developer', origin: 'bundled', status, score: 100, answered: 1, total: status === 'passed' ? 1 : 2, correct: 1, attempts: 1, startedAt: T, updatedAt: T, ...(contentHash ? { contentHash } : {}), quizzes: [{ id: 'q', correct: true, attempts: 1, answeredAt: T }] }],
	};
}

function input(reports: { file: string; report: ProgressReport; sha256: string }[], extra: Partial<EvidenceInput> = {}): EvidenceInput {
	const view = aggregateReports(reports, '2026-11-24', [{ file: 'bad.json', reason: 'not valid JSON (line 3)' }]);
	const used = new Set(view.learners.map((l) => l.file));
	const evidence: EvidenceReport[] = reports.map((r) => ({
		file: r.file, sha256: r.sha256, learner: r.report.learner.name, generatedAt: r.report.generatedAt, schemaVersion: r.report.schemaVersion, used: used.has(r.file),
		taught: new Map(r.report.lessons.flatMap((l) => (l.contentHash ? [[l.id, l.contentHash] as const] : []))),
	}));
	return { view, reports: evidence, lessonFiles: [], generatedAt: '2026-11-24T09:00:00.000Z', ...extra };
}

describe('evidence pack', () => {
	it('lists every report read with its SHA-256, as given, and survives a JSON round trip (property)', (t) => {
		const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
		fc.assert(fc.property(fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), sha256: hex }), { maxLength: 8, selector: (r) => r.name }), (entries) => {
			const files = entries.map((e, i) => ({ file: `r${i}.json`, report: report(e.name, 'passed', 'abc'), sha256: e.sha256 }));
			const manifest = evidenceManifest(input(files), { 'evidence.html': 'f'.repeat(64) });
			assert.deepEqual(manifest.reports.map((r) => [r.file, r.sha256]), files.map((f) => [f.file, f.sha256]));
			assert.deepEqual(JSON.parse(JSON.stringify(manifest)), manifest);
		}), propertyParams(t, 50));
	});

	it('ties each lesson to the versions answered and to the lesson files of those versions; names the versions not given', () => {
		const files = [
			{ file: 'a.json', report: report('Aiko', 'passed', 'v2'), sha256: 'a'.repeat(64) },
			{ file: 'b.json', report: report('Ben', 'inProgress', 'v1'), sha256: 'b'.repeat(64) },
		];
		const lessonFiles = [
			{ lessonId: 'gmail', file: 'lessons/en/gmail.md', locale: 'en', sha256: 'c'.repeat(64), contentHash: 'v2' },
			{ lessonId: 'gmail', file: 'old/gmail.md', locale: 'en', sha256: 'd'.repeat(64), contentHash: 'v0' },
			{ lessonId: 'other', file: 'lessons/en/other.md', locale: 'en', sha256: 'e'.repeat(64), contentHash: 'v2' },
		];
		const manifest = evidenceManifest(input(files, { lessonFiles, cycle: '2026', requirement: 'PCI DSS 4.0 6.2.2' }));
		assert.deepEqual(manifest.lessons, [{ id: 'gmail', title: 'Gmail <b>', taughtVersions: ['v1', 'v2'], files: [{ file: 'lessons/en/gmail.md', locale: 'en', sha256: 'c'.repeat(64), contentHash: 'v2' }], missingVersions: ['v1'] }]);
		assert.equal(manifest.requirement, 'PCI DSS 4.0 6.2.2');
		assert.deepEqual(manifest.skipped, [{ file: 'bad.json', reason: 'not valid JSON (line 3)' }]);
	});

	it('writes the roster as formula-safe CSV with completion dates, and escapes every string in the page', () => {
		const files = [{ file: 'm.json', report: report('=HYPERLINK("x")', 'passed', 'v2'), sha256: 'a'.repeat(64) }, { file: 'n.json', report: report('Nora', 'inProgress'), sha256: 'b'.repeat(64) }];
		const evidence = input(files, { requirement: '<script>alert(1)</script>', cycle: '@cycle' });
		const csv = formatEvidenceCsv(evidence).split('\r\n');
		assert.equal(csv[0], 'learner,lesson,title,due,status,completed_on,overdue,lesson_version,report_file,report_sha256,cycle,requirement');
		assert.equal(csv[1], `"'=HYPERLINK(""x"")","gmail","Gmail <b>","2026-11-15","passed","2026-11-20",false,"v2","m.json","${'a'.repeat(64)}","'@cycle","<script>alert(1)</script>"`);
		assert.match(csv[2] ?? '', /^"Nora","gmail",.*"inProgress",,true,,/);
		const html = formatEvidenceHtml(evidence, evidenceManifest(evidence));
		assert.doesNotMatch(html, /<script/);
		assert.match(html, /Requirement: <strong>&lt;script&gt;/);
		assert.match(html, /✔ 2026-11-20/);
		assert.match(html, /<li>Nora: gmail \(due 2026-11-15\)<\/li>/);
		assert.ok(html.includes(SELF_REPORTED.replace(/'/g, '&#39;')), 'the self-reported statement is on the page');
	});
});
