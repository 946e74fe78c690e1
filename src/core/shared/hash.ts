/** FNV-1a over UTF-16 code units: a tiny, pure, stable hash (not for security). Returns an unsigned 32-bit integer. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
	let hash = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}
