/** `incident-lessons report <file|dir>...`: folds learners' progress reports into one team view. */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { localDate } from '../../core/team/dueDates';
import type { Lesson } from '../../core/lessons/lesson';
import { analyzeItems, type ItemLesson, type ItemView } from '../../core/audit/itemAnalysis';
import { formatItemsCsv, formatItemsMarkdown } from '../../core/audit/itemAnalysisFormat';
import { MAX_REPORT_BYTES, parseReportText, type ProgressReport } from '../../core/team/learnerReport';
import { aggregateReports, type ReportFile, type SkippedReport } from '../../core/team/teamReport';
import { formatTeamCsv, formatTeamMarkdown } from '../../core/team/teamReportFormat';
import { formatTeamHtml } from '../../core/team/teamReportHtml';
import { describeError } from '../fileErrors';
import { findFiles, isOwnName, type FoundFile } from '../files';
import { oneLine, type CliOutput } from '../output';
import { readCapped } from '../readCapped';
import type { ReportCommand } from './reportArgs';
import { lessonDirs, loadLessons } from '../suggest';

/** What the question analysis needs from a parsed lesson. */
export function itemLesson(lesson: Lesson): ItemLesson {
	return {
		id: lesson.meta.id, title: lesson.meta.title, contentHash: lesson.contentHash, quizzes: lesson.quizzes,
		checks: new Map(lesson.exercises.map((e) => [e.id, new Map(e.checks.map((c) => [c.id, c.hint]))])),
	};
}

/** The lessons of `--lessons` (else the bundled ones) in `lang`, for the wording of questions and checks. */
export async function readItemLessons(dirs: readonly string[], lang: string, cwd: string, output: CliOutput): Promise<Lesson[]> {
	return loadLessons(lessonDirs(dirs), cwd, lang, output);
}

/** The `*.json` files under the given paths (folders recursively; hidden folders and node_modules skipped). */
async function findReportFiles(paths: readonly string[], cwd: string, skipped: SkippedReport[]): Promise<FoundFile[]> {
	const { files, problems } = await findFiles(paths, cwd, { enter: isOwnName, keep: (name) => isOwnName(name) && name.toLowerCase().endsWith('.json') });
	skipped.push(...problems.map((p) => ({ file: p.display, reason: p.message })));
	return files;
}

/** The SHA-256 of `bytes`, as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Reads at most one byte over the limit, so a huge file costs nothing; then parses and checks the report. */
async function readReportFile(absolute: string): Promise<{ report: ProgressReport; sha256: string } | { problem: string }> {
	let bytes: Uint8Array;
	try {
		bytes = await readCapped(absolute, MAX_REPORT_BYTES);
	} catch (error) {
		return { problem: `cannot read: ${describeError(error)}` };
	}
	if (bytes.length > MAX_REPORT_BYTES) {
		return { problem: `larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB; not a progress report` };
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { problem: 'not UTF-8 text' };
	}
	const read = parseReportText(text);
	return 'report' in read ? { report: read.report, sha256: sha256Hex(bytes) } : read;
}

/**
 * Every readable report under `paths`, with the SHA-256 of each file's bytes; the files that are not (unreadable, too large, not a report) are named on
 * stderr and listed as skipped.
 */
export async function readReports(paths: readonly string[], cwd: string, output: CliOutput): Promise<{ reports: ReportFile[]; skipped: SkippedReport[]; sha256: Map<string, string> }> {
	const skipped: SkippedReport[] = [];
	const files = await findReportFiles(paths, cwd, skipped);
	const reports: ReportFile[] = [];
	const sha256 = new Map<string, string>();
	for (const file of files) {
		// Whatever goes wrong with one file (even a failure nobody foresaw) skips that file, not the team's table.
		const checked = await readReportFile(file.absolute).catch((error: unknown) => ({ problem: `cannot read: ${describeError(error)}` }));
		if ('report' in checked) {
			reports.push({ file: file.display, report: checked.report });
			sha256.set(file.display, checked.sha256);
		} else {
			skipped.push({ file: file.display, reason: checked.problem });
		}
	}
	for (const s of skipped) {
		output.stderr(`${oneLine(`skipped ${s.file}: ${s.reason}`)}\n`);
	}
	if (reports.length === 0) {
		output.stderr(`incident-lessons: no progress report found in ${oneLine(paths.join(', '))}\n`);
	}
	return { reports, skipped, sha256 };
}

/**
 * Reads every report under `command.paths`, skipping (and naming on stderr) files that are not readable reports,
 * and prints the team view (with `--items`, the question analysis) as Markdown or CSV; `--html` also writes the HTML page. Returns 0, or 1 when no
 * report could be read at all (or the HTML file could not be written).
 */
export async function runReport(command: ReportCommand, cwd: string, output: CliOutput): Promise<number> {
	const { reports, skipped } = await readReports(command.paths, cwd, output);
	if (reports.length === 0) {
		return 1;
	}
	const view = aggregateReports(reports, command.today ?? localDate(new Date()), skipped);
	let items: ItemView | undefined;
	if (command.items) {
		// The newest report per learner, as the team table uses.
		const used = new Set(view.learners.map((l) => l.file));
		const lessons = await readItemLessons(command.lessons, command.lang, cwd, output);
		items = analyzeItems(reports.filter((r) => used.has(r.file)), lessons.map(itemLesson));
		output.stdout(command.format === 'csv' ? formatItemsCsv(items) : formatItemsMarkdown(items));
	} else {
		output.stdout(command.format === 'csv' ? formatTeamCsv(view) : formatTeamMarkdown(view));
	}
	if (command.html !== undefined) {
		try {
			await writeFile(path.resolve(cwd, command.html), formatTeamHtml(view, items), 'utf8');
		} catch (error) {
			output.stderr(`incident-lessons: cannot write ${oneLine(command.html)}: ${oneLine(describeError(error))}\n`);
			return 1;
		}
		output.stderr(`wrote ${oneLine(command.html)}\n`);
	}
	output.stderr(`${reports.length} report${reports.length === 1 ? '' : 's'} read, ${skipped.length} skipped\n`);
	return 0;
}
