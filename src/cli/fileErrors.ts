/** How the CLI words a failed read: the common causes in plain words, anything else as Node reports it. */
export function describeError(error: unknown): string {
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
	switch (code) {
		case 'ENOENT': return 'no such file or folder';
		case 'EACCES': case 'EPERM': return 'permission denied';
		case 'EISDIR': return 'it is a folder';
		default: return error instanceof Error ? error.message : String(error);
	}
}
