/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so a statement's id follows from what it
 * says and a re-send carries the same id. SHA-1 is written out here because src/core has no Node crypto; it is used
 * only to derive identifiers, never for security. Pure.
 */

/** SHA-1 of `data` (FIPS 180-4), 20 bytes. */
export function sha1(data: Uint8Array): Uint8Array {
	const bitLength = data.length * 8;
	const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
	padded.set(data);
	padded[data.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(bitLength / 0x1_0000_0000));
	view.setUint32(padded.length - 4, bitLength >>> 0);
	const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
	const w = new Uint32Array(80);
	for (let block = 0; block < padded.length; block += 64) {
		for (let i = 0; i < 16; i++) {
			w[i] = view.getUint32(block + i * 4);
		}
		for (let i = 16; i < 80; i++) {
			const x = (w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0);
			w[i] = (x << 1) | (x >>> 31);
		}
		let [a, b, c, d, e] = h as [number, number, number, number, number];
		for (let i = 0; i < 80; i++) {
			const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999]
				: i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
					: i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
						: [b ^ c ^ d, 0xca62c1d6];
			const t = (((a << 5) | (a >>> 27)) + f + e + k + (w[i] ?? 0)) >>> 0;
			e = d;
			d = c;
			c = ((b << 30) | (b >>> 2)) >>> 0;
			b = a;
			a = t;
		}
		h[0] = (h[0]! + a) >>> 0;
		h[1] = (h[1]! + b) >>> 0;
		h[2] = (h[2]! + c) >>> 0;
		h[3] = (h[3]! + d) >>> 0;
		h[4] = (h[4]! + e) >>> 0;
	}
	const out = new Uint8Array(20);
	const outView = new DataView(out.buffer);
	h.forEach((word, i) => outView.setUint32(i * 4, word));
	return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID written in the canonical 8-4-4-4-12 hex form. */
export function isUuid(text: string): boolean {
	return UUID.test(text);
}

/** The version 5 UUID of `name` (UTF-8) in the namespace `namespace` (itself a UUID), lowercase. */
export function uuidV5(namespace: string, name: string): string {
	if (!isUuid(namespace)) {
		throw new Error(`not a UUID: ${namespace}`);
	}
	const ns = namespace.replace(/-/g, '').match(/../g)?.map((byte) => parseInt(byte, 16)) ?? [];
	const text = new TextEncoder().encode(name);
	const input = new Uint8Array(16 + text.length);
	input.set(ns);
	input.set(text, 16);
	const bytes = sha1(input).slice(0, 16);
	bytes[6] = (bytes[6]! & 0x0f) | 0x50;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
