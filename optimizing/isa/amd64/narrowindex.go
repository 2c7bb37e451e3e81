package amd64

import (
	"math/bits"

	asm "kiln/encoder/amd64"
	"kiln/ir"
	"kiln/regalloc"
)

// Scaled wasm32 indices in address modes.
//
// A wasm32 table lookup like crc32's table[(c ^ b) & 0xff] arrives as
// base + uextend(((c ^ b) & 0xff) << 2 + 0x400): the shift and the add are
// i32 operations, which wrap, so in general they cannot move into the
// 64-bit address mode, and the load waits for shl, add and the zero
// extension (three cycles of a loop-carried chain in crc32). When the
// shifted value is provably small enough that neither the shift nor the
// add can wrap, the address is base + 0x400 + uextend(v)*4 exactly, and
// the load needs only the zero extension of v. The i32 computation is
// still there for the bounds check, which is off the data-dependence
// chain.

// maxBits bounds the significant bits of the integer value v: v < 2^n.
// It looks through a few pure operations (depth-limited) and otherwise
// returns the width of v's type.
func maxBits(c *ctx, v ir.Value, depth int) int {
	dfg := &c.F.DFG
	w := dfg.ValueType(v).Bits()
	i := c.Def(v)
	if i == ir.NoInst || depth == 0 {
		return w
	}
	d := &dfg.Insts[i]
	args := dfg.Args(i)
	n := w
	switch d.Opcode {
	case ir.OpIconst:
		n = bits.Len64(uint64(d.ImmSigned()) & (^uint64(0) >> (64 - w)))
	case ir.OpUload8:
		n = 8
	case ir.OpUload16:
		n = 16
	case ir.OpUload32:
		n = 32
	case ir.OpUextend:
		n = maxBits(c, args[0], depth-1)
	case ir.OpBand:
		n = min(maxBits(c, args[0], depth-1), maxBits(c, args[1], depth-1))
	case ir.OpBor, ir.OpBxor:
		n = max(maxBits(c, args[0], depth-1), maxBits(c, args[1], depth-1))
	case ir.OpUshr:
		if k, ok := constOf(c, args[1]); ok {
			n = max(0, maxBits(c, args[0], depth-1)-int(uint64(k)%uint64(w)))
		}
	case ir.OpIshl:
		if k, ok := constOf(c, args[1]); ok {
			n = maxBits(c, args[0], depth-1) + int(uint64(k)%uint64(w))
		}
	case ir.OpIadd:
		n = max(maxBits(c, args[0], depth-1), maxBits(c, args[1], depth-1)) + 1
	}
	return min(n, w)
}

// scaledIndex matches idx = uextend.i64 (iadd.i32 (ishl.i32 v s) k) with
// 1 <= s <= 3, 0 <= k and v small enough that nothing wraps; it returns a
// register holding v zero-extended, the scale 2^s and the displacement k.
func scaledIndex(c *ctx, idx ir.Value) (regalloc.VReg, uint8, int64, bool) {
	dfg := &c.F.DFG
	u := c.PureDef(idx)
	if u == ir.NoInst || dfg.Insts[u].Opcode != ir.OpUextend || dfg.ValueType(idx) != ir.I64 {
		return regalloc.NoVReg, 0, 0, false
	}
	w := dfg.Args(u)[0]
	a := c.PureDef(w)
	if dfg.ValueType(w) != ir.I32 || a == ir.NoInst || dfg.Insts[a].Opcode != ir.OpIadd {
		return regalloc.NoVReg, 0, 0, false
	}
	x, y := dfg.Args(a)[0], dfg.Args(a)[1]
	k, ok := constOf(c, y)
	if !ok {
		if k, ok = constOf(c, x); !ok {
			return regalloc.NoVReg, 0, 0, false
		}
		x = y
	}
	k = int64(uint32(k))
	sh := c.PureDef(x)
	if sh == ir.NoInst || dfg.Insts[sh].Opcode != ir.OpIshl {
		return regalloc.NoVReg, 0, 0, false
	}
	s, ok := constOf(c, dfg.Args(sh)[1])
	if !ok || s < 1 || s > 3 {
		return regalloc.NoVReg, 0, 0, false
	}
	v := dfg.Args(sh)[0]
	n := maxBits(c, v, 6) + int(s)
	if n > 31 || (uint64(1)<<n)-1+uint64(k) >= 1<<32 {
		return regalloc.NoVReg, 0, 0, false
	}
	t := c.NewVReg(regalloc.Int)
	emit(c, Inst{Op: opExtend, Size: asm.Size64, Size2: asm.Size32}, use(c, v), regalloc.Def(t))
	return t, 1 << s, k, true
}

// lea32Of matches w = iadd.i32 whose only use is the zero extension being
// lowered, as the address mode of a 32-bit lea: x + k, x + y or
// x + y*2^s (a shift by 1-3 as the index). Inputs may carry garbage in
// their upper halves; a 32-bit lea ignores it. It sets *m and appends the
// address's operands to ops.
func lea32Of(c *ctx, w ir.Value, m *amode, ops *opList) bool {
	dfg := &c.F.DFG
	a := c.PureDef(w)
	if dfg.ValueType(w) != ir.I32 || a == ir.NoInst || dfg.Insts[a].Opcode != ir.OpIadd || c.UseCount(w) != 1 {
		return false
	}
	x, y := dfg.Args(a)[0], dfg.Args(a)[1]
	if k, ok := constOf(c, y); ok {
		*m = amode{kind: amReg, disp: int32(k)}
		ops.add(use(c, x))
		return true
	}
	if k, ok := constOf(c, x); ok {
		*m = amode{kind: amReg, disp: int32(k)}
		ops.add(use(c, y))
		return true
	}
	scaled := func(v ir.Value) (ir.Value, uint8) {
		if j := c.PureDef(v); j != ir.NoInst && dfg.Insts[j].Opcode == ir.OpIshl {
			if k, ok := constOf(c, dfg.Args(j)[1]); ok && k >= 1 && k <= 3 {
				return dfg.Args(j)[0], 1 << k
			}
		}
		return v, 1
	}
	idx, scale := scaled(y)
	base := x
	if scale == 1 {
		if i2, s2 := scaled(x); s2 > 1 {
			base, idx, scale = y, i2, s2
		}
	}
	*m = amode{kind: amReg, hasIndex: true, scale: scale}
	ops.add(use(c, base), use(c, idx))
	return true
}
