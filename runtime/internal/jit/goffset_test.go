package jit

import (
	"runtime"
	"sync/atomic"
	"testing"
	"unsafe"

	"kiln/ir/vm"
)

// TestGStackGuard0Offset pins vm.GStackGuard0Offset and vm.StackPreempt
// against the running Go runtime, so a Go release that moves them fails
// here rather than silently disabling preemption of compiled code. What is
// verified, without reading runtime sources at run time:
//
//  1. g starts with stack.lo, stack.hi (offsets 0 and 8): the address of a
//     local variable lies between them.
//  2. The word at GStackGuard0Offset is the stack guard in normal running:
//     a little above stack.lo (stack.lo + the runtime's guard size).
//  3. When the GC stops the world, that word becomes StackPreempt: a
//     goroutine polling it in an assembly loop (no calls, no safe points:
//     exactly compiled code's situation, which only this word can end)
//     sees the sentinel, and the GC could not have finished otherwise.
func TestGStackGuard0Offset(t *testing.T) {
	if !Supported {
		t.Skip("no JIT on this platform")
	}
	var local int
	g := getg()
	lo := *(*uintptr)(g)
	hi := *(*uintptr)(unsafe.Add(g, 8))
	sg0 := *(*uintptr)(unsafe.Add(g, vm.GStackGuard0Offset))
	here := uintptr(unsafe.Pointer(&local))
	if !(lo < here && here < hi) {
		t.Fatalf("g.stack = [%#x, %#x) does not contain a local at %#x: g layout changed", lo, hi, here)
	}
	if !(lo < sg0 && sg0 < lo+16<<10) {
		t.Fatalf("word at g+%d = %#x, want stack.lo (%#x) + a small guard: g layout changed", vm.GStackGuard0Offset, sg0, lo)
	}
	t.Logf("g=%p stack=[%#x,%#x) stackguard0=lo+%d", g, lo, hi, sg0-lo)

	// 3: spin on the word in another goroutine, in an assembly loop with
	// no calls (so nothing but the sentinel can stop it), and force GCs.
	// The GC cannot stop the world until the spinning goroutine returns,
	// which it does as soon as it sees the sentinel.
	var ready atomic.Bool
	seen := make(chan bool)
	go func() {
		g := getg()
		ready.Store(true)
		seen <- spinUntil(uintptr(unsafe.Add(g, vm.GStackGuard0Offset)), vm.StackPreempt, 1<<31)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	done := make(chan struct{})
	gcLoopDone := make(chan struct{})
	go func() {
		defer close(gcLoopDone)
		for {
			select {
			case <-done:
				return
			default:
				runtime.GC()
			}
		}
	}()
	ok := <-seen
	close(done)
	// A GC still running when the next test starts its machine code would
	// be that test's problem; finish here.
	<-gcLoopDone
	if !ok {
		t.Fatalf("g.stackguard0 never became StackPreempt (%#x) during GCs: the sentinel or offset changed", vm.StackPreempt)
	}
}
