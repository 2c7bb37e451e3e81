package disasm

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"kiln/encoder"
	"kiln/encoder/amd64"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDisassemble(t *testing.T) {
	tests := []struct {
		arch, hex string
		want      []string
	}{
		{"amd64", "4801c8c3", []string{"add %rcx,%rax", "retq"}},
		{"x86_64", "0f0b", []string{"ud2"}},
		{"arm64", "2ba32391", []string{"add x11, x25, #0x8e8"}},
		{"aarch64", "2ba32391", []string{"add x11, x25, #0x8e8"}},
		{"riscv64", "b3027300", []string{"add x5,x6,x7"}},
		{"s390x", "b9080012", []string{"agr %r1,%r2"}},
		// Undecodable bytes become data lines and decoding resumes.
		{"amd64", "06c3", []string{".byte 0x06", "retq"}},
		{"arm64", "00000000", []string{".word 0x00000000"}},
		{"arm64", "2ba3", []string{".byte 0x2b,0xa3"}},
	}
	for _, tc := range tests {
		code := mustHex(t, tc.hex)
		lines, err := Disassemble(tc.arch, code, 0x1000)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.arch, tc.hex, err)
		}
		var got []string
		for _, l := range lines {
			got = append(got, l.Text)
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s %s: got %q, want %q", tc.arch, tc.hex, got, tc.want)
		}
		checkCoverage(t, code, 0x1000, lines)
	}
	if _, err := Disassemble("mips", nil, 0); err == nil {
		t.Error("unknown architecture accepted")
	}
}

// checkCoverage asserts the Lines invariant: contiguous, covering every byte.
func checkCoverage(t *testing.T, code []byte, pc uint64, lines []Line) {
	t.Helper()
	var all []byte
	next := pc
	for _, l := range lines {
		if l.Offset != next || len(l.Bytes) == 0 {
			t.Fatalf("line at %#x, expected %#x (len %d)", l.Offset, next, len(l.Bytes))
		}
		next += uint64(len(l.Bytes))
		all = append(all, l.Bytes...)
	}
	if !bytes.Equal(all, code) {
		t.Fatalf("lines cover % x, input % x", all, code)
	}
}

// TestAssembledFunction prints a small function built with the amd64
// Assembler: the path filetests and the kiln command take.
func TestAssembledFunction(t *testing.T) {
	buf := encoder.NewBuffer(amd64.BufferISA)
	a := amd64.New(buf)
	loop, done := buf.NewLabel(), buf.NewLabel()
	a.Push(amd64.RBP)
	a.MovRR(amd64.Size64, amd64.RBP, amd64.RSP)
	a.AluRR(amd64.Xor, amd64.Size32, amd64.RAX, amd64.RAX)
	buf.Bind(loop)
	a.AluRI(amd64.Cmp, amd64.Size32, amd64.RDI, 0)
	a.Jcc(amd64.CondE, done)
	a.AluRR(amd64.Add, amd64.Size32, amd64.RAX, amd64.RDI)
	a.UnaryR(amd64.Dec, amd64.Size32, amd64.RDI)
	a.Jmp(loop)
	buf.Bind(done)
	a.Pop(amd64.RBP)
	a.Ret()
	code, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Text("amd64", code.Bytes, 0, Options{NoBytes: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `   0: push %rbp
   1: mov %rsp,%rbp
   4: xor %eax,%eax
   6: cmp $0x0,%edi
   9: je 0x15
   f: add %edi,%eax
  11: dec %edi
  13: jmp 0x6
  15: pop %rbp
  16: retq
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	full := Format(mustLines(t, code.Bytes), Options{})
	if !strings.Contains(full, "   0: 55                             push %rbp\n") {
		t.Errorf("byte column format changed:\n%s", full)
	}
}

func mustLines(t *testing.T, code []byte) []Line {
	lines, err := Disassemble("amd64", code, 0)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// FuzzDisassemble: arbitrary bytes never panic and are always covered.
func FuzzDisassemble(f *testing.F) {
	for _, s := range []string{"4801c8c3", "2ba32391", "b3027300", "b9080012", "c4e3714ac230", "ffffffffffff", ""} {
		b, _ := hex.DecodeString(s)
		for i := range Arches() {
			f.Add(uint8(i), b)
		}
	}
	f.Fuzz(func(t *testing.T, arch uint8, code []byte) {
		name := Arches()[int(arch)%len(Arches())]
		lines, err := Disassemble(name, code, 0x4000)
		if err != nil {
			t.Fatal(err)
		}
		checkCoverage(t, code, 0x4000, lines)
	})
}

// TestAnnotations: relocations and trap records appear on their lines.
func TestAnnotations(t *testing.T) {
	buf := encoder.NewBuffer(amd64.BufferISA)
	a := amd64.New(buf)
	a.CallSym(encoder.Symbol{Kind: encoder.SymFunc, Index: 9})
	a.Trap(4)
	code, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Code("amd64", code, Options{NoBytes: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "   0: callq .+0x0 ; reloc X86PCRel4 func9-4\n   5: ud2 ; trap 4\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestDataRanges: pool constants and jump tables print as data.
func TestDataRanges(t *testing.T) {
	buf := encoder.NewBuffer(amd64.BufferISA)
	a := amd64.New(buf)
	l0, l1, table := buf.NewLabel(), buf.NewLabel(), buf.NewLabel()
	a.Lea(amd64.Size64, amd64.RCX, amd64.AddrLabel(table, 0))
	a.JmpR(amd64.RCX)
	a.JumpTable(table, []encoder.Label{l0, l1})
	buf.Bind(l0)
	a.SseM(amd64.Movss, amd64.X0, a.Const([]byte{0, 0, 0x80, 0x3f}, 4))
	buf.Bind(l1)
	a.Ret()
	code, err := buf.Finish()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Code("amd64", code, Options{NoBytes: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `   0: lea 0x5(%rip),%rcx
   7: jmp *%rcx
   9: .byte 0xcc,0xcc,0xcc
   c: .long 0x00000008
  10: .long 0x00000010
  14: movss 0x4(%rip),%xmm0
  1c: retq
  1d: .byte 0xcc,0xcc,0xcc
  20: .long 0x3f800000
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	lines, _ := DisassembleCode("amd64", code)
	checkCoverage(t, code.Bytes, 0, lines)
}
