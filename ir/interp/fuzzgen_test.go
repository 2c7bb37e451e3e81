package interp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"kiln/ir"
)

// byteReader hands out fuzzer bytes; past the end it yields zeros.
type byteReader struct{ b []byte }

func (r *byteReader) next() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// u64 spreads two input bytes over 64 bits (splitmix64), so constants
// cost the fuzzer little input; a zero pair gives zero, a common corner.
func (r *byteReader) u64() uint64 {
	x := uint64(r.next()) | uint64(r.next())<<8
	if x == 0 {
		return 0
	}
	x *= 0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	return x
}

var genTypes = []ir.Type{
	ir.I8, ir.I16, ir.I32, ir.I64, ir.I128, ir.F16, ir.F32, ir.F64, ir.F128,
	ir.I8X16, ir.I16X8, ir.I32X4, ir.I64X2, ir.F32X4, ir.F64X2, ir.I32.ByLanes(2),
}

// genOps are the opcodes the generator may emit with value operands
// only: every pure or trapping opcode of the Unary, Binary and Ternary
// formats (plus the lane and compare forms), whatever the types.
var genOps = func() []ir.Opcode {
	var ops []ir.Opcode
	for op := ir.Opcode(1); int(op) < ir.NumOpcodes; op++ {
		if op.IsCall() || op.IsTerminator() || op == ir.OpStackSwitch || op == ir.OpSetPinnedReg {
			continue
		}
		switch op.Format() {
		case ir.FmtUnary, ir.FmtBinary, ir.FmtTernary, ir.FmtBinaryImm8, ir.FmtTernaryImm8,
			ir.FmtIntCompare, ir.FmtFloatCompare, ir.FmtLoad, ir.FmtStore, ir.FmtLoadNoOffset,
			ir.FmtStoreNoOffset, ir.FmtAtomicRmw, ir.FmtAtomicCas, ir.FmtCondTrap, ir.FmtIntAddTrap:
			ops = append(ops, op)
		}
	}
	return ops
}()

// genFunction builds %g(i64, i32, i128, f64, i32x4) -> i64 from fuzzer
// bytes: constants of every type, then up to 64 instructions whose opcode,
// controlling type, immediates and operands all come from the bytes.
// Operands usually have the controlling type but not always, so the
// interpreter also sees ill-typed code (the verifier does not run first).
func genFunction(data []byte) *ir.Function {
	r := &byteReader{b: data}
	f, fb, ps := newFunc("g", []ir.Type{ir.I64, ir.I32, ir.I128, ir.F64, ir.I32X4}, []ir.Type{ir.I64})
	ss := f.CreateStackSlot(64+uint32(r.next()), r.next()%5)
	self := f.ImportFunction(ir.ExtFuncData{Name: ir.TestCaseName("g"), Sig: f.ImportSignature(f.Signature)})
	pool := map[ir.Type][]ir.Value{}
	var all []ir.Value
	add := func(v ir.Value) {
		t := f.DFG.ValueType(v)
		pool[t] = append(pool[t], v)
		all = append(all, v)
	}
	for _, p := range ps {
		add(p)
	}
	for _, t := range genTypes {
		switch {
		case t.IsVector() || t.Bits() == 128:
			b := make([]byte, t.Bytes())
			for i := 0; i < len(b); i += 8 {
				binary.LittleEndian.PutUint64(b[i:], r.u64())
			}
			c := f.AddConstant(b)
			if t == ir.F128 {
				add(f.DFG.FirstResult(fb.InsData(ir.InstData{Opcode: ir.OpF128const, Entity: int32(c)}, ir.Invalid)))
			} else if t == ir.I128 {
				add(fb.Binary(ir.OpIconcat, fb.Iconst(ir.I64, int64(r.u64())), fb.Iconst(ir.I64, int64(r.u64()))))
			} else {
				add(f.DFG.FirstResult(fb.InsData(ir.InstData{Opcode: ir.OpVconst, Entity: int32(c)}, t)))
			}
		case t == ir.F16:
			add(f.DFG.FirstResult(fb.InsData(ir.InstData{Opcode: ir.OpF16const, Imm: int64(r.next()) | int64(r.next())<<8}, ir.Invalid)))
		case t == ir.F32:
			add(fb.F32const(uint32(r.u64())))
		case t == ir.F64:
			add(fb.F64const(r.u64()))
		default:
			add(fb.Iconst(t, int64(r.u64())))
		}
	}
	pick := func(t ir.Type) ir.Value {
		c := r.next()
		if vs := pool[t]; len(vs) > 0 && c < 224 {
			return vs[int(c)%len(vs)]
		}
		return all[int(c)%len(all)]
	}
	addr := fb.StackAddr(ir.I64, ss, 0)
	add(addr)
	var blocks []ir.Block // blocks after the entry, in creation order
	for n := 0; n < 64 && len(r.b) > 0; n++ {
		c := r.next()
		if c == 0xff {
			// Recurse: deep recursion must end in stk_ovf, not a crash.
			add(fb.Call(self, ps...)[0])
			continue
		}
		if c == 0xfe || c == 0xfd {
			// Branch to a new block with one parameter, and for 0xfd
			// back to an earlier block (a loop; fuel ends it). Blocks
			// form a chain, so every earlier value dominates the new one.
			t := genTypes[int(r.next())%len(genTypes)]
			nb := fb.CreateBlock()
			param := fb.AppendBlockParam(nb, t)
			cond := pick(ir.I8)
			then, thenArgs := nb, []ir.Value{pick(t)}
			if c == 0xfd && len(blocks) > 0 {
				then, thenArgs = blocks[int(r.next())%len(blocks)], nil
				for _, p := range f.DFG.BlockParams(then) {
					thenArgs = append(thenArgs, pick(f.DFG.ValueType(p)))
				}
			}
			fb.Brif(cond, then, thenArgs, nb, []ir.Value{pick(t)})
			fb.SwitchToBlock(nb)
			blocks = append(blocks, nb)
			add(param)
			continue
		}
		op := genOps[int(c)%len(genOps)]
		t := genTypes[int(r.next())%len(genTypes)]
		// Offsets mostly stay inside the slot; one in eight may not.
		off := int64(r.next())
		if off < 224 {
			off %= 48
		} else {
			off -= 256
		}
		data := ir.InstData{Opcode: op, Code: r.next() % 16, Imm: off}
		var args []ir.Value
		switch op.Format() {
		case ir.FmtLoad, ir.FmtLoadNoOffset, ir.FmtAtomicRmw, ir.FmtAtomicCas:
			args = append(args, addr)
			if op == ir.OpBitcast {
				args[0] = pick(genTypes[int(r.next())%len(genTypes)])
			}
			for i := 1; i < op.Format().FixedArgs(); i++ {
				args = append(args, pick(t))
			}
		case ir.FmtStore, ir.FmtStoreNoOffset:
			args = append(args, pick(t), addr)
		default:
			for i := 0; i < op.Format().FixedArgs(); i++ {
				args = append(args, pick(t))
			}
		}
		if op.Format() == ir.FmtBinaryImm8 || op.Format() == ir.FmtTernaryImm8 {
			data.Code %= 20
		}
		data.Args = f.DFG.NewList(args...)
		ctrl := t
		if op.Info().Ctrl == ir.CtrlOperand {
			ctrl = f.DFG.ValueType(args[op.Info().CtrlArg])
		}
		if op.Info().Ctrl == ir.CtrlSuffix {
			data.Type = ctrl
		}
		if _, err := f.ResultTypes(&data, ctrl); err != nil {
			continue // the builder would reject it
		}
		inst := fb.InsData(data, ctrl)
		for _, v := range f.DFG.Results(inst) {
			add(v)
		}
	}
	fb.Return(pick(ir.I64))
	return f
}

