package simd

import (
	"encoding/binary"
	"testing"
)

// FuzzExec feeds arbitrary operators, immediates, stacks and stack
// pointers to Exec and Memory and checks that they never panic and keep
// their result within the stack.
func FuzzExec(f *testing.F) {
	f.Add(uint32(opI8x16Add), []byte{1, 2, 3}, 4, 8)
	f.Add(uint32(opI8x16Shuffle), []byte{31, 16, 0, 255}, 4, 4)
	f.Add(uint32(opV128Const), []byte{}, 0, 2)
	f.Add(uint32(opI8x16ExtractLaneS), []byte{200}, 2, 2)
	f.Add(uint32(opV128Load64Lane), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, 3, 3)
	f.Add(uint32(opV128Store), []byte{16}, 3, 3)
	f.Add(uint32(0x113), []byte{}, 6, 6)
	f.Add(uint32(0xffffffff), []byte{}, 0, 0)
	f.Fuzz(func(t *testing.T, sub uint32, data []byte, sp, n int) {
		n &= 63
		s := make([]uint64, n)
		var imm [16]byte
		copy(imm[:], data)
		for i := range s {
			var w [8]byte
			if len(data) > 0 {
				copy(w[:], data[(i*3)%len(data):])
			}
			s[i] = binary.LittleEndian.Uint64(w[:])
		}
		before := append([]uint64(nil), s...)
		r := Exec(sub, &imm, s, sp)
		if r != -1 && (r < 0 || r > len(s)) {
			t.Fatalf("Exec(%#x, sp=%d, len=%d) = %d", sub, sp, n, r)
		}
		if Known(sub) && sp >= 0 && sp <= len(s) {
			io := classSlots[classes[sub]]
			pop, push := int(io[0]), int(io[1])
			if ok := sp >= pop && sp-pop+push <= len(s); ok != (r != -1) || ok && r != sp-pop+push {
				t.Fatalf("Exec(%#x, sp=%d, len=%d) = %d; pops %d pushes %d", sub, sp, n, r, pop, push)
			}
		}
		// Below the operands nothing changes; on -1 nothing changes at all.
		keep := len(s)
		if r != -1 {
			keep = sp - int(classSlots[classes[sub]][0])
		}
		for i := 0; i < keep && i < len(s); i++ {
			if s[i] != before[i] {
				t.Fatalf("Exec(%#x, sp=%d) changed slot %d", sub, sp, i)
			}
		}
		Exec(sub, nil, s, sp)
		mem := make([]byte, int(imm[1])%64)
		off := uint64(imm[2])
		if imm[3]&1 != 0 {
			off = ^uint64(0) - uint64(imm[4])
		}
		for _, mem64 := range []bool{false, true} {
			r, _ := Memory(sub, off, imm[0], mem, mem64, s, sp)
			if r != -1 && (r < 0 || r > len(s)) {
				t.Fatalf("Memory(%#x, sp=%d, len=%d) = %d", sub, sp, n, r)
			}
		}
	})
}
