/** Arguments of `incident-lessons exercise list|write|check` → what to do. Pure. */

/** `incident-lessons exercise …`, read from the command line. */
export type ExerciseCommand =
	| { readonly kind: 'exercise'; readonly action: 'list'; readonly paths: readonly string[] }
	| { readonly kind: 'exercise'; readonly action: 'write'; readonly lesson: string; readonly id: string; readonly dir: string; readonly solution: boolean; readonly force: boolean }
	| { readonly kind: 'exercise'; readonly action: 'check'; readonly lesson: string; readonly id: string; readonly dir: string };

/** The usage lines of `exercise`, for the CLI's help. */
export const EXERCISE_USAGE = `  incident-lessons exercise list <file|dir>...
                                        list the exercises of lessons: "path: exercise-id: title"
  incident-lessons exercise write <lesson.md> <exercise-id> <dir> [--solution] [--force]
                                        write the starter (or the reference solution) files into <dir>;
                                        an existing different file is kept unless --force
  incident-lessons exercise check <lesson.md> <exercise-id> <dir>
                                        check the files in <dir>: "pass: check-id" or "fail: check-id: hint"
                                        per check; exit 0 when all pass, 1 when one fails, 2 when the
                                        command line is wrong or the exercise cannot be loaded`;

type Usage = { readonly kind: 'usageError'; readonly message: string };

/** Reads the arguments after `exercise`. `--` ends the options. Returns a usage error for anything else. */
export function parseExerciseArgs(args: readonly string[]): ExerciseCommand | Usage {
	const dashDash = args.indexOf('--');
	const options = (dashDash < 0 ? args : args.slice(0, dashDash)).filter((arg) => arg.startsWith('-') && arg !== '-');
	const [action, ...rest] = args.filter((arg, index) => index === dashDash ? false : dashDash >= 0 && index > dashDash ? true : !options.includes(arg));
	const allowed = action === 'write' ? ['--solution', '--force'] : [];
	const unknown = options.find((option) => !allowed.includes(option));
	if (unknown !== undefined) {
		return { kind: 'usageError', message: `unknown option "${unknown}" for exercise${action === undefined ? '' : ` ${action}`}` };
	}
	switch (action) {
		case 'list':
			return rest.length > 0 ? { kind: 'exercise', action, paths: rest } : { kind: 'usageError', message: 'exercise list needs at least one file or folder' };
		case 'write':
		case 'check': {
			const [lesson, id, dir] = rest;
			if (rest.length !== 3 || lesson === undefined || id === undefined || dir === undefined) {
				return { kind: 'usageError', message: `exercise ${action} needs <lesson.md> <exercise-id> <dir>` };
			}
			return action === 'check'
				? { kind: 'exercise', action, lesson, id, dir }
				: { kind: 'exercise', action, lesson, id, dir, solution: options.includes('--solution'), force: options.includes('--force') };
		}
		case undefined:
			return { kind: 'usageError', message: 'exercise needs list, write or check' };
		default:
			return { kind: 'usageError', message: `unknown exercise command "${action}" (use list, write or check)` };
	}
}
