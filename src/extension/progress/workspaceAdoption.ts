/**
 * Earlier releases kept one progress per workspace: in globalState under the workspace's keys, and its mirror in
 * workspaceState. Now progress follows the learner, and each workspace's is merged into the learner's the first time
 * a window opens that workspace (../../core/progress/progressMerge: no answer is lost, a later answer is kept). Both
 * old copies are left as they are, so a release before this one still reads its own, and nothing here deletes data.
 * Free of the vscode runtime so that unit tests run it over mementos that behave as VS Code's.
 */
import type { Progress } from '../../core/progress/progress';
import { readLaidOut } from '../../core/progress/progressLayout';
import { pairs, PROGRESS_KEY, sharedBaseKey, StoredCopy, type ProgressStorage } from './storedCopy';

/** The workspaceState key set once this workspace's own progress was merged into the learner's. */
export const ADOPTED_KEY = 'incidentLessons.progressAdopted';

/**
 * The progress this workspace kept before progress followed the learner (its old shared copy and its workspace
 * copy, as far as each can be read), or undefined when it was adopted already.
 */
export function workspaceProgressToAdopt(storage: ProgressStorage): Progress[] | undefined {
	if (storage.workspace.get(ADOPTED_KEY) === true) {
		return undefined;
	}
	const copies = [
		new StoredCopy(storage.shared, sharedBaseKey(storage.workspaceId), `:${storage.workspaceId}`),
		new StoredCopy(storage.workspace, PROGRESS_KEY, ''),
	];
	return copies.filter((copy) => copy.base() !== undefined).map((copy) => readLaidOut(copy.base(), pairs(copy.entries())).progress);
}

/** Records that this workspace's progress is the learner's now: it is not merged again. */
export function markAdopted(storage: ProgressStorage): PromiseLike<void> {
	return storage.workspace.update(ADOPTED_KEY, true);
}
