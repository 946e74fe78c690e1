/**
 * A brotli decoder in JavaScript (the `brotli` package's decoder and its dictionary), as dist/brotli.js: the browser
 * entry loads it to unpack the lesson packs where `DecompressionStream('brotli')` is missing. Node uses zlib. Pure.
 */
export { decompress } from 'brotli/decompress';
