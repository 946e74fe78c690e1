/** The loop every subcommand's arguments go through: paths, `--name value` or `--name=value`, `--` ending the options. Pure. */
import { appendAll } from '../core/shared/arrays';

/** One option as a parser sees it. */
export interface ScannedOption {
	/** The argument as given (`--lang=ja`). */
	readonly arg: string;
	/** The option's name (`--lang`). */
	readonly name: string;
	/** Its value: after `=`, else the next argument unless that starts as an option does; undefined when none. */
	readonly value: () => string | undefined;
	/** One more value after the first (for options taking a list), with the same rule; never after `=`. */
	readonly more: () => string | undefined;
}

/**
 * Scans `args`: what does not start with `-` (and `-` itself) is a path; everything after `--` is a path; every other
 * argument goes to `onOption`, which returns a usage message, or false when it does not know the option (then
 * `unknown option "…" for <command>`). `valueStart` is the prefix that tells a next argument is an option, not a value.
 */
export function scanOptions(args: readonly string[], command: string, onOption: (option: ScannedOption) => string | boolean, valueStart = '--'): { readonly paths: string[] } | { readonly usage: string } {
	const paths: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--') {
			appendAll(paths, args.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			paths.push(arg);
			continue;
		}
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const next = (): string | undefined => (args[i + 1] !== undefined && !args[i + 1]?.startsWith(valueStart) ? args[++i] : undefined);
		const handled = onOption({
			arg,
			name: eq > 0 ? arg.slice(0, eq) : arg,
			value: () => (eq > 0 ? arg.slice(eq + 1) : next()),
			more: () => (eq > 0 ? undefined : next()),
		});
		if (typeof handled === 'string') {
			return { usage: handled };
		}
		if (!handled) {
			return { usage: `unknown option "${arg}" for ${command}` };
		}
	}
	return { paths };
}

/** `--lessons <dir>` (repeatable): the folder added to `folders`, or the usage message naming `command`. */
export function lessonsFolderOption(option: ScannedOption, command: string, folders: string[]): string | true {
	const dir = option.value();
	if (!dir) {
		return `${command} ${option.name} needs a folder of lesson files`;
	}
	folders.push(dir);
	return true;
}

/** An option taking one of `choices`: the value handed to `set`, or the usage message listing them. */
export function choiceOption<T extends string>(option: ScannedOption, command: string, choices: readonly T[], set: (value: T) => void): string | true {
	const given = option.value();
	if (!given || !(choices as readonly string[]).includes(given)) {
		return `${command} ${option.name} needs one of: ${choices.join(', ')}`;
	}
	set(given as T);
	return true;
}
