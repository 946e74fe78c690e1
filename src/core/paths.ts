/** Where a workspace keeps what Incident Lessons reads, relative to a workspace folder. Kept apart so the extension can name them without loading the parsers. */

/** The team's own lessons (`**.md` below it). */
export const WORKSPACE_LESSONS_PATH = '.incident-lessons/lessons';

/** The lead's assignments file. */
export const ASSIGNMENTS_PATH = '.incident-lessons/assignments.json';
