// node_driver runs a C kernel's wasm on V8: node [V8 FLAGS] node_driver.mjs
// KERNEL.wasm N ITERS calls run(N) once (warm-up; its result is the
// reference), then ITERS more times, and prints "RESULT NANOSECONDS" for
// the timed calls, like the native driver (c/native_main.c).
import { readFileSync } from 'node:fs';

const [file, n, iters] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
const { run, _initialize } = instance.exports;
if (_initialize) _initialize();
const arg = Number(n);
const want = run(arg) >>> 0;
const count = Number(iters);
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const got = run(arg) >>> 0;
  if (got !== want) {
    console.error(`run(${arg}) = ${want}, then ${got}`);
    process.exit(1);
  }
}
const ns = process.hrtime.bigint() - start;
console.log(`${want} ${ns}`);
