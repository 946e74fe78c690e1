/**
 * `incident-lessons xapi <reports…>`: learners' progress reports as xAPI statements, printed as a JSON array or,
 * with `--lrs`, sent to a Learning Record Store in batches with retries. Credentials come from the environment
 * only and are never printed.
 */
import { lrsTarget, readProfile } from '../../core/xapi/lrsConfig';
import { sendStatements } from '../../core/xapi/lrsClient';
import { statementsFromReport } from '../../core/xapi/xapiEvents';
import { oneLine, terminalJson, type CliOutput } from '../output';
import { readReports } from '../report/report';
import { LRS_AUTH_ENV, type XapiCommand } from './xapiArgs';

export interface XapiDeps {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly fetch: typeof globalThis.fetch;
	readonly sleep: (ms: number) => Promise<void>;
}

export const processDeps: XapiDeps = {
	env: process.env,
	fetch: (...args) => globalThis.fetch(...args),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Returns 0 when every statement was printed or stored (stored again counts: ids are stable), 1 when no report was
 * read or a statement conflicted or failed, 2 for a setting that cannot be used.
 */
export async function runXapi(command: XapiCommand, cwd: string, output: CliOutput, deps: XapiDeps = processDeps): Promise<number> {
	const profile = readProfile({ activityBase: command.activityBase, homePage: command.homePage });
	if ('problem' in profile) {
		output.stderr(`incident-lessons: ${profile.problem}\n`);
		return 2;
	}
	let target;
	if (command.lrs !== undefined) {
		const credentials = deps.env[LRS_AUTH_ENV];
		if (credentials === undefined || credentials === '') {
			output.stderr(`incident-lessons: --lrs needs the credentials in ${LRS_AUTH_ENV} (key:secret)\n`);
			return 2;
		}
		const checked = lrsTarget(command.lrs, credentials);
		if ('problem' in checked) {
			output.stderr(`incident-lessons: ${checked.problem}\n`);
			return 2;
		}
		target = checked.target;
	}
	const { reports } = await readReports(command.paths, cwd, output);
	if (reports.length === 0) {
		return 1;
	}
	const statements = reports.flatMap((r) => statementsFromReport(r.report, profile.profile, command.language));
	if (!target) {
		output.stdout(`${terminalJson(statements)}\n`);
		return 0;
	}
	const outcome = await sendStatements(target, statements, deps);
	for (const id of outcome.conflict) {
		output.stderr(`conflict ${id}: the LRS holds another statement with this id\n`);
	}
	for (const f of outcome.failed) {
		output.stderr(`${oneLine(`failed ${f.id}: ${f.reason}`)}\n`);
	}
	output.stdout(`${outcome.stored.length} stored, ${outcome.conflict.length} conflict, ${outcome.failed.length} failed (of ${statements.length} statements from ${reports.length} report${reports.length === 1 ? '' : 's'})\n`);
	return outcome.conflict.length + outcome.failed.length > 0 ? 1 : 0;
}
