package jit

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"kiln/ir/vm"
)

const testStack = 1 << 20

func TestStoreContextMatchesContract(t *testing.T) {
	var sc StoreContext
	fields := []struct {
		name string
		got  uintptr
		want int
	}{
		{"GoSP", unsafe.Offsetof(sc.GoSP), vm.SCGoSP},
		{"GoFP", unsafe.Offsetof(sc.GoFP), vm.SCGoFP},
		{"WasmSP", unsafe.Offsetof(sc.WasmSP), vm.SCWasmSP},
		{"WasmFP", unsafe.Offsetof(sc.WasmFP), vm.SCWasmFP},
		{"ResumePC", unsafe.Offsetof(sc.ResumePC), vm.SCResumePC},
		{"ExitVMCtx", unsafe.Offsetof(sc.ExitVMCtx), vm.SCExitVMCtx},
		{"ExitKind", unsafe.Offsetof(sc.ExitKind), vm.SCExitKind},
		{"ExitArgs", unsafe.Offsetof(sc.ExitArgs), vm.SCExitArgs},
		{"Interrupt", unsafe.Offsetof(sc.Interrupt), vm.SCInterrupt},
		{"Fuel", unsafe.Offsetof(sc.Fuel), vm.SCFuel},
		{"EntrySP", unsafe.Offsetof(sc.EntrySP), vm.SCEntrySP},
		{"EntryFP", unsafe.Offsetof(sc.EntryFP), vm.SCEntryFP},
		{"GoLR", unsafe.Offsetof(sc.GoLR), vm.SCGoLR},
	}
	for _, f := range fields {
		if int(f.got) != f.want {
			t.Errorf("StoreContext.%s at %d, contract says %d", f.name, f.got, f.want)
		}
	}
	if unsafe.Sizeof(sc) != vm.StoreContextSize {
		t.Errorf("StoreContext size %d, contract says %d", unsafe.Sizeof(sc), vm.StoreContextSize)
	}
}

func TestRelocKindsMatchEncoder(t *testing.T) {
	// vm.RelocKind is documented as numbered like encoder.RelocKind, so a
	// tier copies records through; see relocKindPairs.
	for _, p := range relocKindPairs {
		if uint8(p.vm) != uint8(p.enc) {
			t.Errorf("vm %v = %d, encoder %v = %d", p.vm, p.vm, p.enc, p.enc)
		}
	}
}

func call(t testing.TB, m *Machine, l *loaded, vmctx []byte, values []Slot, h ExitHandler) error {
	t.Helper()
	return m.Call(context.Background(), l.code, l.entry(), vmctx, values, h)
}

func TestReturnConstant(t *testing.T) {
	l := load(t, "const")
	m, vmctx := newVM(t, testStack)
	values := []Slot{{}}
	if err := call(t, m, l, vmctx, values, nil); err != nil {
		t.Fatal(err)
	}
	if values[0][0] != 42 {
		t.Errorf("got %d, want 42", values[0][0])
	}
}

func TestAddTwoArgs(t *testing.T) {
	l := load(t, "add")
	m, vmctx := newVM(t, testStack)
	for _, c := range [][3]uint64{{1, 2, 3}, {1 << 63, 1 << 63, 0}, {^uint64(0), 5, 4}} {
		values := []Slot{{c[0]}, {c[1]}}
		if err := call(t, m, l, vmctx, values, nil); err != nil {
			t.Fatal(err)
		}
		if values[0][0] != c[2] {
			t.Errorf("%d + %d = %d, want %d", c[0], c[1], values[0][0], c[2])
		}
	}
}

// hostDouble is the host function of the hostloop program: import 7
// returns twice its argument.
func hostDouble(calls *int) ExitHandler {
	return func(m *Machine, k vm.ExitKind) error {
		sc := m.Context()
		if k != vm.ExitHostCall || sc.ExitArgs[0] != 7 {
			return fmt.Errorf("unexpected exit %v args %v", k, sc.ExitArgs)
		}
		*calls++
		sc.ExitArgs[0] = 2 * sc.ExitArgs[1]
		return nil
	}
}

