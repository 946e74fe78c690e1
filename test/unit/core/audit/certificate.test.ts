import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { certificateHtml, ENGLISH_CERTIFICATE_LABELS, lessonContentText, type CertificateInput } from '../../../../src/core/audit/certificate';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { readFileSync } from 'node:fs';
import { propertyParams } from '../../helpers/propertySeed';

const HASH = 'a'.repeat(64);
const input: CertificateInput = {
	learner: 'Aiko Tanaka', generatedAt: '2027-02-01T09:00:00.000Z', passMark: 80, due: '2027-03-31',
	cycle: { start: '2027-01-15', end: '2028-01-14' },
	lessons: [{ id: 'private-gmail-customer-list', title: 'The customer list in a private Gmail account', score: 100, passedOn: '2027-01-20', contentSha256: HASH }],
	report: { file: 'aiko-tanaka-certificate-report.json', sha256: 'b'.repeat(64) },
	toolVersion: '0.1.0',
};

describe('certificate of completion', () => {
	it('names the learner, the cycle, each lesson with score, date and hash, and the report hash', () => {
		const html = certificateHtml(input);
		for (const part of ['Aiko Tanaka', 'training cycle 2027-01-15 to 2028-01-14', 'pass mark of 80%', '>100%<', '2027-01-20', HASH, 'b'.repeat(64), 'aiko-tanaka-certificate-report.json']) {
			assert.ok(html.includes(part), part);
		}
		assert.match(certificateHtml({ ...input, cycle: undefined }), /for the assignment due 2027-03-31/);
	});

	it('speaks the learner\'s language: the labels given, filled with the values, the page\'s lang; label text stays text', () => {
		const labels = { ...ENGLISH_CERTIFICATE_LABELS, lang: 'ja', title: '修了証', passedInCycle: '研修サイクル {0} ～ {1}、合格点 {2}%。', madeFrom: '進捗レポート {0} (SHA-256 {1}) から作成 <b>', lesson: 'レッスン' };
		const html = certificateHtml({ ...input, labels });
		assert.match(html, /<html lang="ja">/);
		assert.match(html, /<h1>修了証<\/h1>/);
		assert.match(html, /研修サイクル 2027-01-15 ～ 2028-01-14、合格点 80%。/);
		assert.match(html, /進捗レポート <code>aiko-tanaka-certificate-report\.json<\/code> \(SHA-256 <code>b{64}<\/code>\) から作成 &lt;b&gt;/);
		assert.match(html, /<th scope="col">レッスン<\/th>/);
		assert.match(certificateHtml(input), /<html lang="en">/);
	});

	it('is self-contained: a strict CSP, no script, no external resource, print styles', () => {
		const html = certificateHtml(input);
		assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">/);
		assert.doesNotMatch(html, /<script|<link|<img|src=|href=|url\(|@import/i);
		assert.match(html, /@media print/);
	});

	it('property: whatever the learner and titles say, they stay text (escaped and bounded)', (t) => {
		const hostile = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</style><script>x</script>', '&lt;', `${'x'.repeat(500)}<b>`));
		fc.assert(fc.property(hostile, hostile, (learner, title) => {
			const html = certificateHtml({ ...input, learner, lessons: [{ ...input.lessons[0]!, title }], report: { ...input.report, file: title } });
			assert.doesNotMatch(html, /<script|<img|<b>|<\/style><script/i);
			const body = html.slice(html.indexOf('<body>'));
			assert.equal((body.match(/</g) ?? []).length, (certificateHtml(input).slice(certificateHtml(input).indexOf('<body>')).match(/</g) ?? []).length, 'no element added');
		}), propertyParams(t));
	});

	it('hashes a lesson by what it teaches and asks: the same text for the same lesson, another when a question changes', () => {
		const file = 'test/fixtures/workspace/.incident-lessons/lessons/team-deploy-keys.md';
		const source = readFileSync(file, 'utf8');
		const lesson = parseLesson(source, file).lesson;
		assert.ok(lesson);
		const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
		assert.equal(sha(lessonContentText(lesson)), sha(lessonContentText(parseLesson(source, file).lesson!)));
		const changed = parseLesson(source.replace(/prompt: (.*)/, 'prompt: Reworded, $1'), file).lesson;
		assert.ok(changed);
		assert.notEqual(sha(lessonContentText(lesson)), sha(lessonContentText(changed)));
		assert.match(sha(lessonContentText(lesson)), /^[0-9a-f]{64}$/);
	});
});
