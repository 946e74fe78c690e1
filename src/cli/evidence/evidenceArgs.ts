/** Arguments of `incident-lessons evidence` → what to do. Pure. */
import { isDueDate } from '../../core/team/dueDates';
import { lessonsFolderOption, scanOptions } from '../optionScan';

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
	const lessons: string[] = [];
	const text: Record<'out' | 'cycle' | 'requirement' | 'today', string | undefined> = { out: undefined, cycle: undefined, requirement: undefined, today: undefined };
	let force = false;
	const scanned = scanOptions(args, 'evidence', (option) => {
		const { name, value } = option;
		const key = name.slice(2);
		if (name === '--force') {
			force = true;
		} else if (key === 'out' || key === 'cycle' || key === 'requirement' || key === 'today') {
			const given = value()?.trim();
			if (!given || given.length > MAX_LABEL) {
				return `evidence --${key} needs a value of 1 to ${MAX_LABEL} characters`;
			}
			if (key === 'today' && !isDueDate(given)) {
				return 'evidence --today needs a date written YYYY-MM-DD';
			}
			text[key] = given;
		} else if (name === '--lessons') {
			return lessonsFolderOption(option, 'evidence', lessons);
		} else {
			return false;
		}
		return true;
	});
	if ('usage' in scanned) {
		return { kind: 'usageError', message: scanned.usage };
	}
	const { paths } = scanned;
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