func TestHostCallLoop(t *testing.T) {
	l := load(t, "hostloop")
	m, vmctx := newVM(t, testStack)
	for _, n := range []uint64{0, 1, 1000} {
		calls := 0
		values := []Slot{{n}}
		if err := call(t, m, l, vmctx, values, hostDouble(&calls)); err != nil {
			t.Fatal(err)
		}
		if want := n * (n - 1); values[0][0] != want || uint64(calls) != n {
			t.Errorf("n=%d: sum %d (want %d), %d host calls", n, values[0][0], want, calls)
		}
	}
}

func TestHostError(t *testing.T) {
	l := load(t, "hostloop")
	m, vmctx := newVM(t, testStack)
	boom := errors.New("boom")
	err := call(t, m, l, vmctx, []Slot{{5}}, func(*Machine, vm.ExitKind) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the host's error", err)
	}
	// The machine is usable afterwards.
	calls := 0
	values := []Slot{{3}}
	if err := call(t, m, l, vmctx, values, hostDouble(&calls)); err != nil || values[0][0] != 6 {
		t.Fatalf("after a host error: %v, %d", err, values[0][0])
	}
}

// TestNestedCall re-enters compiled code from a host call: the inner call
// runs below the suspended outer activation on the same stack.
func TestNestedCall(t *testing.T) {
	l := load(t, "hostloop")
	m, vmctx := newVM(t, testStack)
	var depth int
	var h ExitHandler
	h = func(m *Machine, k vm.ExitKind) error {
		sc := m.Context()
		arg := sc.ExitArgs[1]
		if depth < 3 {
			depth++
			values := []Slot{{arg + 1}}
			if err := call(t, m, l, vmctx, values, h); err != nil {
				return err
			}
			depth--
			sc.ExitArgs[0] = values[0][0]
			return nil
		}
		sc.ExitArgs[0] = 2 * arg
		return nil
	}
	values := []Slot{{3}}
	if err := call(t, m, l, vmctx, values, h); err != nil {
		t.Fatal(err)
	}
	// Reference: the same recursion in Go.
	var ref func(n uint64, depth int) uint64
	ref = func(n uint64, depth int) uint64 {
		var sum uint64
		for i := range n {
			if depth < 3 {
				sum += ref(i+1, depth+1)
			} else {
				sum += 2 * i
			}
		}
		return sum
	}
	if want := ref(3, 0); values[0][0] != want {
		t.Errorf("nested result %d, want %d", values[0][0], want)
	}
}

func TestTrapBacktrace(t *testing.T) {
	l := load(t, "trap3")
	m, vmctx := newVM(t, testStack)
	err := call(t, m, l, vmctx, nil, nil)
	var trap *Trap
	if !errors.As(err, &trap) {
		t.Fatalf("err = %v, want a *Trap", err)
	}
	if trap.Code != vm.TrapUnreachable || trap.Error() != "wasm trap: unreachable" {
		t.Errorf("trap %v (%q)", trap.Code, trap.Error())
	}
	var got []string
	for _, f := range trap.Frames {
		s := Symbolize(l.art, l.code, f.PC)
		got = append(got, fmt.Sprintf("func%d@%d", s.Func, s.WasmOffset))
	}
	want := []string{"func2@300", "func1@200", "func0@100"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("backtrace %v, want %v", got, want)
	}
}

func TestTrapRecordLookup(t *testing.T) {
	l := load(t, "traprecord")
	m, vmctx := newVM(t, testStack)
	var trap *Trap
	if err := call(t, m, l, vmctx, nil, nil); !errors.As(err, &trap) {
		t.Fatalf("err = %v, want a *Trap", err)
	}
	if trap.Code != vm.TrapNone {
		t.Fatalf("code %v, want TrapNone (left to the record)", trap.Code)
	}
	off := uint32(trap.Frames[0].PC - 1 - l.code.Base())
	if c := l.art.TrapAt(off); c != vm.TrapIntegerDivideByZero {
		t.Errorf("TrapAt(%d) = %v, want int_divz", off, c)
	}
}

