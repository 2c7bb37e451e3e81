package vm

import (
	"slices"
	"testing"
)

func TestABIs(t *testing.T) {
	for _, a := range abis {
		got, err := ABIFor(a.Arch)
		if err != nil || got != a {
			t.Errorf("ABIFor(%q) = %v, %v", a.Arch, got, err)
		}
		if a.CalleeVMCtx == a.CallerVMCtx {
			t.Errorf("%s: callee and caller vmctx share a register", a.Arch)
		}
		ints := append([]Reg{a.CalleeVMCtx, a.CallerVMCtx}, a.IntParams...)
		for i, r := range ints {
			if a.IsReserved(r) || slices.Contains(a.Scratch, r) {
				t.Errorf("%s: argument register %d is reserved or scratch", a.Arch, r)
			}
			if slices.Contains(ints[:i], r) {
				t.Errorf("%s: argument register %d used twice", a.Arch, r)
			}
		}
		for _, r := range append(slices.Clone(a.IntResults), a.ArrayValues, a.ArrayCount, a.G) {
			if r == a.SP || r == a.FP {
				t.Errorf("%s: register %d clashes with SP/FP", a.Arch, r)
			}
		}
		if !a.IsReserved(a.G) || !a.IsReserved(a.SP) || !a.IsReserved(a.FP) {
			t.Errorf("%s: G, SP and FP must be reserved", a.Arch)
		}
		if a.ArrayValues != a.IntParams[0] || a.ArrayCount != a.IntParams[1] {
			t.Errorf("%s: array-call registers must be the first two parameter registers", a.Arch)
		}
		if a.IsReserved(a.ExitResume) || a.ExitResume == a.CalleeVMCtx {
			t.Errorf("%s: ExitResume %d must be free at an exit (not reserved, not the vmctx)", a.Arch, a.ExitResume)
		}
		if a.StackAlign != 16 || a.PtrSize != 8 {
			t.Errorf("%s: StackAlign %d PtrSize %d", a.Arch, a.StackAlign, a.PtrSize)
		}
	}
	if _, err := ABIFor("mips"); err == nil {
		t.Errorf("ABIFor(mips) succeeded")
	}
}

func TestTrapCodes(t *testing.T) {
	want := map[TrapCode]string{
		TrapUnreachable:             "unreachable",
		TrapMemoryOutOfBounds:       "out of bounds memory access",
		TrapTableOutOfBounds:        "out of bounds table access",
		TrapIndirectCallOutOfBounds: "undefined element",
		TrapIndirectCallToNull:      "uninitialized element",
		TrapBadSignature:            "indirect call type mismatch",
		TrapIntegerDivideByZero:     "integer divide by zero",
		TrapIntegerOverflow:         "integer overflow",
		TrapBadConversionToInteger:  "invalid conversion to integer",
		TrapStackOverflow:           "call stack exhausted",
		TrapNullReference:           "null reference",
		TrapUnalignedAtomic:         "unaligned atomic",
	}
	for c, m := range want {
		if c.Message() != m {
			t.Errorf("%v.Message() = %q, want %q", c, c.Message(), m)
		}
	}
	seen := map[string]bool{}
	for c := TrapCode(0); int(c) < NumTrapCodes; c++ {
		if c.String() == "" || c.Message() == "" || seen[c.String()] {
			t.Errorf("trap code %d: bad or duplicate row %q", c, c.String())
		}
		seen[c.String()] = true
		if c.Valid() != (c != TrapNone) {
			t.Errorf("%v.Valid() wrong", c)
		}
	}
	if TrapCode(200).Valid() || TrapCode(200).String() != "trap(200)" {
		t.Errorf("unknown trap code handling")
	}
}

func TestExitKinds(t *testing.T) {
	for k := ExitKind(0); k < NumExitKinds; k++ {
		if k.String() == "" || k.NumArgs() > NumExitArgs {
			t.Errorf("exit kind %d: bad row", k)
		}
	}
	if ExitKind(99).String() != "exit(99)" || ExitKind(99).NumArgs() != 0 {
		t.Errorf("unknown exit kind handling")
	}
	sp, imm := StackPreempt, StackPreemptImm32
	if uint64(int64(imm)) != sp {
		t.Errorf("StackPreemptImm32 does not sign-extend to StackPreempt")
	}
}
