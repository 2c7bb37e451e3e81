package jit

import (
	"context"
	"testing"
	"unsafe"

	"kiln/ir/vm"
)

// BenchmarkEnterReturn: the bare trampoline round trip (enter, call a
// function that returns a constant, back to Go), without Call's
// bookkeeping.
func BenchmarkEnterReturn(b *testing.B) {
	l := load(b, "const")
	m, vmctx := newVM(b, testStack)
	sc := m.Context()
	top := m.Stack().Top() - 16
	vc := uintptr(unsafe.Pointer(&vmctx[0]))
	entry := l.entry()
	for b.Loop() {
		enter(entry, vc, top, top, 1)
	}
	if sc.ExitKind != uint32(vm.ExitReturn) {
		b.Fatalf("exit kind %d", sc.ExitKind)
	}
}

// BenchmarkCall: Machine.Call of the same function (context check, values
// copied to and from the wasm stack, exit loop).
func BenchmarkCall(b *testing.B) {
	l := load(b, "const")
	m, vmctx := newVM(b, testStack)
	values := []Slot{{}}
	ctx := context.Background()
	for b.Loop() {
		if err := m.Call(ctx, l.code, l.entry(), vmctx, values, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostCallRoundTrip: one exit-and-resume host call per iteration
// (exit stub, Go handler, resume), inside one long call.
func BenchmarkHostCallRoundTrip(b *testing.B) {
	l := load(b, "hostloop")
	m, vmctx := newVM(b, testStack)
	calls := 0
	values := []Slot{{uint64(b.N)}}
	b.ResetTimer()
	if err := m.Call(context.Background(), l.code, l.entry(), vmctx, values, hostDouble(&calls)); err != nil {
		b.Fatal(err)
	}
	if calls != b.N {
		b.Fatalf("%d calls, want %d", calls, b.N)
	}
}

// BenchmarkLoop: ns per iteration of a tight add loop with and without
// the preemption check on its back edge.
func BenchmarkLoop(b *testing.B) {
	for _, name := range []string{"sumloopnochk", "sumloop"} {
		b.Run(name, func(b *testing.B) {
			l := load(b, name)
			m, vmctx := newVM(b, testStack)
			values := []Slot{{uint64(b.N)}}
			b.ResetTimer()
			if err := m.Call(context.Background(), l.code, l.entry(), vmctx, values, nil); err != nil {
				b.Fatal(err)
			}
			if values[0][0] != triangle(uint64(b.N)) {
				b.Fatalf("wrong sum")
			}
		})
	}
}
