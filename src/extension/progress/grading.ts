/**
 * The grader of answers given through the API, a chunk of its own (esbuild.mjs): answers from the lesson page come
 * graded by its message routing (in the lesson page's chunk), so the services carry no grader.
 */
export { gradeLessonAnswer } from '../../core/page/messageRouting';
