package interp

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"sync"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/simd"
	"kiln/runtime/internal/store"
)

// frame is a caller's saved state on the interpreter's frame stack.
type frame struct {
	fn   *function
	inst *store.Instance
	pc   int
	fp   int
}

// machine is the state of one call from Go into wasm: the value stack
// (locals and operands of every active frame, contiguous) and the frame
// stack. Machines are pooled; a host function that calls back into wasm
// gets a machine of its own.
type machine struct {
	stack   []uint64
	frames  []frame
	scratch []uint64
	imm     [16]byte // immediates of the vector operator being run
}

var machines = sync.Pool{New: func() any { return &machine{stack: make([]uint64, 1024)} }}

// pollInterval is how many loop iterations and calls run between two
// looks at the context and the store's interrupt flag.
const pollInterval = 1 << 10

// maxStackSlots bounds the value stack (64 MiB of words).
const maxStackSlots = 8 << 20

// Call runs the defined function fn of inst (store.Code).
func (c *Code) Call(ctx context.Context, inst *store.Instance, fn uint32, params, results []uint64) (err error) {
	st := inst.Store
	defer func() {
		// An interpreter bug must not take the embedder down.
		if p := recover(); p != nil {
			err = fmt.Errorf("interp: internal error: %v\n%s", p, debug.Stack())
		}
	}()
	body := &c.funcs[fn-uint32(c.Module.NumImportedFuncs)]
	m := machines.Get().(*machine)
	defer machines.Put(m)
	m.frames = m.frames[:0]
	if len(params) > len(m.stack) {
		m.stack = make([]uint64, 2*len(params))
	}
	copy(m.stack, params)
	depth := st.Depth
	err = m.run(ctx, st, inst, body, len(params))
	st.Depth = depth
	if err != nil {
		return err
	}
	copy(results, m.stack[:body.results])
	return nil
}

// trap builds a trap with the backtrace of the machine's frames, the
// current one (fn at pc) innermost.
func (m *machine) trap(code vm.TrapCode, inst *store.Instance, fn *function, pc int) *store.Trap {
	return m.backtrace(store.TrapOf(code), inst, fn, pc)
}

// backtrace appends the machine's frames to t's backtrace.
func (m *machine) backtrace(t *store.Trap, inst *store.Instance, fn *function, pc int) *store.Trap {
	t.Backtrace = append(t.Backtrace, fn.frame(inst, pc-1))
	for i := len(m.frames) - 1; i >= 0; i-- {
		f := &m.frames[i]
		t.Backtrace = append(t.Backtrace, f.fn.frame(f.inst, f.pc-1))
	}
	return t
}

// frame returns the backtrace frame of the instruction at pc.
func (fn *function) frame(inst *store.Instance, pc int) store.Frame {
	off := -1
	if pc >= 0 && pc < len(fn.offsets) {
		off = int(fn.offsets[pc])
	}
	return inst.Frame(fn.funcIndex, off)
}

// grow makes room for need slots, or reports the stack exhausted.
func (m *machine) grow(need int) bool {
	if need > maxStackSlots {
		return false
	}
	n := 2 * len(m.stack)
	for n < need {
		n *= 2
	}
	s := make([]uint64, n)
	copy(s, m.stack)
	m.stack = s
	return true
}

// callOut runs a function the machine does not run itself (a host
// function or a function of another tier) through the store, with the
// machine's frames counted in the store's depth, and appends the
// machine's frames to a trap's backtrace.
func (m *machine) callOut(ctx context.Context, st *store.Store, inst *store.Instance, fn *function, pc int, callee *store.Function, params, results []uint64) error {
	err := st.Call(ctx, inst, callee, params, results)
	if err == nil {
		return nil
	}
	if exn, ok := err.(*store.Exception); ok {
		return exn
	}
	t, ok := err.(*store.Trap)
	if !ok {
		t = &store.Trap{Code: vm.TrapHostError, Cause: err}
	}
	return m.backtrace(t, inst, fn, pc)
}

// unwind finds the handler of exn, starting at the instruction before pc
// in fn and walking out through the machine's frames. It returns the
// state to continue at, or ok == false when no frame of this machine
// catches it (the frames are popped either way).
func (m *machine) unwind(st *store.Store, exn *store.Exception, inst *store.Instance, fn *function, pc, fp int) (*store.Instance, *function, int, int, int, bool) {
	for {
		at := uint32(pc - 1)
		for i := len(fn.tries) - 1; i >= 0; {
			t := &fn.tries[i]
			if at < t.start || at >= t.end {
				i--
				continue
			}
			if t.delegate {
				i = int(t.next)
				continue
			}
			for k := range 2 {
				cs := t.own
				if k == 0 {
					cs = fn.catches[t.catchStart:t.catchEnd]
				}
				for _, c := range cs {
					if c.tag >= 0 && inst.Tags[c.tag] != exn.Tag {
						continue
					}
					sp := fp + int(c.height)
					need := sp + len(exn.Payload) + 1
					if need > len(m.stack) && !m.grow(need) {
						return inst, fn, pc, fp, sp, false
					}
					sp += copy(m.stack[sp:], exn.Payload)
					if c.ref {
						m.stack[sp] = st.ExnRef(exn)
						sp++
					}
					if c.slot >= 0 {
						m.stack[fp+int(c.slot)] = st.ExnRef(exn)
					}
					return inst, fn, int(c.pc), fp, sp, true
				}
			}
			i--
		}
		if len(m.frames) == 0 {
			return inst, fn, pc, fp, 0, false
		}
		st.Depth--
		top := &m.frames[len(m.frames)-1]
		fn, inst, pc, fp = top.fn, top.inst, top.pc, top.fp
		m.frames = m.frames[:len(m.frames)-1]
	}
}

// interrupted polls the call's context and the store's interrupt flag.
func interrupted(done <-chan struct{}, st *store.Store) vm.TrapCode {
	if st.Interrupted() {
		return vm.TrapInterrupted
	}
	select {
	case <-done:
		return vm.TrapInterrupted
	default:
	}
	return vm.TrapNone
}

func f32(v uint64) float32  { return math.Float32frombits(uint32(v)) }
func f64(v uint64) float64  { return math.Float64frombits(v) }
func pf32(x float32) uint64 { return uint64(math.Float32bits(x)) }
func pf64(x float64) uint64 { return math.Float64bits(x) }
func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// bounds checks an access of size bytes at addr+off in a memory of n
// bytes without overflowing, and returns the effective address.
func bounds(addr, off, size uint64, n int) (uint64, bool) {
	ea := addr + off
	if ea < addr {
		return 0, false
	}
	end := ea + size
	if end < ea || end > uint64(n) {
		return 0, false
	}
	return ea, true
}

var le = binary.LittleEndian

