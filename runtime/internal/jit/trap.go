package jit

import (
	"fmt"
	"strings"

	"kiln/ir/vm"
)

// Frame is one frame of a wasm backtrace: PC is a return address (for the
// innermost frame, the resume address of the exit sequence), so the
// instruction it belongs to is at PC-1; FP is the frame pointer of the
// function PC is in.
type Frame struct {
	PC, FP uintptr
}

// Trap is the error a call returns when compiled code traps.
type Trap struct {
	// Code is why; vm.TrapNone if the code left it to the artifact's trap
	// record for Frames[0].PC (see vm.Artifact.TrapAt).
	Code vm.TrapCode
	// Frames is the backtrace, innermost first, across nested activations.
	Frames []Frame
	// Cause is the context error for TrapInterrupted.
	Cause error
}

func (t *Trap) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "wasm trap: %s", t.Code.Message())
	if t.Cause != nil {
		fmt.Fprintf(&b, " (%v)", t.Cause)
	}
	return b.String()
}

func (t *Trap) Unwrap() error { return t.Cause }

// maxFrames bounds a backtrace (a corrupted chain must not loop).
const maxFrames = 1 << 16

// trap builds a *Trap for the exit recorded in the store context.
func (m *Machine) trap(code vm.TrapCode, cause error) *Trap {
	return &Trap{Code: code, Frames: m.Backtrace(), Cause: cause}
}

// Backtrace walks the frame-pointer chain from the last exit (the current
// activation, then each suspended outer one). Every compiled function
// keeps [FP] = caller's FP and [FP+8] = return address; the outermost wasm
// frame of an activation saved FP 0 (SCEntryFP), which ends the walk. Only
// addresses inside the wasm stack are read, and each FP must be above the
// last, so a damaged chain ends the walk rather than faulting.
func (m *Machine) Backtrace() []Frame {
	var frames []Frame
	walk := func(pc, fp uintptr) {
		frames = append(frames, Frame{PC: pc, FP: fp})
		for len(frames) < maxFrames {
			if !m.stack.Contains(fp) || !m.stack.Contains(fp+16) || fp%8 != 0 {
				return
			}
			next, ret := m.stack.word(fp), m.stack.word(fp+8)
			if next == 0 || next <= fp {
				return // fp is the outermost frame; ret is the trampoline
			}
			frames = append(frames, Frame{PC: ret, FP: next})
			fp = next
		}
	}
	walk(uintptr(m.sc.ResumePC), uintptr(m.sc.WasmFP))
	for i := len(m.outer) - 1; i >= 0; i-- {
		walk(uintptr(m.outer[i].ResumePC), uintptr(m.outer[i].WasmFP))
	}
	return frames
}

// Symbol is a backtrace frame resolved against an artifact.
type Symbol struct {
	Func       int    // defined-function index into Artifact.Funcs, -1 if unknown
	WasmOffset uint32 // module byte offset of the wasm instruction
	HasOffset  bool
}

// Symbolize resolves a return or resume address inside code (mapped from a) to a
// function and wasm offset, looking at the instruction before it.
func Symbolize(a *vm.Artifact, code *Code, pc uintptr) Symbol {
	if !code.Contains(pc-1) || pc-1-code.Base() >= uintptr(len(a.Code)) {
		return Symbol{Func: -1}
	}
	off := uint32(pc - 1 - code.Base())
	loc, ok := a.SrcLocAt(off)
	return Symbol{Func: a.FuncAt(off), WasmOffset: loc, HasOffset: ok}
}
