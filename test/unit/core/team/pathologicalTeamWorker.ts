// Runs in a worker thread for pathologicalTeam.test.ts: one hostile assignments file, report file or team of
// reports per message, timed, with the heap growth it left, so the test can stop a worker that hangs.
import { parentPort } from 'node:worker_threads';
import { parseAssignments } from '../../../../src/core/team/assignments';
import { parseReportText, REPORT_FORMAT, type ProgressReport, type ReportLesson } from '../../../../src/core/team/learnerReport';
import { aggregateReports } from '../../../../src/core/team/teamReport';
import { formatTeamCsv, formatTeamMarkdown } from '../../../../src/core/team/teamReportFormat';
import { formatTeamHtml } from '../../../../src/core/team/teamReportHtml';

/** What the test sends: text to read as one file, or the size of a team to fold into the three formats. */
export type TeamInput =
	| { readonly kind: 'assignments' | 'report'; readonly text: string }
	| { readonly kind: 'team'; readonly learners: number; readonly lessons: number };

/** What the worker answers: time spent, heap growth in MiB, and what came out (a problem, or the output's size). */
export interface TeamResult {
	readonly ms: number;
	readonly heapMiB: number;
	readonly outcome: string;
}

function lesson(i: number, learner: number): ReportLesson {
	const answered = (i + learner) % 3;
	return {
		id: `lesson-${i}`, title: `Lesson ${i}`, track: 'team', origin: 'workspace', status: answered === 0 ? 'notStarted' : answered === 1 ? 'inProgress' : 'passed',
		score: answered * 50, answered, total: 2, correct: answered, attempts: answered, quizzes: [],
		...(answered > 0 ? { startedAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-21T08:00:00.000Z' } : {}),
	};
}

function team(learners: number, lessons: number): { file: string; report: ProgressReport }[] {
	return Array.from({ length: learners }, (_, l) => ({
		file: `learner-${l}.json`,
		report: {
			format: REPORT_FORMAT, schemaVersion: 1, generatedAt: '2026-11-23T09:00:00.000Z', learner: { name: `Learner ${l}` }, passMark: 80,
			assignment: { file: 'a.json', lessons: Array.from({ length: lessons }, (_, i) => ({ id: `lesson-${i}`, due: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}` })) },
			lessons: Array.from({ length: lessons }, (_, i) => lesson(i, l)),
		},
	}));
}

/** The work to time (the team's reports are made before the clock starts). */
function prepare(input: TeamInput): () => string {
	switch (input.kind) {
		case 'assignments':
			return () => parseAssignments(input.text, 'assignments.json').diagnostics.map((d) => `${d.line}:${d.code}: ${d.message}`).join('\n');
		case 'report':
			return () => {
				const read = parseReportText(input.text);
				return 'problem' in read ? read.problem : 'a report';
			};
		case 'team': {
			const reports = team(input.learners, input.lessons);
			return () => {
				const view = aggregateReports(reports, '2026-11-24');
				const sizes = [formatTeamMarkdown(view), formatTeamCsv(view), formatTeamHtml(view)].map((text) => text.length);
				return `${view.learners.length} learners × ${view.lessons.length} lessons: ${sizes.join(', ')} characters`;
			};
		}
	}
}

parentPort?.on('message', (input: TeamInput) => {
	const run = prepare(input);
	const heap = process.memoryUsage().heapUsed;
	const started = performance.now();
	const outcome = run();
	const result: TeamResult = { ms: performance.now() - started, heapMiB: (process.memoryUsage().heapUsed - heap) / 2 ** 20, outcome };
	parentPort?.postMessage(result);
});
