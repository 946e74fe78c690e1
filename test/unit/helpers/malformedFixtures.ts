/** The lesson fixtures and what each malformed one must report; shared by the parser and CLI tests. */
import * as path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'lessons');

/** Each malformed fixture and exactly the diagnostics (rule@line) it must produce. */
export const MALFORMED: Readonly<Record<string, readonly string[]>> = {
	'empty.md': ['file-empty@1'],
	'blank.md': ['file-empty@1'],
	'binary.md': ['file-binary@1'],
	'invalid-utf8.md': ['file-binary@1'],
	'no-front-matter.md': ['front-matter-missing@1'],
	'unterminated-front-matter.md': ['front-matter-unterminated@1'],
	'invalid-yaml.md': ['yaml-syntax@4'],
	'missing-summary.md': ['front-matter-schema@1'],
	'wrong-types.md': ['front-matter-schema@5', 'front-matter-schema@6', 'front-matter-schema@7'],
	'bad-source-url.md': ['front-matter-schema@7'],
	'unknown-key.md': ['front-matter-unknown-key@5'],
	'id-mismatch.md': ['id-mismatch@2'],
	'unterminated-fence.md': ['fence-unterminated@18'],
	'quiz-yaml-syntax.md': ['yaml-syntax@10'],
	'quiz-schema.md': ['quiz-schema@7'],
	'quiz-unknown-key.md': ['quiz-unknown-key@11'],
	'quiz-unknown-type.md': ['quiz-unknown-type@9'],
	'quiz-no-correct.md': ['quiz-no-correct@11'],
	'quiz-single-many-correct.md': ['quiz-single-many-correct@16'],
	'quiz-duplicate-id.md': ['quiz-duplicate-id@20'],
	'quiz-duplicate-step.md': ['quiz-duplicate-step@14'],
	'quiz-invalid-group.md': ['quiz-invalid-group@16', 'quiz-invalid-group@25', 'quiz-invalid-group@35'],
	'quiz-missing-explain.md': ['quiz-missing-explain@15'],
	'lesson-no-quiz.md': ['lesson-no-quiz@1'],
	'timeline-invalid-date.md': ['timeline-invalid-date@7', 'timeline-invalid-date@9'],
	'timeline-unordered.md': ['timeline-unordered@9'],
	'breakdown-invalid.md': ['breakdown-invalid@11', 'breakdown-invalid@13'],
	'sources-missing.md': ['sources-missing@5'],
};
