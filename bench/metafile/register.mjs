// `node --import ./bench/metafile/register.mjs esbuild.mjs --production` runs the project's own build script with
// its `esbuild` import swapped for ./shim.mjs: the same configs, built in memory with a metafile, nothing written
// to dist/. The bench reads what each bundle is made of without a copy of the build configuration.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
