/** Arguments of `incident-lessons evidence` → what to do. Pure. */
import { appendAll } from '../../core/shared/arrays';
import { isDueDate } from '../../core/team/dueDates';

/** Longest `--cycle` or `--requirement` text: a name such as "PCI DSS 4.0 6.2.2", not a document. */
export const MAX_LABEL = 200;

export interface EvidenceCommand {
	readonly kind: 'evidence';
	readonly paths: readonly string[];
	/** The folder the pack is written to. */
	readonly out: string;
	/** Write into a folder that is not empty (replacing the pack's own files only). */
	readonly force: boolean;
	readonly cycle?: string;
	readonly requirement?: string;
	readonly today?: string;
	/** Lesson folders whose files are hashed instead of the bundled lessons. */
	readonly lessons: readonly string[];
}

export const EVIDENCE_USAGE = `  incident-lessons evidence <file|dir>... --out <dir> [--force] [--cycle <name>] [--requirement <text>]
                       [--today <YYYY-MM-DD>] [--lessons <dir>]...
                                        write an evidence pack for an audit: summary (HTML, CSV) and a
                                        manifest with the SHA-256 of every report and lesson taught`;

type Usage = { readonly kind: 'usageError'; readonly message: string };

/** Reads the arguments after `evidence` (`--name value` or `--name=value`; `--` ends the options). */
export function parseEvidenceArgs(args: readonly string[]): EvidenceCommand | Usage {
	const paths: string[] = [];
	const lessons: string[] = [];
	const text: Record<'out' | 'cycle' | 'requirement' | 'today', string | undefined> = { out: undefined, cycle: undefined, requirement: undefined, today: undefined };
	let force = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--') {
			appendAll(paths, args.slice(i + 1));
			break;
		}
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const name = eq > 0 ? arg.slice(0, eq) : arg;
		const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : args[i + 1] !== undefined && !args[i + 1]?.startsWith('--') ? args[++i] : undefined);
		const key = name.slice(2);
		if (name === '--force') {
			force = true;
		} else if (key === 'out' || key === 'cycle' || key === 'requirement' || key === 'today') {
			const given = value()?.trim();
			if (!given || given.length > MAX_LABEL) {
				return { kind: 'usageError', message: `evidence --${key} needs a value of 1 to ${MAX_LABEL} characters` };
			}
			if (key === 'today' && !isDueDate(given)) {
				return { kind: 'usageError', message: 'evidence --today needs a date written YYYY-MM-DD' };
			}
			text[key] = given;
		} else if (name === '--lessons') {
			const dir = value();
			if (!dir) {
				return { kind: 'usageError', message: 'evidence --lessons needs a folder of lesson files' };
			}
			lessons.push(dir);
		} else if (arg.startsWith('-') && arg !== '-') {
			return { kind: 'usageError', message: `unknown option "${arg}" for evidence` };
		} else {
			paths.push(arg);
		}
	}
	if (paths.length === 0) {
		return { kind: 'usageError', message: 'evidence needs at least one report file or folder' };
	}
	if (text.out === undefined) {
		return { kind: 'usageError', message: 'evidence needs --out <dir>, the folder to write the pack to' };
	}
	const { out, cycle, requirement, today } = text;
	return {
		kind: 'evidence', paths, out, force, lessons,
		...(cycle !== undefined ? { cycle } : {}), ...(requirement !== undefined ? { requirement } : {}), ...(today !== undefined ? { today } : {}),
	};
}
