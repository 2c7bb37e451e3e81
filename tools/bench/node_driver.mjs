// node_driver runs a C kernel's wasm on V8: node [V8 FLAGS] node_driver.mjs
// KERNEL.wasm N ITERS calls run(N) once (warm-up; its result is the
// reference), then ITERS more times, and prints "RESULT WALL_NS CPU_NS" for
// the timed calls, like the native driver (c/native_main.c). The CPU time
// is the whole process's (V8's background threads included).
import { readFileSync } from 'node:fs';

const [file, n, iters] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
const { run, _initialize } = instance.exports;
if (_initialize) _initialize();
const arg = Number(n);
const want = run(arg) >>> 0;
const count = Number(iters);
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const got = run(arg) >>> 0;
  if (got !== want) {
    console.error(`run(${arg}) = ${want}, then ${got}`);
    process.exit(1);
  }
}
const ns = process.hrtime.bigint() - start;
const cpu = process.cpuUsage(cpu0);
console.log(`${want} ${ns} ${(cpu.user + cpu.system) * 1000}`);
