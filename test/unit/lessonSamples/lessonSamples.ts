/**
 * Reads the code samples out of the bundled lessons, so the tests run exactly the code a learner sees, and loads
 * TypeScript samples as modules. Samples are addressed by lesson id and their index among the lesson's code blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PGlite, type Transaction } from '@electric-sql/pglite';
import { scanFences } from '../../../src/core/lessons/fences';
import { splitLines } from '../../../src/core/shared/text';
import { importTs } from '../helpers/importTs';
import { TS_SAMPLES, type TsSampleSpec } from './lessonSamplePreludes';

export type LessonLanguage = 'en' | 'ja';

export interface CodeSample {
	readonly info: string;
	readonly code: string;
	/** The paragraph right above the block (a sample that is not tested must call itself a sketch there). */
	readonly caption: string;
	readonly line: number;
}

/** Blocks that are lesson machinery, not code samples. */
const NOT_SAMPLES = new Set(['quiz', 'exercise', 'incident-timeline', 'incident-breakdown']);

/** The code samples every test file runs, by lesson and block index; every other sample must say it is a sketch. */
export const TESTED_SAMPLES: Readonly<Record<string, readonly number[]>> = {
	'non-life-insurers-insider-leak': [0, 1],
	'axa-non-life-unauthorized-access': [0, 1, 2],
	'controls-that-stop-leaks': [0, 1, 3, 4, 5, 6],
	'design-drawings-supply-chain': [1, 3],
	'incident-response-appi': [0],
	'leaver-usb-customer-db': [1],
	'long-dwell-intrusions': [0, 1, 2],
	'pos-card-data-skimming': [0, 1, 2],
	'private-gmail-customer-list': [1],
	'ransomware-via-email': [0],
};

const lessonsRoot = join(import.meta.dirname, '..', '..', '..', 'lessons');

export function lessonSamples(lessonId: string, language: LessonLanguage = 'en'): CodeSample[] {
	const lines = splitLines(readFileSync(join(lessonsRoot, language, `${lessonId}.md`), 'utf8'));
	return scanFences(lines, `${lessonId}.md`).blocks
		.filter((block) => !NOT_SAMPLES.has(block.info))
		.map((block) => ({ info: block.info, code: block.content.join('\n'), caption: captionAbove(lines, block.startLine - 1), line: block.startLine }));
}

/** The English sample at `index`, checked to be of language `info`. */
export function sample(lessonId: string, index: number, info: string): string {
	const found = lessonSamples(lessonId)[index];
	if (!found || found.info !== info) {
		throw new Error(`${lessonId}: code block ${index} is ${found ? found.info : 'missing'}, expected ${info}`);
	}
	return found.code;
}

function captionAbove(lines: readonly string[], fenceIndex: number): string {
	let start = fenceIndex - 1;
	while (start >= 0 && (lines[start] ?? '').trim() === '') {
		start--;
	}
	const end = start;
	while (start >= 0 && (lines[start] ?? '').trim() !== '') {
		start--;
	}
	return lines.slice(start + 1, end + 1).join('\n');
}

const COMMENT_MARKERS: Readonly<Record<string, string>> = { sql: '--', ts: '//', yaml: '#', sh: '#' };

/**
 * The code without its comments (which are translated) and trailing blanks, for comparing the two languages.
 * Quotes are tracked so a marker inside a string literal stays.
 */
export function withoutComments(code: string, info: string): string {
	const marker = COMMENT_MARKERS[info];
	if (!marker) {
		return code;
	}
	const kept: string[] = [];
	for (const line of code.split('\n')) {
		const stripped = stripLineComment(line, marker).trimEnd();
		if (stripped !== '' || line.trim() === '') {
			kept.push(stripped);
		}
	}
	return kept.join('\n');
}

function stripLineComment(line: string, marker: string): string {
	let quote = '';
	for (let i = 0; i < line.length; i++) {
		const char = line[i] ?? '';
		if (quote) {
			if (char === quote) {
				quote = '';
			}
		} else if (char === '\'' || char === '"' || char === '`') {
			quote = char;
		} else if (line.startsWith(marker, i) && (marker !== '#' || i === 0 || /\s/.test(line[i - 1] ?? ''))) {
			return line.slice(0, i);
		}
	}
	return line;
}

/**
 * Writes a TypeScript sample with its prelude and an export list to a temporary .ts module and imports it (tsx
 * compiles it). The prelude's `declare`d services must be set on globalThis first.
 */
export async function importTsSample<T>(name: keyof typeof TS_SAMPLES): Promise<T> {
	const spec: TsSampleSpec = TS_SAMPLES[name];
	return importTs<T>(tsModuleText(spec.prelude, sample(spec.lesson, spec.index, 'ts'), spec.exportNames));
}

export function tsModuleText(prelude: string, code: string, exportNames: readonly string[]): string {
	const exportLine = exportNames.length > 0 ? `export { ${exportNames.join(', ')} };\n` : 'export {};\n';
	return `${prelude}\n${code}\n${exportLine}`;
}

/** Runs `body` in a transaction as `role` (SET LOCAL ROLE ends with it), the way a pooled application connection would. */
export async function asRole<T>(db: PGlite, role: string, body: (tx: Transaction) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.exec(`SET LOCAL ROLE ${role}`);
		return body(tx);
	});
}

export async function count(tx: Transaction | PGlite, sql: string, params: unknown[] = []): Promise<number> {
	const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) AS q`, params);
	return rows[0]?.n ?? -1;
}

/** An audit service double that keeps the events it is given. */
export function recordingAudit(): { events: Record<string, unknown>[]; log(event: Record<string, unknown>): Promise<void> } {
	const events: Record<string, unknown>[] = [];
	return { events, log: (event) => { events.push(event); return Promise.resolve(); } };
}

/** The one audit schema every lesson's queries read, as the controls lesson defines it; `app_user` is the application. */
export async function createAuditSchema(db: PGlite): Promise<void> {
	await db.exec('CREATE ROLE app_user');
	await db.exec(sample('controls-that-stop-leaks', 3, 'sql'));
}

/** Adds audit rows `daysAgo` days before now, as the application would have written them. */
export async function addAuditRows(db: PGlite, actorId: string, action: string, rows: readonly { daysAgo: number; rowCount: number }[]): Promise<void> {
	for (const { daysAgo, rowCount } of rows) {
		await db.query(`INSERT INTO audit_log (at, actor_id, action, dataset, row_count) VALUES (now() - $1 * interval '1 day', $2, $3, 'customers', $4)`,
			[daysAgo, actorId, action, rowCount]);
	}
}

/** An audit service double that writes each event as the application would: one audit_log row, as app_user. */
export function auditInto(db: PGlite): { log(event: Record<string, unknown>): Promise<void> } {
	return {
		log: async (event) => {
			await asRole(db, 'app_user', (tx) => tx.query(
				'INSERT INTO audit_log (actor_id, action, dataset, row_count, source_ip, detail) VALUES ($1, $2, $3, $4, $5, $6)',
				[event.actorId, event.action, event.dataset ?? null, event.rowCount ?? 0, event.sourceIp ?? null, JSON.stringify(event.detail ?? {})]));
		},
	};
}
