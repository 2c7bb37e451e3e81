// Package native runs x86-64 code compiled by the optimizing back end in
// the test process, for the back end's own execution tests: it maps bytes
// executable (syscall.Mmap, then Mprotect read+exec) and calls a System V
// function of one pointer argument on a 64 KiB region of the calling
// goroutine's stack (an assembly shim with a large frame, so Go has
// reserved the space; the shim aligns SP to 16 for the call).
//
// It is deliberately minimal and meant for test harnesses (the back end's
// tests and `test run` in kiln/filetests): a fault or ud2 in the called
// code kills the process, as Go owns every signal handler, and the called
// code must be shallow (64 KiB of stack). Production execution goes
// through kiln/runtime's jit package, which runs code on its own stack and
// turns traps into exits; that package is internal to kiln/runtime, which
// is why the test harnesses use this one.
//
// WasmMachine (linux/amd64) is the same idea for code of kiln's wasm
// convention (kiln/ir/vm): a store context, a wasm stack in Go heap
// memory, one exit stub per vm.ExitKind and an exit-and-resume loop, in
// the shape of the runtime's trampolines (wasm_linux_amd64.s). It lets
// the optimizing tier test traps, exits and preemption before the
// runtime's compiled-code strategy exists; it is a test harness, with no
// backtraces, interrupts or nested calls.
package native