func TestStackOverflow(t *testing.T) {
	l := load(t, "recurse")
	m, vmctx := newVM(t, testStack)
	for range 2 { // the machine is reusable after an overflow
		var trap *Trap
		if err := call(t, m, l, vmctx, nil, nil); !errors.As(err, &trap) || trap.Code != vm.TrapStackOverflow {
			t.Fatalf("err = %v, want stack overflow", err)
		}
		// 64-byte frames on a 1 MiB stack: the backtrace covers them all.
		if n := len(trap.Frames); n < testStack/64*9/10 || n > testStack/64 {
			t.Errorf("%d frames, want about %d", n, testStack/64)
		}
		if msg := trap.Error(); msg != "wasm trap: call stack exhausted" {
			t.Errorf("message %q", msg)
		}
	}
}

// TestPreemptionGCLatency runs a multi-second wasm loop with the
// preemption check while another goroutine runs runtime.GC() repeatedly.
// Without the check every GC would wait for the whole loop; with it each
// waits only until the loop's next back edge. The test asserts the
// mechanism (no GC waits anywhere near the loop's duration) and logs the
// latencies; the speed itself is a benchmark matter.
func TestPreemptionGCLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-second test; run without -short")
	}
	l := load(t, "sumloop")
	m, vmctx := newVM(t, testStack)
	// Calibrate: about 2 seconds of looping.
	n := uint64(1 << 24)
	for {
		start := time.Now()
		if err := call(t, m, l, vmctx, []Slot{{n}}, nil); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			n = uint64(float64(n) * float64(2*time.Second) / float64(d))
			break
		}
		n *= 4
	}
	// On a loaded machine the calibration can be off by a lot (the
	// calibrating call was descheduled); a short loop makes one slow GC
	// look like a blocked one. Retry with a longer loop until it lasts
	// at least minLoop.
	const minLoop = time.Second
	var (
		lat  []time.Duration
		loop time.Duration
	)
	for attempt := 0; ; attempt++ {
		var (
			done = make(chan struct{})
			wg   sync.WaitGroup
		)
		lat = lat[:0]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				start := time.Now()
				runtime.GC()
				lat = append(lat, time.Since(start))
				time.Sleep(time.Millisecond)
			}
		}()
		values := []Slot{{n}}
		start := time.Now()
		err := call(t, m, l, vmctx, values, nil)
		loop = time.Since(start)
		close(done)
		wg.Wait()
		if err != nil {
			t.Fatal(err)
		}
		if want := triangle(n); values[0][0] != want {
			t.Errorf("sum %d, want %d (state lost across preemption exits?)", values[0][0], want)
		}
		if loop >= minLoop || attempt == 3 {
			break
		}
		n = uint64(float64(n) * float64(2*time.Second) / float64(loop))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		t.Fatal("no GC completed")
	}
	worst, p50 := lat[len(lat)-1], lat[len(lat)/2]
	t.Logf("loop %v (%d iterations), %d GCs: p50 %v, p99 %v, worst %v",
		loop, n, len(lat), p50, lat[len(lat)*99/100], worst)
	if worst > loop/2 {
		t.Errorf("worst GC latency %v is a large part of the %v loop: preemption check not effective", worst, loop)
	}
}

// TestInterruptCancels stops an endless loop that polls the interrupt
// flag, by cancelling the call's context.
func TestInterruptCancels(t *testing.T) {
	l := load(t, "spin")
	m, vmctx := newVM(t, testStack)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := m.Call(ctx, l.code, l.entry(), vmctx, nil, nil)
	var trap *Trap
	if !errors.As(err, &trap) || trap.Code != vm.TrapInterrupted || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want an interrupt trap wrapping the deadline", err)
	}
	if atomic.LoadUint32(&m.Context().Interrupt) == 0 {
		t.Errorf("interrupt flag not set")
	}
}

