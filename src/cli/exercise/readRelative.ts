/** Reading an exercise's referenced files (`starterFile`, `contentFile`) for the CLI, bounded and kept in place. */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { EXERCISE_LIMITS, isExerciseRef, type ReadRelative } from '../../core/exercises';
import { isInside } from '../files';
import { readCapped } from '../readCapped';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A {@link ReadRelative} for the lesson file at `lessonFile` (absolute). A reference stays inside the lesson's folder,
 * or its parent when it starts with `../` (where `lessons/exercises/` is next to `lessons/en/`), symbolic links
 * included. At most {@link EXERCISE_LIMITS.referencedBytes} + 1 bytes are read (a larger file then fails the size
 * check); text that is not UTF-8 counts as unreadable.
 */
export function lessonFileReader(lessonFile: string): ReadRelative {
	const folder = path.dirname(lessonFile);
	return async (ref) => {
		if (!isExerciseRef(ref)) {
			return undefined;
		}
		try {
			const root = await realpath(ref.startsWith('../') ? path.dirname(folder) : folder);
			const target = await realpath(path.resolve(folder, ref));
			if (!isInside(root, target)) {
				return undefined;
			}
			return decoder.decode(await readCapped(target, EXERCISE_LIMITS.referencedBytes));
		} catch {
			return undefined;
		}
	};
}
