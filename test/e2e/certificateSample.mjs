// Writes the certificate the e2e test opens (run with node --import tsx): the shipped renderer (src/core/audit/certificate.ts) on the test
// workspace's lesson, with hashes computed as Export Certificate… computes them. Usage: <out.html> [learner name].
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { certificateHtml, lessonContentText } from '../../src/core/audit/certificate.ts';
import { parseLesson } from '../../src/core/lessons/parseLesson.ts';

const file = 'test/fixtures/workspace/.incident-lessons/lessons/team-deploy-keys.md';
const report = readFileSync('test/fixtures/reports/aiko-tanaka.json');
const lesson = parseLesson(readFileSync(file, 'utf8'), file).lesson;
if (!lesson) {
	throw new Error(`${file} does not parse`);
}
const sha = (data) => createHash('sha256').update(data).digest('hex');
writeFileSync(process.argv[2] ?? 'certificate.html', certificateHtml({
	learner: process.argv[3] ?? 'Aiko Tanaka <script>alert(1)</script>', generatedAt: '2027-02-01T09:00:00.000Z', passMark: 80, due: '2027-03-31',
	cycle: { start: '2027-01-15', end: '2028-01-14' },
	lessons: [
		{ id: lesson.meta.id, title: lesson.meta.title, score: 100, passedOn: '2027-01-20', contentSha256: sha(lessonContentText(lesson)) },
		{ id: 'private-gmail-customer-list', title: 'The customer list in a private Gmail account', score: 80, passedOn: '2027-01-22', contentSha256: sha('private-gmail-customer-list') },
	],
	report: { file: 'aiko-tanaka.json', sha256: sha(report) },
	toolVersion: '0.1.0',
}));
