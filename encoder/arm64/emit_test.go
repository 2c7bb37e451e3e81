package arm64

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"

	"kiln/encoder"
)

func disasm(t *testing.T, code []byte) []string {
	t.Helper()
	var out []string
	for off := 0; off+4 <= len(code); off += 4 {
		d, err := arm64asm.Decode(code[off : off+4])
		if err != nil {
			out = append(out, "?")
			continue
		}
		out = append(out, arm64asm.GNUSyntax(d))
	}
	return out
}

// TestAsmBranchSimplification checks that Asm registers its branches with
// the buffer so that it can invert "b.c L1; b L2; L1:" into "b.!c L2" and
// delete a jump to the next instruction.
func TestAsmBranchSimplification(t *testing.T) {
	a := NewAsm()
	l1, l2 := a.NewLabel(), a.NewLabel()
	a.Emit(Cmp(X0, X1))
	a.BCond(EQ, l1)
	a.B(l2)
	a.Bind(l1)
	a.Emit(Add(X0, X0, X1))
	a.B(l2) // jumps to the next instruction: deleted
	a.Bind(l2)
	a.Emit(Ret(LR))
	code, err := a.Buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(disasm(t, code.Bytes), "; ")
	want := "cmp x0, x1; b.ne .+0x8; add x0, x0, x1; ret"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestAsmConstants checks MovConst, LoadConstF (fmov immediate or pool) and
// that a failing constructor becomes the buffer's error.
func TestAsmConstants(t *testing.T) {
	a := NewAsm()
	a.MovConst(X1, 0x1234_0000_5678)
	a.LoadConstF(DReg(0), 1.5)
	a.LoadConstF(SReg(1), 0.1)
	a.AdrpAdd(X2, a.Buf.UseConstant([]byte{1, 2, 3, 4}, 4))
	a.Emit(Ret(LR))
	code, err := a.Buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got := disasm(t, code.Bytes)
	want := []string{"mov x1, #0x5678", "movk x1, #0x1234, lsl #32", "fmov d0, #1.500000000000000000e+00", "ldr s1, .+0x10", "adrp x2, .+0x0", "add x2, x2, #0x20", "ret"}
	if strings.Join(got[:len(want)], "; ") != strings.Join(want, "; ") {
		t.Errorf("got  %q\nwant %q", got[:len(want)], want)
	}
	// The final island follows ret: 0.1f at 0xc+0x10, then the 4 bytes
	// adrp+add point at.
	if v := binary.LittleEndian.Uint32(code.Bytes[0x1c:]); v != 0x3dcccccd {
		t.Errorf("pool word at 0x1c is %#x, want float32(0.1)", v)
	}
	if v := binary.LittleEndian.Uint32(code.Bytes[0x20:]); v != 0x04030201 {
		t.Errorf("pool word at 0x20 is %#x, want 0x04030201", v)
	}

	b := NewAsm()
	b.Emit(AddImm(SP, SP, 1<<13+1))
	if _, err := b.Buf.Finish(); err == nil || !strings.Contains(err.Error(), "imm12") {
		t.Errorf("bad immediate: Finish error %v", err)
	}
}

// TestCallSymbol checks the relocation record of a call and that
// PatchCall26 resolves it (and refuses what it cannot encode).
func TestCallSymbol(t *testing.T) {
	a := NewAsm()
	a.Emit(Nop(), nil)
	sym := encoder.Symbol{Kind: encoder.SymFunc, Index: 7}
	a.CallSymbol(sym)
	a.Emit(Ret(LR))
	code, err := a.Buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if len(code.Relocs) != 1 || code.Relocs[0].Offset != 4 || code.Relocs[0].Kind != encoder.RelocArm64Call26 || code.Relocs[0].Target != sym {
		t.Fatalf("relocs %+v", code.Relocs)
	}
	for _, disp := range []int64{-4, 0x7fffffc, -0x8000000} {
		if err := PatchCall26(code.Bytes[4:], disp); err != nil {
			t.Fatal(err)
		}
		if got := disasm(t, code.Bytes[4:8])[0]; got != fmt.Sprintf("bl .%+#x", uint64(disp)) {
			t.Errorf("disp %#x: %s", disp, got)
		}
	}
	for _, disp := range []int64{2, 0x8000000, -0x8000004} {
		if err := PatchCall26(code.Bytes[4:], disp); err == nil {
			t.Errorf("disp %#x accepted", disp)
		}
	}
	if err := PatchCall26(code.Bytes[8:], 16); err == nil {
		t.Error("patched a ret")
	}
}

// TestAsmMisalignedIsland: a pool constant of odd size leaves the code after
// its island misaligned (encoder.Buffer does not pad it yet); Asm must turn
// that into an error, and the jump over the island must not land at a
// misaligned address (LabelUse.Patch writes a trap instead).
func TestAsmMisalignedIsland(t *testing.T) {
	a := NewAsm()
	a.Adr(X0, a.Buf.UseConstant([]byte{1, 2, 3}, 1))
	a.Buf.EmitIsland(0)
	a.Emit(Ret(LR))
	code, err := a.Buf.Finish()
	if a.Buf.Len()%4 == 0 {
		// The buffer pads islands to instruction alignment: all is well.
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if err == nil {
		t.Fatalf("misaligned code accepted: %x", code.Bytes)
	}
}