// outcome summarises a call for comparisons: the results, or the trap
// code, or just "error".
func outcome(in *Interpreter, args []ir.DataValue) string {
	r, err := in.Call("g", args)
	var tr *Trap
	switch {
	case errors.As(err, &tr):
		return "trap " + tr.Code.String()
	case err != nil:
		return "error"
	}
	return fmt.Sprint(r)
}

// checkGenerated runs a generated function, fails on an internal error,
// and when its printed text parses back, checks that the parsed function
// behaves the same: print and parse must preserve semantics.
func checkGenerated(t *testing.T, data []byte) {
	fn := genFunction(data)
	args := fuzzArgs(&fn.Signature, data)
	limits := Options{Fuel: 5000, MaxDepth: 32, StackBytes: 1 << 16}
	in := New([]*ir.Function{fn})
	in.Options = limits
	if _, err := in.Call("g", args); err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("%v\n%s", err, fn)
	}
	text := fn.String()
	file, err := ir.ParseFile("generated.clif", []byte(text))
	if err != nil || len(file.Functions) != 1 {
		return // e.g. trap(6), intcc(12): codes without a text form
	}
	back := New([]*ir.Function{file.Functions[0].Func})
	back.Options = limits
	if a, b := outcome(in, args), outcome(back, args); a != b {
		t.Fatalf("built function gives %s, its printed and parsed text %s:\n%s", a, b, text)
	}
}

// FuzzGenerated interprets functions generated from fuzzer bytes. Traps
// and "unsupported" errors are fine; panics (internal errors) are not, and
// printing and parsing a function must not change what it computes.
func FuzzGenerated(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte("\x10\x03\xffuadd_overflow sqmul_round_sat fcvt_to_sint bitcast shuffle"))
	f.Add([]byte("\x01\x02\xfe\x03\x04\x05\x06\xfe\x07\x08\x09\x0a\xfd\x00\x11\x12\x13\x14\x15\xfd\x01\x02\x03"))
	f.Add([]byte(strings.Repeat("\x07\x11\x23\x35\x47\x59\x6b\x7d\x8f\x91\xa3\xb5\xc7\xd9\xeb\xfd", 20)))
	f.Fuzz(checkGenerated)
}

// TestGeneratedSweep runs the generator over a deterministic sweep of
// inputs so plain `go test` exercises it too.
func TestGeneratedSweep(t *testing.T) {
	for seed := 0; seed < 600; seed++ {
		data := make([]byte, 300)
		x := uint32(seed)*2654435761 + 1
		for i := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[i] = byte(x)
		}
		checkGenerated(t, data)
	}
}