// TestPreemptionCancels: an endless loop with only the preemption check
// still ends when its context is cancelled, because the Go scheduler's
// sysmon asks a goroutine running for more than 10 ms to yield, and Call
// checks the context at every preemption exit.
func TestPreemptionCancels(t *testing.T) {
	l := load(t, "spinpreempt")
	m, vmctx := newVM(t, testStack)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := m.Call(ctx, l.code, l.entry(), vmctx, nil, nil)
	var trap *Trap
	if !errors.As(err, &trap) || trap.Code != vm.TrapInterrupted {
		t.Fatalf("err = %v, want an interrupt trap", err)
	}
}

func TestCancelledBeforeCall(t *testing.T) {
	l := load(t, "const")
	m, vmctx := newVM(t, testStack)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Call(ctx, l.code, l.entry(), vmctx, []Slot{{}}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// TestConcurrentCalls: many goroutines, each with its own Machine, run the
// same code with host calls at once (run it with -race).
func TestConcurrentCalls(t *testing.T) {
	l := load(t, "hostloop")
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		m, vmctx := newVM(t, 64<<10)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				n := uint64(g + i)
				calls := 0
				values := []Slot{{n}}
				if err := m.Call(context.Background(), l.code, l.entry(), vmctx, values, hostDouble(&calls)); err != nil {
					errs <- err
					return
				}
				if values[0][0] != n*(n-1) {
					errs <- fmt.Errorf("goroutine %d: got %d want %d", g, values[0][0], n*(n-1))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestEntryOutsideCode(t *testing.T) {
	l := load(t, "const")
	m, vmctx := newVM(t, testStack)
	if err := m.Call(context.Background(), l.code, l.code.Base()+uintptr(l.code.Len()), vmctx, nil, nil); err == nil {
		t.Fatal("entry outside the code accepted")
	}
}

func TestCodeClose(t *testing.T) {
	if !Supported {
		t.Skip("no JIT on this platform")
	}
	c, err := MapCode([]byte{0xc3})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() == 0 || !c.Contains(c.Base()) {
		t.Fatalf("mapping %d bytes", c.Len())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// triangle is 1+2+...+n modulo 2^64.
func triangle(n uint64) uint64 {
	if n%2 == 0 {
		return n / 2 * (n + 1)
	}
	return (n + 1) / 2 * n
}

// TestHandlerPanic: a panic in an exit handler unwinds out of Call like
// any Go panic (the runtime's embedding layer turns it into an error), and
// the Machine stays usable — the abandoned wasm frames are simply dead
// stack.
func TestHandlerPanic(t *testing.T) {
	l := load(t, "hostloop")
	m, vmctx := newVM(t, testStack)
	func() {
		defer func() {
			if r := recover(); r != "host panic" {
				t.Errorf("recovered %v", r)
			}
		}()
		call(t, m, l, vmctx, []Slot{{5}}, func(*Machine, vm.ExitKind) error { panic("host panic") })
		t.Error("Call returned normally")
	}()
	calls := 0
	values := []Slot{{4}}
	if err := call(t, m, l, vmctx, values, hostDouble(&calls)); err != nil || values[0][0] != 12 {
		t.Fatalf("after a handler panic: %v, %d", err, values[0][0])
	}
}

func TestNewVMContextAligned(t *testing.T) {
	for size := uint32(0); size < 200; size += 8 {
		b := NewVMContext(size)
		if len(b) != int(size) || (size > 0 && uintptr(unsafe.Pointer(&b[0]))%16 != 0) {
			t.Fatalf("NewVMContext(%d): len %d, misaligned", size, len(b))
		}
		for _, x := range b {
			if x != 0 {
				t.Fatalf("NewVMContext(%d) not zeroed", size)
			}
		}
	}
}
