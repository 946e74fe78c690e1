/** Where a workspace keeps what Incident Lessons reads, relative to a workspace folder, and how much of it is read. Kept apart so the extension can name them without loading the parsers. */

/** The team's own lessons (`**.md` below it). */
export const WORKSPACE_LESSONS_PATH = '.incident-lessons/lessons';

/** The lead's assignments file. */
export const ASSIGNMENTS_PATH = '.incident-lessons/assignments.json';

/** The largest assignments file read: 1 MiB (a lead's file is a few kilobytes). */
export const MAX_ASSIGNMENTS_BYTES = 1024 * 1024;
