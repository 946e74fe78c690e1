/**
 * `incident-lessons evidence <reports…> --out <dir>`: the evidence pack for an audit. Writes `evidence.html` (the
 * summary), `evidence.csv` (the same roster) and `manifest.json` (SHA-256 of every report read, of the lesson files
 * at the versions taught, and of the two other files). Never writes into a folder that is not empty without `--force`,
 * and then replaces only its own three files (a link in their place is replaced, not followed).
 */
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { decodeLessonBytes, MAX_LESSON_BYTES } from '../../core/shared/decode';
import { parseLesson } from '../../core/lessons/parseLesson';
import { localDate } from '../../core/team/dueDates';
import { evidenceManifest, formatEvidenceCsv, type EvidenceInput, type EvidenceLessonFile, type EvidenceReport } from '../../core/audit/evidence';
import { formatEvidenceHtml } from '../../core/audit/evidenceHtml';
import { aggregateReports } from '../../core/team/teamReport';
import { describeError } from '../fileErrors';
import { findLessonFiles, localeFolder } from '../files';
import { oneLine, type CliOutput } from '../output';
import { readCapped } from '../readCapped';
import { readReports, sha256Hex } from '../report/report';
import { lessonDirs } from '../suggest';
import type { EvidenceCommand } from './evidenceArgs';

export const PACK_FILES = { html: 'evidence.html', csv: 'evidence.csv', manifest: 'manifest.json' } as const;

/** The lesson files under `dirs` (the bundled lessons when none) of the lessons in `ids`, hashed; unreadable or broken files are left out. */
async function hashLessonFiles(dirs: readonly string[], ids: ReadonlySet<string>, cwd: string): Promise<EvidenceLessonFile[]> {
	const bundled = dirs.length > 0 ? undefined : lessonDirs(dirs)[0];
	const { files } = await findLessonFiles(lessonDirs(dirs), cwd);
	// Bundled files are named as in the package (lessons/en/x.md), not by where it is installed.
	const name = (display: string): string => (bundled ? path.relative(path.dirname(bundled), display).split(path.sep).join('/') : display);
	const hashed: EvidenceLessonFile[] = [];
	for (const file of files) {
		const bytes = await readCapped(file.absolute, MAX_LESSON_BYTES).catch(() => undefined);
		const text = bytes && bytes.length <= MAX_LESSON_BYTES ? decodeLessonBytes(bytes, file.display).text : undefined;
		const lesson = text === undefined ? undefined : parseLesson(text, file.display).lesson;
		if (bytes && lesson && ids.has(lesson.meta.id)) {
			hashed.push({ lessonId: lesson.meta.id, file: name(file.display), locale: localeFolder(file.absolute) ?? lesson.locale, sha256: sha256Hex(bytes), contentHash: lesson.contentHash });
		}
	}
	return hashed;
}

/** Why the pack cannot go to `out`, or undefined (the folder is made when missing). */
async function outProblem(out: string, force: boolean): Promise<string | undefined> {
	try {
		if (!(await stat(out)).isDirectory()) {
			return 'it is not a folder';
		}
		if (!force && (await readdir(out)).length > 0) {
			return 'the folder is not empty (add --force to replace the pack\'s files in it)';
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			return describeError(error);
		}
		await mkdir(out, { recursive: true });
	}
	return undefined;
}

/** Writes a new file: whatever had the name (a file, a link) is removed first, and the write fails if one appears meanwhile. */
async function writeNew(file: string, text: string): Promise<void> {
	await unlink(file).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOENT') {
			throw error;
		}
	});
	await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
}

/** Returns 0 when the pack was written, 1 when no report could be read or the folder cannot be used or written. */
export async function runEvidence(command: EvidenceCommand, cwd: string, output: CliOutput, now = new Date()): Promise<number> {
	const { reports, skipped, sha256 } = await readReports(command.paths, cwd, output);
	if (reports.length === 0) {
		return 1;
	}
	const out = path.resolve(cwd, command.out);
	const problem = await outProblem(out, command.force).catch((error: unknown) => describeError(error));
	if (problem !== undefined) {
		output.stderr(`incident-lessons: cannot write the evidence pack to ${oneLine(command.out)}: ${oneLine(problem)}\n`);
		return 1;
	}
	const view = aggregateReports(reports, command.today ?? localDate(now), skipped);
	const used = new Set(view.learners.map((l) => l.file));
	const evidenceReports: EvidenceReport[] = reports.map(({ file, report }) => ({
		file, sha256: sha256.get(file) ?? '', learner: report.learner.name, generatedAt: report.generatedAt, schemaVersion: report.schemaVersion, used: used.has(file),
		taught: new Map(report.lessons.flatMap((l) => (l.contentHash !== undefined ? [[l.id, l.contentHash] as const] : []))),
	}));
	const lessonFiles = await hashLessonFiles(command.lessons, new Set(view.lessons.map((l) => l.id)), cwd);
	const input: EvidenceInput = {
		view, reports: evidenceReports, lessonFiles, generatedAt: now.toISOString(), toolVersion: version,
		...(command.cycle !== undefined ? { cycle: command.cycle } : {}), ...(command.requirement !== undefined ? { requirement: command.requirement } : {}),
	};
	const html = formatEvidenceHtml(input, evidenceManifest(input));
	const csv = formatEvidenceCsv(input);
	const manifest = evidenceManifest(input, { [PACK_FILES.html]: sha256Hex(html), [PACK_FILES.csv]: sha256Hex(csv) });
	try {
		await writeNew(path.join(out, PACK_FILES.html), html);
		await writeNew(path.join(out, PACK_FILES.csv), csv);
		await writeNew(path.join(out, PACK_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
	} catch (error) {
		output.stderr(`incident-lessons: cannot write the evidence pack to ${oneLine(command.out)}: ${oneLine(describeError(error))}\n`);
		return 1;
	}
	const missing = manifest.lessons.filter((l) => l.missingVersions.length > 0).map((l) => l.id);
	if (missing.length > 0) {
		output.stderr(`${oneLine(`lesson versions answered but not among the lesson files given (no content hash for them): ${missing.join(', ')}`)}\n`);
	}
	output.stderr(`wrote ${oneLine(path.join(command.out, PACK_FILES.html))}, ${PACK_FILES.csv}, ${PACK_FILES.manifest}\n`);
	output.stderr(`${reports.length} report${reports.length === 1 ? '' : 's'} read, ${skipped.length} skipped\n`);
	return 0;
}