// run executes fn of inst, whose nargs parameter words are at the bottom
// of m.stack. Results end at the bottom of the stack.
func (m *machine) run(ctx context.Context, st *store.Store, inst *store.Instance, fn *function, nargs int) error {
	s := m.stack
	fp := 0
	pc := 0
	maxDepth := st.Limits.MaxCallDepth
	if st.Depth >= maxDepth {
		return m.trap(vm.TrapStackOverflow, inst, fn, pc)
	}
	st.Depth++
	need := int(fn.locals + fn.maxStack + 16)
	if need > len(s) {
		if !m.grow(need) {
			return m.trap(vm.TrapStackOverflow, inst, fn, pc)
		}
		s = m.stack
	}
	clear(s[nargs:fn.locals])
	sp := int(fn.locals)
	code := fn.code
	var mem0 []byte
	if len(inst.Memories) > 0 {
		mem0 = inst.Memories[0].Bytes
	}
	poll := pollInterval
	fuelOn := st.FuelEnabled
	done := ctx.Done()

	var callee *store.Function
	for {
		in := &code[pc]
		pc++
		switch in.op {
		case uint16(wasm.OpUnreachable):
			return m.trap(vm.TrapUnreachable, inst, fn, pc)
		case opBr:
			pc = int(in.a)
		case opBrMove:
			n := int(in.c)
			copy(s[fp+int(in.b):], s[sp-n:sp])
			sp = fp + int(in.b) + n
			pc = int(in.a)
		case opBrIf:
			sp--
			if uint32(s[sp]) != 0 {
				pc = int(in.a)
			}
		case opBrIfMove:
			sp--
			if uint32(s[sp]) != 0 {
				n := int(in.c)
				copy(s[fp+int(in.b):], s[sp-n:sp])
				sp = fp + int(in.b) + n
				pc = int(in.a)
			}
		case opBrIfNot:
			sp--
			if uint32(s[sp]) == 0 {
				pc = int(in.a)
			}
		case opBrIfEqz:
			sp--
			if uint32(s[sp]) == 0 {
				pc = int(in.a)
			}
		case opBrIfI32LtS:
			sp -= 2
			if int32(s[sp]) < int32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrIfI32LtU:
			sp -= 2
			if uint32(s[sp]) < uint32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrIfI32GeS:
			sp -= 2
			if int32(s[sp]) >= int32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrIfI32GeU:
			sp -= 2
			if uint32(s[sp]) >= uint32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrIfI32Ne:
			sp -= 2
			if uint32(s[sp]) != uint32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrIfI32Eq:
			sp -= 2
			if uint32(s[sp]) == uint32(s[sp+1]) {
				pc = int(in.a)
			}
		case opBrTable:
			sp--
			i := uint64(uint32(s[sp]))
			if i > uint64(in.b) {
				i = uint64(in.b)
			}
			e := &fn.brTables[uint64(in.a)+i]
			n := int(e.arity)
			if fp+int(e.height) != sp-n {
				copy(s[fp+int(e.height):], s[sp-n:sp])
				sp = fp + int(e.height) + n
			}
			pc = int(e.pc)
		case opLoop:
			poll--
			if poll <= 0 {
				poll = pollInterval
				if c := interrupted(done, st); c != vm.TrapNone {
					return m.trap(c, inst, fn, pc)
				}
			}
			if fuelOn {
				if st.Fuel <= 0 {
					return m.trap(vm.TrapOutOfFuel, inst, fn, pc)
				}
				st.Fuel--
			}
		case opReturn:
			n := int(in.c)
			copy(s[fp:], s[sp-n:sp])
			sp = fp + n
			if len(m.frames) == 0 {
				return nil
			}
			st.Depth--
			top := &m.frames[len(m.frames)-1]
			fn, inst, pc, fp = top.fn, top.inst, top.pc, top.fp
			m.frames = m.frames[:len(m.frames)-1]
			code = fn.code
			mem0 = nil
			if len(inst.Memories) > 0 {
				mem0 = inst.Memories[0].Bytes
			}
		case opLocalGet:
			s[sp] = s[fp+int(in.a)]
			sp++
		case opLocalGet2:
			s[sp] = s[fp+int(in.a)]
			s[sp+1] = s[fp+int(in.a)+1]
			sp += 2
		case opLocalSet:
			sp--
			s[fp+int(in.a)] = s[sp]
		case opLocalSet2:
			sp -= 2
			s[fp+int(in.a)] = s[sp]
			s[fp+int(in.a)+1] = s[sp+1]
		case opLocalTee:
			s[fp+int(in.a)] = s[sp-1]
		case opLocalTee2:
			s[fp+int(in.a)] = s[sp-2]
			s[fp+int(in.a)+1] = s[sp-1]
		case opConst:
			s[sp] = in.c
			sp++
		case opConst2:
			s[sp] = in.c
			s[sp+1] = fn.v128Hi[in.a]
			sp += 2
		case opDrop:
			sp -= int(in.a)
		case opSelect:
			sp--
			n := int(in.a)
			if uint32(s[sp]) == 0 {
				copy(s[sp-2*n:], s[sp-n:sp])
			}
			sp -= n
		case opGlobalGet:
			g := inst.Globals[in.a]
			s[sp] = g.Lo
			if in.b == 2 {
				s[sp+1] = g.Hi
			}
			sp += int(in.b)
		case opGlobalSet:
			g := inst.Globals[in.a]
			sp -= int(in.b)
			g.Lo = s[sp]
			if in.b == 2 {
				g.Hi = s[sp+1]
			}
		case opAddLocalLocalI32:
			s[sp] = uint64(uint32(s[fp+int(in.a)] + s[fp+int(in.b)]))
			sp++
		case opAddConstI32:
			s[sp-1] = uint64(uint32(s[sp-1] + in.c))
		case opIncLocalI32:
			s[fp+int(in.a)] = uint64(uint32(s[fp+int(in.a)] + in.c))

		case opBrOnNull:
			if s[sp-1] == 0 {
				sp--
				n := int(in.c)
				copy(s[fp+int(in.b):], s[sp-n:sp])
				sp = fp + int(in.b) + n
				pc = int(in.a)
			}
		case opBrOnNonNull:
			if s[sp-1] != 0 {
				n := int(in.c)
				copy(s[fp+int(in.b):], s[sp-n:sp])
				sp = fp + int(in.b) + n
				pc = int(in.a)
			} else {
				sp--
			}
		case uint16(wasm.OpRefAsNonNull):
			if s[sp-1] == 0 {
				return m.trap(vm.TrapNullReference, inst, fn, pc)
			}

		case opCall, opCallIndirect, opReturnCall, opReturnCallIndirect, opCallRef, opReturnCallRef:
			if in.op == opCall || in.op == opReturnCall {
				callee = inst.Funcs[in.a]
			} else if in.op == opCallRef || in.op == opReturnCallRef {
				sp--
				if callee = st.Func(s[sp]); callee == nil {
					t := m.trap(vm.TrapNullReference, inst, fn, pc)
					t.Text = "null function reference"
					return t
				}
			} else {
				sp--
				tb := inst.Tables[in.b]
				i := s[sp]
				if i >= uint64(len(tb.Elems)) {
					return m.trap(vm.TrapIndirectCallOutOfBounds, inst, fn, pc)
				}
				callee = st.Func(tb.Elems[i])
				if callee == nil {
					t := m.trap(vm.TrapIndirectCallToNull, inst, fn, pc)
					t.Detail = strconv.FormatUint(i, 10)
					return t
				}
				if callee.TypeID != inst.TypeIDs[in.a] && !st.SubTypeOf(callee.TypeID, inst.TypeIDs[in.a]) {
					return m.trap(vm.TrapBadSignature, inst, fn, pc)
				}
			}
			poll--
			if poll <= 0 {
				poll = pollInterval
				if c := interrupted(done, st); c != vm.TrapNone {
					return m.trap(c, inst, fn, pc)
				}
			}
			if fuelOn {
				if st.Fuel <= 0 {
					return m.trap(vm.TrapOutOfFuel, inst, fn, pc)
				}
				st.Fuel--
			}
			tail := in.op == opReturnCall || in.op == opReturnCallIndirect || in.op == opReturnCallRef
			var body *function
			if callee.Host == nil {
				if c, ok := callee.Instance.Code.(*Code); ok {
					body = &c.funcs[callee.Index-uint32(c.Module.NumImportedFuncs)]
				}
			}
			if body == nil {
				// A host function or another tier's function: run it
				// through the store, then continue (or return, for a
				// tail call) with its results on the stack.
				np, nr := callee.Type.Words()
				if cap(m.scratch) < nr {
					m.scratch = make([]uint64, nr)
				}
				res := m.scratch[:nr]
				if err := m.callOut(ctx, st, inst, fn, pc, callee, s[sp-np:sp], res); err != nil {
					exn, ok := err.(*store.Exception)
					if !ok {
						return err
					}
					if inst, fn, pc, fp, sp, ok = m.unwind(st, exn, inst, fn, pc, fp); !ok {
						return exn
					}
					s, code = m.stack, fn.code
					mem0 = nil
					if len(inst.Memories) > 0 {
						mem0 = inst.Memories[0].Bytes
					}
					continue
				}
				sp -= np
				if sp+nr > len(s) {
					if !m.grow(sp + nr) {
						return m.trap(vm.TrapStackOverflow, inst, fn, pc)
					}
					s = m.stack
				}
				copy(s[sp:], res)
				sp += nr
				if len(inst.Memories) > 0 {
					mem0 = inst.Memories[0].Bytes
				}
				if tail {
					copy(s[fp:], s[sp-nr:sp])
					sp = fp + nr
					if len(m.frames) == 0 {
						return nil
					}
					st.Depth--
					top := &m.frames[len(m.frames)-1]
					fn, inst, pc, fp = top.fn, top.inst, top.pc, top.fp
					m.frames = m.frames[:len(m.frames)-1]
					code = fn.code
					mem0 = nil
					if len(inst.Memories) > 0 {
						mem0 = inst.Memories[0].Bytes
					}
				}
				continue
			}
			np := int(body.params)
			if tail {
				copy(s[fp:], s[sp-np:sp])
				sp = fp + np
			} else {
				if st.Depth >= maxDepth {
					return m.trap(vm.TrapStackOverflow, inst, fn, pc)
				}
				st.Depth++
				m.frames = append(m.frames, frame{fn: fn, inst: inst, pc: pc, fp: fp})
			}
			fp = sp - np
			if need := fp + int(body.locals+body.maxStack) + 16; need > len(s) {
				if !m.grow(need) {
					return m.trap(vm.TrapStackOverflow, inst, fn, pc)
				}
				s = m.stack
			}
			clear(s[sp : fp+int(body.locals)])
			sp = fp + int(body.locals)
			fn = body
			code = fn.code
			pc = 0
			if callee.Instance != inst {
				inst = callee.Instance
				mem0 = nil
				if len(inst.Memories) > 0 {
					mem0 = inst.Memories[0].Bytes
				}
			}

		// Memory.
		case opLoad32Local:
			ea, ok := bounds(s[fp+int(in.a)], in.c, 4, len(mem0))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp] = uint64(le.Uint32(mem0[ea:]))
			sp++
		case opLoad64Local:
			ea, ok := bounds(s[fp+int(in.a)], in.c, 8, len(mem0))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp] = le.Uint64(mem0[ea:])
			sp++
		case opLoad8ULocal:
			ea := s[fp+int(in.a)] + in.c
			if ea < in.c || ea >= uint64(len(mem0)) {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp] = uint64(mem0[ea])
			sp++
		case opLoad16ULocal:
			ea, ok := bounds(s[fp+int(in.a)], in.c, 2, len(mem0))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp] = uint64(le.Uint16(mem0[ea:]))
			sp++
		case uint16(wasm.OpI32Load), uint16(wasm.OpF32Load):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea, ok := bounds(s[sp-1], in.c, 4, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp-1] = uint64(le.Uint32(mem[ea:]))
		case uint16(wasm.OpI64Load), uint16(wasm.OpF64Load):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea, ok := bounds(s[sp-1], in.c, 8, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp-1] = le.Uint64(mem[ea:])
		case uint16(wasm.OpI32Load8U), uint16(wasm.OpI64Load8U):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea := s[sp-1] + in.c
			if ea < in.c || ea >= uint64(len(mem)) {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			s[sp-1] = uint64(mem[ea])
		case uint16(wasm.OpI32Load8S), uint16(wasm.OpI64Load8S):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea, ok := bounds(s[sp-1], in.c, 1, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			if in.op == uint16(wasm.OpI32Load8S) {
				s[sp-1] = uint64(uint32(int32(int8(mem[ea]))))
			} else {
				s[sp-1] = uint64(int64(int8(mem[ea])))
			}
		case uint16(wasm.OpI32Load16S), uint16(wasm.OpI32Load16U), uint16(wasm.OpI64Load16S), uint16(wasm.OpI64Load16U):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea, ok := bounds(s[sp-1], in.c, 2, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			v := le.Uint16(mem[ea:])
			switch in.op {
			case uint16(wasm.OpI32Load16S):
				s[sp-1] = uint64(uint32(int32(int16(v))))
			case uint16(wasm.OpI64Load16S):
				s[sp-1] = uint64(int64(int16(v)))
			default:
				s[sp-1] = uint64(v)
			}
		case uint16(wasm.OpI64Load32S), uint16(wasm.OpI64Load32U):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			ea, ok := bounds(s[sp-1], in.c, 4, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			v := le.Uint32(mem[ea:])
			if in.op == uint16(wasm.OpI64Load32S) {
				s[sp-1] = uint64(int64(int32(v)))
			} else {
				s[sp-1] = uint64(v)
			}
		case uint16(wasm.OpI32Store), uint16(wasm.OpF32Store), uint16(wasm.OpI64Store32):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			sp -= 2
			ea, ok := bounds(s[sp], in.c, 4, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			le.PutUint32(mem[ea:], uint32(s[sp+1]))
		case uint16(wasm.OpI64Store), uint16(wasm.OpF64Store):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			sp -= 2
			ea, ok := bounds(s[sp], in.c, 8, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			le.PutUint64(mem[ea:], s[sp+1])
		case uint16(wasm.OpI32Store8), uint16(wasm.OpI64Store8):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			sp -= 2
			ea, ok := bounds(s[sp], in.c, 1, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			mem[ea] = byte(s[sp+1])
		case uint16(wasm.OpI32Store16), uint16(wasm.OpI64Store16):
			mem := mem0
			if in.a != 0 {
				mem = inst.Memories[in.a].Bytes
			}
			sp -= 2
			ea, ok := bounds(s[sp], in.c, 2, len(mem))
			if !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
			le.PutUint16(mem[ea:], uint16(s[sp+1]))
		case uint16(wasm.OpMemorySize):
			s[sp] = inst.Memories[in.a].Pages()
			sp++
		case uint16(wasm.OpMemoryGrow):
			mem := inst.Memories[in.a]
			r := st.GrowMemory(mem, s[sp-1])
			if mem.Type.Memory64 {
				s[sp-1] = uint64(r)
			} else {
				s[sp-1] = uint64(uint32(r))
			}
			mem0 = inst.Memories[0].Bytes
		case prefixFC + uint16(wasm.OpMemoryInit&0xffff):
			sp -= 3
			if err := inst.Memories[in.b].Init(s[sp], &inst.Datas[in.a], uint64(uint32(s[sp+1])), uint64(uint32(s[sp+2]))); err != nil {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
		case prefixFC + uint16(wasm.OpDataDrop&0xffff):
			inst.Datas[in.a].Drop()
		case prefixFC + uint16(wasm.OpMemoryCopy&0xffff):
			sp -= 3
			if err := inst.Memories[in.a].Copy(s[sp], inst.Memories[in.b], s[sp+1], s[sp+2]); err != nil {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}
		case prefixFC + uint16(wasm.OpMemoryFill&0xffff):
			sp -= 3
			if err := inst.Memories[in.a].Fill(s[sp], byte(s[sp+1]), s[sp+2]); err != nil {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}

		// Tables and references.
		case uint16(wasm.OpTableGet):
			tb := inst.Tables[in.a]
			i := s[sp-1]
			if i >= uint64(len(tb.Elems)) {
				return m.trap(vm.TrapTableOutOfBounds, inst, fn, pc)
			}
			s[sp-1] = tb.Elems[i]
		case uint16(wasm.OpTableSet):
			sp -= 2
			tb := inst.Tables[in.a]
			i := s[sp]
			if i >= uint64(len(tb.Elems)) {
				return m.trap(vm.TrapTableOutOfBounds, inst, fn, pc)
			}
			tb.Elems[i] = s[sp+1]
		case prefixFC + uint16(wasm.OpTableSize&0xffff):
			s[sp] = uint64(len(inst.Tables[in.a].Elems))
			sp++
		case prefixFC + uint16(wasm.OpTableGrow&0xffff):
			sp--
			tb := inst.Tables[in.a]
			r := tb.Grow(s[sp], s[sp-1])
			if tb.Type.Table64 {
				s[sp-1] = uint64(r)
			} else {
				s[sp-1] = uint64(uint32(r))
			}
		case prefixFC + uint16(wasm.OpTableFill&0xffff):
			sp -= 3
			if err := inst.Tables[in.a].Fill(s[sp], s[sp+1], s[sp+2]); err != nil {
				return m.trap(vm.TrapTableOutOfBounds, inst, fn, pc)
			}
		case prefixFC + uint16(wasm.OpTableCopy&0xffff):
			sp -= 3
			if err := inst.Tables[in.a].Copy(s[sp], inst.Tables[in.b], s[sp+1], s[sp+2]); err != nil {
				return m.trap(vm.TrapTableOutOfBounds, inst, fn, pc)
			}
		case prefixFC + uint16(wasm.OpTableInit&0xffff):
			sp -= 3
			if err := inst.Tables[in.b].Init(s[sp], &inst.Elems[in.a], uint64(uint32(s[sp+1])), uint64(uint32(s[sp+2]))); err != nil {
				return m.trap(vm.TrapTableOutOfBounds, inst, fn, pc)
			}
		case prefixFC + uint16(wasm.OpElemDrop&0xffff):
			inst.Elems[in.a].Drop()
		case uint16(wasm.OpRefIsNull):
			s[sp-1] = b2u(s[sp-1] == 0)
		case uint16(wasm.OpRefFunc):
			s[sp] = st.FuncRef(inst.Funcs[in.a])
			sp++

		// The hottest numeric operators are inlined here; numeric
		// handles every other one.
		case uint16(wasm.OpI32Add):
			sp--
			s[sp-1] = uint64(uint32(s[sp-1] + s[sp]))
		case uint16(wasm.OpI32Sub):
			sp--
			s[sp-1] = uint64(uint32(s[sp-1] - s[sp]))
		case uint16(wasm.OpI32Mul):
			sp--
			s[sp-1] = uint64(uint32(s[sp-1]) * uint32(s[sp]))
		case uint16(wasm.OpI32And):
			sp--
			s[sp-1] &= s[sp]
		case uint16(wasm.OpI32Or):
			sp--
			s[sp-1] |= s[sp]
		case uint16(wasm.OpI32Xor):
			sp--
			s[sp-1] ^= s[sp]
		case uint16(wasm.OpI32Shl):
			sp--
			s[sp-1] = uint64(uint32(s[sp-1]) << (s[sp] & 31))
		case uint16(wasm.OpI32ShrU):
			sp--
			s[sp-1] = uint64(uint32(s[sp-1]) >> (s[sp] & 31))
		case uint16(wasm.OpI32Eqz):
			s[sp-1] = b2u(uint32(s[sp-1]) == 0)
		case uint16(wasm.OpI32Eq):
			sp--
			s[sp-1] = b2u(uint32(s[sp-1]) == uint32(s[sp]))
		case uint16(wasm.OpI32Ne):
			sp--
			s[sp-1] = b2u(uint32(s[sp-1]) != uint32(s[sp]))
		case uint16(wasm.OpI32LtS):
			sp--
			s[sp-1] = b2u(int32(s[sp-1]) < int32(s[sp]))
		case uint16(wasm.OpI32LtU):
			sp--
			s[sp-1] = b2u(uint32(s[sp-1]) < uint32(s[sp]))
		case uint16(wasm.OpI32GtS):
			sp--
			s[sp-1] = b2u(int32(s[sp-1]) > int32(s[sp]))
		case uint16(wasm.OpI64Add):
			sp--
			s[sp-1] += s[sp]
		case uint16(wasm.OpI64Sub):
			sp--
			s[sp-1] -= s[sp]
		case uint16(wasm.OpI64Mul):
			sp--
			s[sp-1] *= s[sp]
		case uint16(wasm.OpF64Add):
			sp--
			s[sp-1] = pf64(f64(s[sp-1]) + f64(s[sp]))
		case uint16(wasm.OpF64Sub):
			sp--
			s[sp-1] = pf64(f64(s[sp-1]) - f64(s[sp]))
		case uint16(wasm.OpF64Mul):
			sp--
			s[sp-1] = pf64(f64(s[sp-1]) * f64(s[sp]))

		case opThrow, opThrowRef, opRethrow:
			var exn *store.Exception
			if in.op == opRethrow {
				if exn = st.Exn(s[fp+int(in.a)]); exn == nil {
					return m.trap(vm.TrapUnreachable, inst, fn, pc) // validation rules this out
				}
			} else if in.op == opThrow {
				tag := inst.Tags[in.a]
				n, _ := tag.Type.Words()
				exn = &store.Exception{Tag: tag, Payload: append([]uint64(nil), s[sp-n:sp]...)}
				sp -= n
			} else {
				sp--
				if exn = st.Exn(s[sp]); exn == nil {
					t := m.trap(vm.TrapNullReference, inst, fn, pc)
					t.Text = "null exception reference"
					return t
				}
			}
			var ok bool
			if inst, fn, pc, fp, sp, ok = m.unwind(st, exn, inst, fn, pc, fp); !ok {
				return exn
			}
			s, code = m.stack, fn.code
			mem0 = nil
			if len(inst.Memories) > 0 {
				mem0 = inst.Memories[0].Bytes
			}

		case opStructNew, opStructNewDefault, opStructGet, opStructSet, opArrayNew, opArrayNewDefault,
			opArrayNewFixed, opArrayNewData, opArrayNewElem, opArrayGet, opArraySet, opArrayLen, opArrayFill,
			opArrayCopy, opArrayInitData, opArrayInitElem, opRefTest, opRefCast, opBrOnCast, opBrOnCastFail,
			opRefI31, opI31GetS, opI31GetU, opAnyConvertExtern, opExternConvertAny, opRefEq:
			var to int
			var t *store.Trap
			if sp, to, t = m.execGC(st, inst, fn, in, s, sp, fp); t != nil {
				return m.backtrace(t, inst, fn, pc)
			}
			if to >= 0 {
				pc = to
			}

		case opAtomic:
			var t *store.Trap
			if sp, t = execAtomic(in.b, inst.Memories[in.a], in.c, s, sp, done); t != nil {
				return m.backtrace(t, inst, fn, pc)
			}

		case opSimd:
			m.imm[0] = byte(in.a)
			sp = simd.Exec(in.b, &m.imm, s, sp)
		case opSimdShuffle:
			binary.LittleEndian.PutUint64(m.imm[:8], in.c)
			binary.LittleEndian.PutUint64(m.imm[8:], fn.v128Hi[in.a])
			sp = simd.Exec(in.b, &m.imm, s, sp)
		case opSimdMem:
			mem := inst.Memories[in.a]
			var ok bool
			if sp, ok = simd.Memory(in.b&0xffff, in.c, byte(in.b>>16), mem.Bytes, mem.Type.Memory64, s, sp); !ok {
				return m.trap(vm.TrapMemoryOutOfBounds, inst, fn, pc)
			}

		case uint16(wasm.OpI32GtU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(uint32(x) > uint32(y))
		case uint16(wasm.OpI32LeS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int32(x) <= int32(y))
		case uint16(wasm.OpI32LeU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(uint32(x) <= uint32(y))
		case uint16(wasm.OpI32GeS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int32(x) >= int32(y))
		case uint16(wasm.OpI32GeU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(uint32(x) >= uint32(y))
		case uint16(wasm.OpI32ShrS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = uint64(uint32(int32(x) >> (y & 31)))
		case uint16(wasm.OpI64Eq):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x == y)
		case uint16(wasm.OpI64Ne):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x != y)
		case uint16(wasm.OpI64LtS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int64(x) < int64(y))
		case uint16(wasm.OpI64LtU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x < y)
		case uint16(wasm.OpI64GtS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int64(x) > int64(y))
		case uint16(wasm.OpI64GtU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x > y)
		case uint16(wasm.OpI64LeS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int64(x) <= int64(y))
		case uint16(wasm.OpI64LeU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x <= y)
		case uint16(wasm.OpI64GeS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(int64(x) >= int64(y))
		case uint16(wasm.OpI64GeU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(x >= y)
		case uint16(wasm.OpI64And):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = x & y
		case uint16(wasm.OpI64Or):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = x | y
		case uint16(wasm.OpI64Xor):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = x ^ y
		case uint16(wasm.OpI64Shl):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = x << (y & 63)
		case uint16(wasm.OpI64ShrS):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = uint64(int64(x) >> (y & 63))
		case uint16(wasm.OpI64ShrU):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = x >> (y & 63)
		case uint16(wasm.OpF64Div):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = pf64(f64(x) / f64(y))
		case uint16(wasm.OpF64Eq):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) == f64(y))
		case uint16(wasm.OpF64Ne):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) != f64(y))
		case uint16(wasm.OpF64Lt):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) < f64(y))
		case uint16(wasm.OpF64Gt):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) > f64(y))
		case uint16(wasm.OpF64Le):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) <= f64(y))
		case uint16(wasm.OpF64Ge):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = b2u(f64(x) >= f64(y))
		case uint16(wasm.OpF32Add):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = pf32(f32(x) + f32(y))
		case uint16(wasm.OpF32Sub):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = pf32(f32(x) - f32(y))
		case uint16(wasm.OpF32Mul):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = pf32(f32(x) * f32(y))
		case uint16(wasm.OpF32Div):
			sp--
			x, y := s[sp-1], s[sp]
			s[sp-1] = pf32(f32(x) / f32(y))
		case uint16(wasm.OpI64Eqz):
			x := s[sp-1]
			s[sp-1] = b2u(x == 0)
		case uint16(wasm.OpI64ExtendI32U):
			x := s[sp-1]
			s[sp-1] = uint64(uint32(x))
		case uint16(wasm.OpI64ExtendI32S):
			x := s[sp-1]
			s[sp-1] = uint64(int64(int32(x)))
		case uint16(wasm.OpI32WrapI64):
			x := s[sp-1]
			s[sp-1] = uint64(uint32(x))
		case uint16(wasm.OpF64ConvertI32U):
			x := s[sp-1]
			s[sp-1] = pf64(float64(uint32(x)))
		case uint16(wasm.OpF64ConvertI32S):
			x := s[sp-1]
			s[sp-1] = pf64(float64(int32(x)))
		case uint16(wasm.OpF64ConvertI64S):
			x := s[sp-1]
			s[sp-1] = pf64(float64(int64(x)))
		// Fused binary operators (fused.go).
		case fuseSI + 0: // I32Add
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(x + y))
		case fuseSI + 1: // I32Sub
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(x - y))
		case fuseSI + 2: // I32Mul
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(x) * uint32(y))
		case fuseSI + 3: // I32And
			x, y := s[sp-1], in.c
			s[sp-1] = x & y
		case fuseSI + 4: // I32Or
			x, y := s[sp-1], in.c
			s[sp-1] = x | y
		case fuseSI + 5: // I32Xor
			x, y := s[sp-1], in.c
			s[sp-1] = x ^ y
		case fuseSI + 6: // I32Shl
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(x) << (y & 31))
		case fuseSI + 7: // I32ShrU
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(x) >> (y & 31))
		case fuseSI + 8: // I32ShrS
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseSI + 9: // I32Eq
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) == uint32(y))
		case fuseSI + 10: // I32Ne
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) != uint32(y))
		case fuseSI + 11: // I32LtS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int32(x) < int32(y))
		case fuseSI + 12: // I32LtU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) < uint32(y))
		case fuseSI + 13: // I32GtS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int32(x) > int32(y))
		case fuseSI + 14: // I32GtU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) > uint32(y))
		case fuseSI + 15: // I32LeS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int32(x) <= int32(y))
		case fuseSI + 16: // I32LeU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) <= uint32(y))
		case fuseSI + 17: // I32GeS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int32(x) >= int32(y))
		case fuseSI + 18: // I32GeU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(uint32(x) >= uint32(y))
		case fuseSI + 19: // I64Add
			x, y := s[sp-1], in.c
			s[sp-1] = x + y
		case fuseSI + 20: // I64Sub
			x, y := s[sp-1], in.c
			s[sp-1] = x - y
		case fuseSI + 21: // I64Mul
			x, y := s[sp-1], in.c
			s[sp-1] = x * y
		case fuseSI + 22: // I64And
			x, y := s[sp-1], in.c
			s[sp-1] = x & y
		case fuseSI + 23: // I64Or
			x, y := s[sp-1], in.c
			s[sp-1] = x | y
		case fuseSI + 24: // I64Xor
			x, y := s[sp-1], in.c
			s[sp-1] = x ^ y
		case fuseSI + 25: // I64Shl
			x, y := s[sp-1], in.c
			s[sp-1] = x << (y & 63)
		case fuseSI + 26: // I64ShrS
			x, y := s[sp-1], in.c
			s[sp-1] = uint64(int64(x) >> (y & 63))
		case fuseSI + 27: // I64ShrU
			x, y := s[sp-1], in.c
			s[sp-1] = x >> (y & 63)
		case fuseSI + 28: // I64Eq
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x == y)
		case fuseSI + 29: // I64Ne
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x != y)
		case fuseSI + 30: // I64LtS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int64(x) < int64(y))
		case fuseSI + 31: // I64LtU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x < y)
		case fuseSI + 32: // I64GtS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int64(x) > int64(y))
		case fuseSI + 33: // I64GtU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x > y)
		case fuseSI + 34: // I64LeS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int64(x) <= int64(y))
		case fuseSI + 35: // I64LeU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x <= y)
		case fuseSI + 36: // I64GeS
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(int64(x) >= int64(y))
		case fuseSI + 37: // I64GeU
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(x >= y)
		case fuseSI + 38: // F64Add
			x, y := s[sp-1], in.c
			s[sp-1] = pf64(f64(x) + f64(y))
		case fuseSI + 39: // F64Sub
			x, y := s[sp-1], in.c
			s[sp-1] = pf64(f64(x) - f64(y))
		case fuseSI + 40: // F64Mul
			x, y := s[sp-1], in.c
			s[sp-1] = pf64(f64(x) * f64(y))
		case fuseSI + 41: // F64Div
			x, y := s[sp-1], in.c
			s[sp-1] = pf64(f64(x) / f64(y))
		case fuseSI + 42: // F64Lt
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(f64(x) < f64(y))
		case fuseSI + 43: // F64Gt
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(f64(x) > f64(y))
		case fuseSI + 44: // F64Le
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(f64(x) <= f64(y))
		case fuseSI + 45: // F64Ge
			x, y := s[sp-1], in.c
			s[sp-1] = b2u(f64(x) >= f64(y))
		case fuseSL + 0: // I32Add
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(x + y))
		case fuseSL + 1: // I32Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(x - y))
		case fuseSL + 2: // I32Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(x) * uint32(y))
		case fuseSL + 3: // I32And
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x & y
		case fuseSL + 4: // I32Or
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x | y
		case fuseSL + 5: // I32Xor
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x ^ y
		case fuseSL + 6: // I32Shl
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(x) << (y & 31))
		case fuseSL + 7: // I32ShrU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(x) >> (y & 31))
		case fuseSL + 8: // I32ShrS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseSL + 9: // I32Eq
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) == uint32(y))
		case fuseSL + 10: // I32Ne
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) != uint32(y))
		case fuseSL + 11: // I32LtS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int32(x) < int32(y))
		case fuseSL + 12: // I32LtU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) < uint32(y))
		case fuseSL + 13: // I32GtS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int32(x) > int32(y))
		case fuseSL + 14: // I32GtU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) > uint32(y))
		case fuseSL + 15: // I32LeS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int32(x) <= int32(y))
		case fuseSL + 16: // I32LeU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) <= uint32(y))
		case fuseSL + 17: // I32GeS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int32(x) >= int32(y))
		case fuseSL + 18: // I32GeU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(uint32(x) >= uint32(y))
		case fuseSL + 19: // I64Add
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x + y
		case fuseSL + 20: // I64Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x - y
		case fuseSL + 21: // I64Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x * y
		case fuseSL + 22: // I64And
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x & y
		case fuseSL + 23: // I64Or
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x | y
		case fuseSL + 24: // I64Xor
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x ^ y
		case fuseSL + 25: // I64Shl
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x << (y & 63)
		case fuseSL + 26: // I64ShrS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = uint64(int64(x) >> (y & 63))
		case fuseSL + 27: // I64ShrU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = x >> (y & 63)
		case fuseSL + 28: // I64Eq
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x == y)
		case fuseSL + 29: // I64Ne
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x != y)
		case fuseSL + 30: // I64LtS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int64(x) < int64(y))
		case fuseSL + 31: // I64LtU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x < y)
		case fuseSL + 32: // I64GtS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int64(x) > int64(y))
		case fuseSL + 33: // I64GtU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x > y)
		case fuseSL + 34: // I64LeS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int64(x) <= int64(y))
		case fuseSL + 35: // I64LeU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x <= y)
		case fuseSL + 36: // I64GeS
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(int64(x) >= int64(y))
		case fuseSL + 37: // I64GeU
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(x >= y)
		case fuseSL + 38: // F64Add
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = pf64(f64(x) + f64(y))
		case fuseSL + 39: // F64Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = pf64(f64(x) - f64(y))
		case fuseSL + 40: // F64Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = pf64(f64(x) * f64(y))
		case fuseSL + 41: // F64Div
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = pf64(f64(x) / f64(y))
		case fuseSL + 42: // F64Lt
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(f64(x) < f64(y))
		case fuseSL + 43: // F64Gt
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(f64(x) > f64(y))
		case fuseSL + 44: // F64Le
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(f64(x) <= f64(y))
		case fuseSL + 45: // F64Ge
			x, y := s[sp-1], s[fp+int(in.a)]
			s[sp-1] = b2u(f64(x) >= f64(y))
		case fuseLL + 0: // I32Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(x + y))
			sp++
		case fuseLL + 1: // I32Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(x - y))
			sp++
		case fuseLL + 2: // I32Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(x) * uint32(y))
			sp++
		case fuseLL + 3: // I32And
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x & y
			sp++
		case fuseLL + 4: // I32Or
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x | y
			sp++
		case fuseLL + 5: // I32Xor
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x ^ y
			sp++
		case fuseLL + 6: // I32Shl
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(x) << (y & 31))
			sp++
		case fuseLL + 7: // I32ShrU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(x) >> (y & 31))
			sp++
		case fuseLL + 8: // I32ShrS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(uint32(int32(x) >> (y & 31)))
			sp++
		case fuseLL + 9: // I32Eq
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) == uint32(y))
			sp++
		case fuseLL + 10: // I32Ne
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) != uint32(y))
			sp++
		case fuseLL + 11: // I32LtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int32(x) < int32(y))
			sp++
		case fuseLL + 12: // I32LtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) < uint32(y))
			sp++
		case fuseLL + 13: // I32GtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int32(x) > int32(y))
			sp++
		case fuseLL + 14: // I32GtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) > uint32(y))
			sp++
		case fuseLL + 15: // I32LeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int32(x) <= int32(y))
			sp++
		case fuseLL + 16: // I32LeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) <= uint32(y))
			sp++
		case fuseLL + 17: // I32GeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int32(x) >= int32(y))
			sp++
		case fuseLL + 18: // I32GeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(uint32(x) >= uint32(y))
			sp++
		case fuseLL + 19: // I64Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x + y
			sp++
		case fuseLL + 20: // I64Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x - y
			sp++
		case fuseLL + 21: // I64Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x * y
			sp++
		case fuseLL + 22: // I64And
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x & y
			sp++
		case fuseLL + 23: // I64Or
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x | y
			sp++
		case fuseLL + 24: // I64Xor
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x ^ y
			sp++
		case fuseLL + 25: // I64Shl
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x << (y & 63)
			sp++
		case fuseLL + 26: // I64ShrS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = uint64(int64(x) >> (y & 63))
			sp++
		case fuseLL + 27: // I64ShrU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = x >> (y & 63)
			sp++
		case fuseLL + 28: // I64Eq
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x == y)
			sp++
		case fuseLL + 29: // I64Ne
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x != y)
			sp++
		case fuseLL + 30: // I64LtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int64(x) < int64(y))
			sp++
		case fuseLL + 31: // I64LtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x < y)
			sp++
		case fuseLL + 32: // I64GtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int64(x) > int64(y))
			sp++
		case fuseLL + 33: // I64GtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x > y)
			sp++
		case fuseLL + 34: // I64LeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int64(x) <= int64(y))
			sp++
		case fuseLL + 35: // I64LeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x <= y)
			sp++
		case fuseLL + 36: // I64GeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(int64(x) >= int64(y))
			sp++
		case fuseLL + 37: // I64GeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(x >= y)
			sp++
		case fuseLL + 38: // F64Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = pf64(f64(x) + f64(y))
			sp++
		case fuseLL + 39: // F64Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = pf64(f64(x) - f64(y))
			sp++
		case fuseLL + 40: // F64Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = pf64(f64(x) * f64(y))
			sp++
		case fuseLL + 41: // F64Div
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = pf64(f64(x) / f64(y))
			sp++
		case fuseLL + 42: // F64Lt
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(f64(x) < f64(y))
			sp++
		case fuseLL + 43: // F64Gt
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(f64(x) > f64(y))
			sp++
		case fuseLL + 44: // F64Le
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(f64(x) <= f64(y))
			sp++
		case fuseLL + 45: // F64Ge
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[sp] = b2u(f64(x) >= f64(y))
			sp++
		case fuseLI + 0: // I32Add
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(x + y))
			sp++
		case fuseLI + 1: // I32Sub
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(x - y))
			sp++
		case fuseLI + 2: // I32Mul
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(x) * uint32(y))
			sp++
		case fuseLI + 3: // I32And
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x & y
			sp++
		case fuseLI + 4: // I32Or
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x | y
			sp++
		case fuseLI + 5: // I32Xor
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x ^ y
			sp++
		case fuseLI + 6: // I32Shl
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(x) << (y & 31))
			sp++
		case fuseLI + 7: // I32ShrU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(x) >> (y & 31))
			sp++
		case fuseLI + 8: // I32ShrS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(uint32(int32(x) >> (y & 31)))
			sp++
		case fuseLI + 9: // I32Eq
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) == uint32(y))
			sp++
		case fuseLI + 10: // I32Ne
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) != uint32(y))
			sp++
		case fuseLI + 11: // I32LtS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int32(x) < int32(y))
			sp++
		case fuseLI + 12: // I32LtU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) < uint32(y))
			sp++
		case fuseLI + 13: // I32GtS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int32(x) > int32(y))
			sp++
		case fuseLI + 14: // I32GtU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) > uint32(y))
			sp++
		case fuseLI + 15: // I32LeS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int32(x) <= int32(y))
			sp++
		case fuseLI + 16: // I32LeU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) <= uint32(y))
			sp++
		case fuseLI + 17: // I32GeS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int32(x) >= int32(y))
			sp++
		case fuseLI + 18: // I32GeU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(uint32(x) >= uint32(y))
			sp++
		case fuseLI + 19: // I64Add
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x + y
			sp++
		case fuseLI + 20: // I64Sub
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x - y
			sp++
		case fuseLI + 21: // I64Mul
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x * y
			sp++
		case fuseLI + 22: // I64And
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x & y
			sp++
		case fuseLI + 23: // I64Or
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x | y
			sp++
		case fuseLI + 24: // I64Xor
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x ^ y
			sp++
		case fuseLI + 25: // I64Shl
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x << (y & 63)
			sp++
		case fuseLI + 26: // I64ShrS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = uint64(int64(x) >> (y & 63))
			sp++
		case fuseLI + 27: // I64ShrU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = x >> (y & 63)
			sp++
		case fuseLI + 28: // I64Eq
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x == y)
			sp++
		case fuseLI + 29: // I64Ne
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x != y)
			sp++
		case fuseLI + 30: // I64LtS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int64(x) < int64(y))
			sp++
		case fuseLI + 31: // I64LtU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x < y)
			sp++
		case fuseLI + 32: // I64GtS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int64(x) > int64(y))
			sp++
		case fuseLI + 33: // I64GtU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x > y)
			sp++
		case fuseLI + 34: // I64LeS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int64(x) <= int64(y))
			sp++
		case fuseLI + 35: // I64LeU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x <= y)
			sp++
		case fuseLI + 36: // I64GeS
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(int64(x) >= int64(y))
			sp++
		case fuseLI + 37: // I64GeU
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(x >= y)
			sp++
		case fuseLI + 38: // F64Add
			x, y := s[fp+int(in.a)], in.c
			s[sp] = pf64(f64(x) + f64(y))
			sp++
		case fuseLI + 39: // F64Sub
			x, y := s[fp+int(in.a)], in.c
			s[sp] = pf64(f64(x) - f64(y))
			sp++
		case fuseLI + 40: // F64Mul
			x, y := s[fp+int(in.a)], in.c
			s[sp] = pf64(f64(x) * f64(y))
			sp++
		case fuseLI + 41: // F64Div
			x, y := s[fp+int(in.a)], in.c
			s[sp] = pf64(f64(x) / f64(y))
			sp++
		case fuseLI + 42: // F64Lt
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(f64(x) < f64(y))
			sp++
		case fuseLI + 43: // F64Gt
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(f64(x) > f64(y))
			sp++
		case fuseLI + 44: // F64Le
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(f64(x) <= f64(y))
			sp++
		case fuseLI + 45: // F64Ge
			x, y := s[fp+int(in.a)], in.c
			s[sp] = b2u(f64(x) >= f64(y))
			sp++
		case fuseSIS + 0: // I32Add
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(x + y))
		case fuseSIS + 1: // I32Sub
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(x - y))
		case fuseSIS + 2: // I32Mul
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) * uint32(y))
		case fuseSIS + 3: // I32And
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x & y
		case fuseSIS + 4: // I32Or
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x | y
		case fuseSIS + 5: // I32Xor
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x ^ y
		case fuseSIS + 6: // I32Shl
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) << (y & 31))
		case fuseSIS + 7: // I32ShrU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) >> (y & 31))
		case fuseSIS + 8: // I32ShrS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseSIS + 9: // I32Eq
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) == uint32(y))
		case fuseSIS + 10: // I32Ne
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) != uint32(y))
		case fuseSIS + 11: // I32LtS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int32(x) < int32(y))
		case fuseSIS + 12: // I32LtU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) < uint32(y))
		case fuseSIS + 13: // I32GtS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int32(x) > int32(y))
		case fuseSIS + 14: // I32GtU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) > uint32(y))
		case fuseSIS + 15: // I32LeS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int32(x) <= int32(y))
		case fuseSIS + 16: // I32LeU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) <= uint32(y))
		case fuseSIS + 17: // I32GeS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int32(x) >= int32(y))
		case fuseSIS + 18: // I32GeU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) >= uint32(y))
		case fuseSIS + 19: // I64Add
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x + y
		case fuseSIS + 20: // I64Sub
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x - y
		case fuseSIS + 21: // I64Mul
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x * y
		case fuseSIS + 22: // I64And
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x & y
		case fuseSIS + 23: // I64Or
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x | y
		case fuseSIS + 24: // I64Xor
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x ^ y
		case fuseSIS + 25: // I64Shl
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x << (y & 63)
		case fuseSIS + 26: // I64ShrS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = uint64(int64(x) >> (y & 63))
		case fuseSIS + 27: // I64ShrU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = x >> (y & 63)
		case fuseSIS + 28: // I64Eq
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x == y)
		case fuseSIS + 29: // I64Ne
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x != y)
		case fuseSIS + 30: // I64LtS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int64(x) < int64(y))
		case fuseSIS + 31: // I64LtU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x < y)
		case fuseSIS + 32: // I64GtS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int64(x) > int64(y))
		case fuseSIS + 33: // I64GtU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x > y)
		case fuseSIS + 34: // I64LeS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int64(x) <= int64(y))
		case fuseSIS + 35: // I64LeU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x <= y)
		case fuseSIS + 36: // I64GeS
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(int64(x) >= int64(y))
		case fuseSIS + 37: // I64GeU
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(x >= y)
		case fuseSIS + 38: // F64Add
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = pf64(f64(x) + f64(y))
		case fuseSIS + 39: // F64Sub
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = pf64(f64(x) - f64(y))
		case fuseSIS + 40: // F64Mul
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = pf64(f64(x) * f64(y))
		case fuseSIS + 41: // F64Div
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = pf64(f64(x) / f64(y))
		case fuseSIS + 42: // F64Lt
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(f64(x) < f64(y))
		case fuseSIS + 43: // F64Gt
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(f64(x) > f64(y))
		case fuseSIS + 44: // F64Le
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(f64(x) <= f64(y))
		case fuseSIS + 45: // F64Ge
			x, y := s[sp-1], in.c
			sp--
			s[fp+int(in.b)] = b2u(f64(x) >= f64(y))
		case fuseSLS + 0: // I32Add
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(x + y))
		case fuseSLS + 1: // I32Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(x - y))
		case fuseSLS + 2: // I32Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) * uint32(y))
		case fuseSLS + 3: // I32And
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x & y
		case fuseSLS + 4: // I32Or
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x | y
		case fuseSLS + 5: // I32Xor
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x ^ y
		case fuseSLS + 6: // I32Shl
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) << (y & 31))
		case fuseSLS + 7: // I32ShrU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(x) >> (y & 31))
		case fuseSLS + 8: // I32ShrS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseSLS + 9: // I32Eq
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) == uint32(y))
		case fuseSLS + 10: // I32Ne
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) != uint32(y))
		case fuseSLS + 11: // I32LtS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int32(x) < int32(y))
		case fuseSLS + 12: // I32LtU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) < uint32(y))
		case fuseSLS + 13: // I32GtS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int32(x) > int32(y))
		case fuseSLS + 14: // I32GtU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) > uint32(y))
		case fuseSLS + 15: // I32LeS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int32(x) <= int32(y))
		case fuseSLS + 16: // I32LeU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) <= uint32(y))
		case fuseSLS + 17: // I32GeS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int32(x) >= int32(y))
		case fuseSLS + 18: // I32GeU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(uint32(x) >= uint32(y))
		case fuseSLS + 19: // I64Add
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x + y
		case fuseSLS + 20: // I64Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x - y
		case fuseSLS + 21: // I64Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x * y
		case fuseSLS + 22: // I64And
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x & y
		case fuseSLS + 23: // I64Or
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x | y
		case fuseSLS + 24: // I64Xor
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x ^ y
		case fuseSLS + 25: // I64Shl
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x << (y & 63)
		case fuseSLS + 26: // I64ShrS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = uint64(int64(x) >> (y & 63))
		case fuseSLS + 27: // I64ShrU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = x >> (y & 63)
		case fuseSLS + 28: // I64Eq
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x == y)
		case fuseSLS + 29: // I64Ne
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x != y)
		case fuseSLS + 30: // I64LtS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int64(x) < int64(y))
		case fuseSLS + 31: // I64LtU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x < y)
		case fuseSLS + 32: // I64GtS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int64(x) > int64(y))
		case fuseSLS + 33: // I64GtU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x > y)
		case fuseSLS + 34: // I64LeS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int64(x) <= int64(y))
		case fuseSLS + 35: // I64LeU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x <= y)
		case fuseSLS + 36: // I64GeS
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(int64(x) >= int64(y))
		case fuseSLS + 37: // I64GeU
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(x >= y)
		case fuseSLS + 38: // F64Add
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = pf64(f64(x) + f64(y))
		case fuseSLS + 39: // F64Sub
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = pf64(f64(x) - f64(y))
		case fuseSLS + 40: // F64Mul
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = pf64(f64(x) * f64(y))
		case fuseSLS + 41: // F64Div
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = pf64(f64(x) / f64(y))
		case fuseSLS + 42: // F64Lt
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(f64(x) < f64(y))
		case fuseSLS + 43: // F64Gt
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(f64(x) > f64(y))
		case fuseSLS + 44: // F64Le
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(f64(x) <= f64(y))
		case fuseSLS + 45: // F64Ge
			x, y := s[sp-1], s[fp+int(in.a)]
			sp--
			s[fp+int(in.b)] = b2u(f64(x) >= f64(y))
		case fuseLLS + 0: // I32Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(x + y))
		case fuseLLS + 1: // I32Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(x - y))
		case fuseLLS + 2: // I32Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(x) * uint32(y))
		case fuseLLS + 3: // I32And
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x & y
		case fuseLLS + 4: // I32Or
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x | y
		case fuseLLS + 5: // I32Xor
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x ^ y
		case fuseLLS + 6: // I32Shl
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(x) << (y & 31))
		case fuseLLS + 7: // I32ShrU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(x) >> (y & 31))
		case fuseLLS + 8: // I32ShrS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseLLS + 9: // I32Eq
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) == uint32(y))
		case fuseLLS + 10: // I32Ne
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) != uint32(y))
		case fuseLLS + 11: // I32LtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int32(x) < int32(y))
		case fuseLLS + 12: // I32LtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) < uint32(y))
		case fuseLLS + 13: // I32GtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int32(x) > int32(y))
		case fuseLLS + 14: // I32GtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) > uint32(y))
		case fuseLLS + 15: // I32LeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int32(x) <= int32(y))
		case fuseLLS + 16: // I32LeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) <= uint32(y))
		case fuseLLS + 17: // I32GeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int32(x) >= int32(y))
		case fuseLLS + 18: // I32GeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(uint32(x) >= uint32(y))
		case fuseLLS + 19: // I64Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x + y
		case fuseLLS + 20: // I64Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x - y
		case fuseLLS + 21: // I64Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x * y
		case fuseLLS + 22: // I64And
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x & y
		case fuseLLS + 23: // I64Or
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x | y
		case fuseLLS + 24: // I64Xor
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x ^ y
		case fuseLLS + 25: // I64Shl
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x << (y & 63)
		case fuseLLS + 26: // I64ShrS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = uint64(int64(x) >> (y & 63))
		case fuseLLS + 27: // I64ShrU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = x >> (y & 63)
		case fuseLLS + 28: // I64Eq
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x == y)
		case fuseLLS + 29: // I64Ne
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x != y)
		case fuseLLS + 30: // I64LtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int64(x) < int64(y))
		case fuseLLS + 31: // I64LtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x < y)
		case fuseLLS + 32: // I64GtS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int64(x) > int64(y))
		case fuseLLS + 33: // I64GtU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x > y)
		case fuseLLS + 34: // I64LeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int64(x) <= int64(y))
		case fuseLLS + 35: // I64LeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x <= y)
		case fuseLLS + 36: // I64GeS
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(int64(x) >= int64(y))
		case fuseLLS + 37: // I64GeU
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(x >= y)
		case fuseLLS + 38: // F64Add
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = pf64(f64(x) + f64(y))
		case fuseLLS + 39: // F64Sub
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = pf64(f64(x) - f64(y))
		case fuseLLS + 40: // F64Mul
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = pf64(f64(x) * f64(y))
		case fuseLLS + 41: // F64Div
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = pf64(f64(x) / f64(y))
		case fuseLLS + 42: // F64Lt
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(f64(x) < f64(y))
		case fuseLLS + 43: // F64Gt
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(f64(x) > f64(y))
		case fuseLLS + 44: // F64Le
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(f64(x) <= f64(y))
		case fuseLLS + 45: // F64Ge
			x, y := s[fp+int(in.a)], s[fp+int(in.b)]
			s[fp+int(in.c)] = b2u(f64(x) >= f64(y))
		case fuseLIS + 0: // I32Add
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(x + y))
		case fuseLIS + 1: // I32Sub
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(x - y))
		case fuseLIS + 2: // I32Mul
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(x) * uint32(y))
		case fuseLIS + 3: // I32And
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x & y
		case fuseLIS + 4: // I32Or
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x | y
		case fuseLIS + 5: // I32Xor
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x ^ y
		case fuseLIS + 6: // I32Shl
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(x) << (y & 31))
		case fuseLIS + 7: // I32ShrU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(x) >> (y & 31))
		case fuseLIS + 8: // I32ShrS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(uint32(int32(x) >> (y & 31)))
		case fuseLIS + 9: // I32Eq
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) == uint32(y))
		case fuseLIS + 10: // I32Ne
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) != uint32(y))
		case fuseLIS + 11: // I32LtS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int32(x) < int32(y))
		case fuseLIS + 12: // I32LtU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) < uint32(y))
		case fuseLIS + 13: // I32GtS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int32(x) > int32(y))
		case fuseLIS + 14: // I32GtU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) > uint32(y))
		case fuseLIS + 15: // I32LeS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int32(x) <= int32(y))
		case fuseLIS + 16: // I32LeU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) <= uint32(y))
		case fuseLIS + 17: // I32GeS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int32(x) >= int32(y))
		case fuseLIS + 18: // I32GeU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(uint32(x) >= uint32(y))
		case fuseLIS + 19: // I64Add
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x + y
		case fuseLIS + 20: // I64Sub
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x - y
		case fuseLIS + 21: // I64Mul
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x * y
		case fuseLIS + 22: // I64And
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x & y
		case fuseLIS + 23: // I64Or
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x | y
		case fuseLIS + 24: // I64Xor
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x ^ y
		case fuseLIS + 25: // I64Shl
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x << (y & 63)
		case fuseLIS + 26: // I64ShrS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = uint64(int64(x) >> (y & 63))
		case fuseLIS + 27: // I64ShrU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = x >> (y & 63)
		case fuseLIS + 28: // I64Eq
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x == y)
		case fuseLIS + 29: // I64Ne
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x != y)
		case fuseLIS + 30: // I64LtS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int64(x) < int64(y))
		case fuseLIS + 31: // I64LtU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x < y)
		case fuseLIS + 32: // I64GtS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int64(x) > int64(y))
		case fuseLIS + 33: // I64GtU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x > y)
		case fuseLIS + 34: // I64LeS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int64(x) <= int64(y))
		case fuseLIS + 35: // I64LeU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x <= y)
		case fuseLIS + 36: // I64GeS
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(int64(x) >= int64(y))
		case fuseLIS + 37: // I64GeU
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(x >= y)
		case fuseLIS + 38: // F64Add
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = pf64(f64(x) + f64(y))
		case fuseLIS + 39: // F64Sub
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = pf64(f64(x) - f64(y))
		case fuseLIS + 40: // F64Mul
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = pf64(f64(x) * f64(y))
		case fuseLIS + 41: // F64Div
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = pf64(f64(x) / f64(y))
		case fuseLIS + 42: // F64Lt
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(f64(x) < f64(y))
		case fuseLIS + 43: // F64Gt
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(f64(x) > f64(y))
		case fuseLIS + 44: // F64Le
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(f64(x) <= f64(y))
		case fuseLIS + 45: // F64Ge
			x, y := s[fp+int(in.a)], in.c
			s[fp+int(in.b)] = b2u(f64(x) >= f64(y))
		default:
			var c vm.TrapCode
			if sp, c = numeric(in.op, s, sp); c != vm.TrapNone {
				return m.trap(c, inst, fn, pc)
			}
		}
	}
}

// implemented marks the wasm operators the generic path of translate may
// emit as they are.
var implemented = func() (t [opBase]bool) {
	for _, o := range []wasm.Opcode{
		wasm.OpI32Load, wasm.OpI64Load, wasm.OpF32Load, wasm.OpF64Load, wasm.OpI32Load8S, wasm.OpI32Load8U,
		wasm.OpI32Load16S, wasm.OpI32Load16U, wasm.OpI64Load8S, wasm.OpI64Load8U, wasm.OpI64Load16S,
		wasm.OpI64Load16U, wasm.OpI64Load32S, wasm.OpI64Load32U, wasm.OpI32Store, wasm.OpI64Store,
		wasm.OpF32Store, wasm.OpF64Store, wasm.OpI32Store8, wasm.OpI32Store16, wasm.OpI64Store8,
		wasm.OpI64Store16, wasm.OpI64Store32, wasm.OpRefIsNull,
	} {
		t[iop(o)] = true
	}
	for o := wasm.OpI32Eqz; o <= wasm.OpI64Extend32S; o++ {
		t[iop(o)] = true
	}
	for o := wasm.OpI32TruncSatF32S; o <= wasm.OpI64TruncSatF64U; o++ {
		t[iop(o)] = true
	}
	return t
}()
