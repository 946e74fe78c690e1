/**
 * The evidence pack for an audit: the team view as a roster of who completed which assigned lesson when, and a
 * manifest tying every report read and every lesson taught to a SHA-256, so a reader can check that the files
 * shown are the files given and which training content each completion refers to. Hashing is the caller's (I/O);
 * this module only arranges what it is given. Pure.
 */
import type { TeamView } from './teamReport';
import { csvField } from './teamReportFormat';

/** A report file read for the pack, with its hash and the lesson versions it answered. */
export interface EvidenceReport {
	readonly file: string;
	readonly sha256: string;
	readonly learner: string;
	readonly generatedAt: string;
	readonly schemaVersion: number;
	/** Whether the roster uses it (false: an older report of the same learner). */
	readonly used: boolean;
	/** Lesson id → the content hash it answered (version 2 reports; absent for lessons not started). */
	readonly taught: ReadonlyMap<string, string>;
}

/** A lesson file given to the pack, hashed. */
export interface EvidenceLessonFile {
	readonly lessonId: string;
	readonly file: string;
	readonly locale: string;
	readonly sha256: string;
	/** The lesson's content hash (`hashQuizContent`): the version its answers grade against. */
	readonly contentHash: string;
}

export interface EvidenceInput {
	readonly view: TeamView;
	readonly reports: readonly EvidenceReport[];
	readonly lessonFiles: readonly EvidenceLessonFile[];
	/** ISO 8601: when the pack was made. */
	readonly generatedAt: string;
	readonly cycle?: string;
	readonly requirement?: string;
	readonly toolVersion?: string;
}

/** One assigned lesson in the manifest: the versions learners answered, and the files given that are those versions. */
export interface ManifestLesson {
	readonly id: string;
	readonly title: string;
	/** Content hashes the used reports answered, sorted. */
	readonly taughtVersions: readonly string[];
	/** The lesson files given whose content hash is a version taught (their SHA-256 is the content taught). */
	readonly files: readonly { readonly file: string; readonly locale: string; readonly sha256: string; readonly contentHash: string }[];
	/** Versions taught that no given lesson file is: the content they refer to is not in the pack. */
	readonly missingVersions: readonly string[];
}

export interface EvidenceManifest {
	readonly format: 'incident-lessons-evidence';
	readonly version: 1;
	readonly generatedAt: string;
	readonly today: string;
	readonly cycle?: string;
	readonly requirement?: string;
	readonly tool?: { readonly name: 'incident-lessons'; readonly version: string };
	readonly reports: readonly { readonly file: string; readonly sha256: string; readonly learner: string; readonly generatedAt: string; readonly schemaVersion: number; readonly used: boolean }[];
	readonly lessons: readonly ManifestLesson[];
	readonly skipped: readonly { readonly file: string; readonly reason: string }[];
	/** The pack's other files (name → SHA-256), so the manifest vouches for them too. */
	readonly files: Readonly<Record<string, string>>;
}

/** The day a passed cell was completed (`YYYY-MM-DD` of its latest answer), else undefined. */
export function completedOn(cell: { readonly status: string; readonly updatedAt?: string }): string | undefined {
	return cell.status === 'passed' ? cell.updatedAt?.slice(0, 10) : undefined;
}

/** The manifest (without the pack's other files, which the caller hashes once they are written). */
export function evidenceManifest(input: EvidenceInput, files: Readonly<Record<string, string>> = {}): EvidenceManifest {
	const { view } = input;
	const used = input.reports.filter((r) => r.used);
	const lessons = view.lessons.map((lesson): ManifestLesson => {
		const taught = [...new Set(used.flatMap((r) => { const h = r.taught.get(lesson.id); return h === undefined ? [] : [h]; }))].sort();
		const given = input.lessonFiles.filter((f) => f.lessonId === lesson.id && taught.includes(f.contentHash))
			.sort((a, b) => a.file.localeCompare(b.file))
			.map((f) => ({ file: f.file, locale: f.locale, sha256: f.sha256, contentHash: f.contentHash }));
		return { id: lesson.id, title: lesson.title, taughtVersions: taught, files: given, missingVersions: taught.filter((h) => !given.some((f) => f.contentHash === h)) };
	});
	return {
		format: 'incident-lessons-evidence', version: 1, generatedAt: input.generatedAt, today: view.today,
		...(input.cycle !== undefined ? { cycle: input.cycle } : {}),
		...(input.requirement !== undefined ? { requirement: input.requirement } : {}),
		...(input.toolVersion !== undefined ? { tool: { name: 'incident-lessons', version: input.toolVersion } } : {}),
		reports: input.reports.map((r) => ({ file: r.file, sha256: r.sha256, learner: r.learner, generatedAt: r.generatedAt, schemaVersion: r.schemaVersion, used: r.used })),
		lessons,
		skipped: view.skipped.map((s) => ({ file: s.file, reason: s.reason })),
		files,
	};
}

const CSV_COLUMNS = ['learner', 'lesson', 'title', 'due', 'status', 'completed_on', 'overdue', 'lesson_version', 'report_file', 'report_sha256', 'cycle', 'requirement'];

/** The roster as CSV (CRLF): one row per learner × assigned lesson, text quoted and formula-safe. */
export function formatEvidenceCsv(input: EvidenceInput): string {
	const byFile = new Map(input.reports.map((r) => [r.file, r]));
	const rows = [CSV_COLUMNS.join(',')];
	for (const learner of input.view.learners) {
		const report = byFile.get(learner.file);
		input.view.lessons.forEach((lesson, i) => {
			const cell = learner.cells[i];
			if (!cell?.assigned) {
				return;
			}
			rows.push([learner.name, lesson.id, lesson.title, cell.due, cell.status, completedOn(cell), cell.overdue, report?.taught.get(lesson.id),
				learner.file, report?.sha256, input.cycle, input.requirement].map(csvField).join(','));
		});
	}
	return `${rows.join('\r\n')}\r\n`;
}
