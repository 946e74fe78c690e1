/** Reading the SARIF logs named on the command line (the CLI's I/O behind the pure reader in core/findings). */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSarif, SARIF_LIMITS, type SarifRead } from '../../core/findings/sarif';
import { describeError } from '../fileErrors';
import { readCapped } from '../readCapped';

/** The most SARIF files one run reads. */
export const MAX_SARIF_FILES = 100;

export interface SarifFile {
	/** The path as given. */
	readonly display: string;
	readonly read: SarifRead;
}

/**
 * Reads each file (at most {@link SARIF_LIMITS.maxChars} bytes, a larger one is not read at all) and its findings,
 * with paths relative to `cwd`. A file that cannot be read, or is not SARIF 2.1.0, comes back with `read.error`.
 */
export async function readSarifFiles(files: readonly string[], cwd: string): Promise<SarifFile[]> {
	const root = cwd.split(path.sep).join('/');
	const read: SarifFile[] = [];
	for (const display of files.slice(0, MAX_SARIF_FILES)) {
		try {
			const bytes = await readCapped(path.resolve(cwd, display), SARIF_LIMITS.maxChars);
			if (bytes.length > SARIF_LIMITS.maxChars) {
				read.push({ display, read: { findings: [], problems: [], error: `larger than ${SARIF_LIMITS.maxChars} bytes` } });
				continue;
			}
			const text = new TextDecoder('utf-8').decode(bytes);
			read.push({ display, read: readSarif(text, { root, clock: () => performance.now() }) });
		} catch (error) {
			read.push({ display, read: { findings: [], problems: [], error: `cannot read: ${describeError(error)}` } });
		}
	}
	return read;
}
