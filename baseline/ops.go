package baseline

import (
	"kiln/baseline/masm"
	"kiln/ir/vm"
	"kiln/ir/wasm"
)

// opFamily groups the operators whose translation is one table-driven
// pattern; the row says which masm operation and width.
type opFamily uint8

const (
	famNone opFamily = iota
	famIntBin
	famIntUn
	famIntCmp
	famIntEqz
	famFloatBin
	famFloatUn
	famFloatCmp
	famConv
	famReinterpret
	famWrap    // i32.wrap_i64, i64.extend_i32_u
	famExtendS // i64.extend_i32_s
	famLoad
	famStore
)

// opRow is one operator's translation recipe.
type opRow struct {
	fam   opFamily
	ty    masm.Ty // operand type (the result's for loads, the stored value's for stores)
	res   masm.Ty // result type where it differs (conversions)
	intOp masm.IntOp
	unOp  masm.IntUnOp
	cond  masm.Cond
	fOp   masm.FloatOp
	fUnOp masm.FloatUnOp
	conv  masm.Conv
	load  masm.Load
}

// plainOps is indexed by the opcode byte; fcOps by the 0xfc sub-opcode.
var plainOps, fcOps [256]opRow

func init() {
	intBins := []masm.IntOp{masm.IAdd, masm.ISub, masm.IMul, masm.IDivS, masm.IDivU, masm.IRemS, masm.IRemU,
		masm.IAnd, masm.IOr, masm.IXor, masm.IShl, masm.IShrS, masm.IShrU, masm.IRotl, masm.IRotr}
	for i, op := range intBins {
		plainOps[0x6a+i] = opRow{fam: famIntBin, ty: tyI32, intOp: op}
		plainOps[0x7c+i] = opRow{fam: famIntBin, ty: tyI64, intOp: op}
	}
	intCmps := []masm.Cond{masm.Eq, masm.Ne, masm.LtS, masm.LtU, masm.GtS, masm.GtU, masm.LeS, masm.LeU, masm.GeS, masm.GeU}
	for i, c := range intCmps {
		plainOps[0x46+i] = opRow{fam: famIntCmp, ty: tyI32, cond: c}
		plainOps[0x51+i] = opRow{fam: famIntCmp, ty: tyI64, cond: c}
	}
	plainOps[0x45] = opRow{fam: famIntEqz, ty: tyI32}
	plainOps[0x50] = opRow{fam: famIntEqz, ty: tyI64}
	floatCmps := []masm.Cond{masm.Eq, masm.Ne, masm.LtS, masm.GtS, masm.LeS, masm.GeS}
	for i, c := range floatCmps {
		plainOps[0x5b+i] = opRow{fam: famFloatCmp, ty: tyF32, cond: c}
		plainOps[0x61+i] = opRow{fam: famFloatCmp, ty: tyF64, cond: c}
	}
	for i, op := range []masm.IntUnOp{masm.IClz, masm.ICtz, masm.IPopcnt} {
		plainOps[0x67+i] = opRow{fam: famIntUn, ty: tyI32, unOp: op}
		plainOps[0x79+i] = opRow{fam: famIntUn, ty: tyI64, unOp: op}
	}
	floatUns := []masm.FloatUnOp{masm.FAbs, masm.FNeg, masm.FCeil, masm.FFloor, masm.FTrunc, masm.FNearest, masm.FSqrt}
	for i, op := range floatUns {
		plainOps[0x8b+i] = opRow{fam: famFloatUn, ty: tyF32, fUnOp: op}
		plainOps[0x99+i] = opRow{fam: famFloatUn, ty: tyF64, fUnOp: op}
	}
	floatBins := []masm.FloatOp{masm.FAdd, masm.FSub, masm.FMul, masm.FDiv, masm.FMin, masm.FMax, masm.FCopysign}
	for i, op := range floatBins {
		plainOps[0x92+i] = opRow{fam: famFloatBin, ty: tyF32, fOp: op}
		plainOps[0xa0+i] = opRow{fam: famFloatBin, ty: tyF64, fOp: op}
	}
	plainOps[0xa7] = opRow{fam: famWrap, ty: tyI64, res: tyI32}
	plainOps[0xac] = opRow{fam: famExtendS, ty: tyI32, res: tyI64}
	plainOps[0xad] = opRow{fam: famWrap, ty: tyI32, res: tyI64}
	// Float to int: trapping (0xa8-0xab, 0xae-0xb1) and saturating (0xfc00-07).
	type f2i struct {
		code   int
		from   masm.Ty
		to     masm.Ty
		signed bool
	}
	for _, c := range []f2i{
		{0xa8, tyF32, tyI32, true}, {0xa9, tyF32, tyI32, false}, {0xaa, tyF64, tyI32, true}, {0xab, tyF64, tyI32, false},
		{0xae, tyF32, tyI64, true}, {0xaf, tyF32, tyI64, false}, {0xb0, tyF64, tyI64, true}, {0xb1, tyF64, tyI64, false},
	} {
		conv := masm.Conv{From: c.from.Size, To: c.to.Size, FromFloat: true, Signed: c.signed}
		plainOps[c.code] = opRow{fam: famConv, ty: c.from, res: c.to, conv: conv}
		sat := conv
		sat.Saturating = true
		sub := c.code - 0xa8
		if c.code >= 0xae {
			sub = c.code - 0xae + 4
		}
		fcOps[sub] = opRow{fam: famConv, ty: c.from, res: c.to, conv: sat}
	}
	for _, c := range []f2i{
		{0xb2, tyI32, tyF32, true}, {0xb3, tyI32, tyF32, false}, {0xb4, tyI64, tyF32, true}, {0xb5, tyI64, tyF32, false},
		{0xb7, tyI32, tyF64, true}, {0xb8, tyI32, tyF64, false}, {0xb9, tyI64, tyF64, true}, {0xba, tyI64, tyF64, false},
	} {
		plainOps[c.code] = opRow{fam: famConv, ty: c.from, res: c.to,
			conv: masm.Conv{From: c.from.Size, To: c.to.Size, ToFloat: true, Signed: c.signed}}
	}
	plainOps[0xb6] = opRow{fam: famConv, ty: tyF64, res: tyF32, conv: masm.Conv{From: masm.S64, To: masm.S32, FromFloat: true, ToFloat: true}}
	plainOps[0xbb] = opRow{fam: famConv, ty: tyF32, res: tyF64, conv: masm.Conv{From: masm.S32, To: masm.S64, FromFloat: true, ToFloat: true}}
	plainOps[0xbc] = opRow{fam: famReinterpret, ty: tyF32, res: tyI32}
	plainOps[0xbd] = opRow{fam: famReinterpret, ty: tyF64, res: tyI64}
	plainOps[0xbe] = opRow{fam: famReinterpret, ty: tyI32, res: tyF32}
	plainOps[0xbf] = opRow{fam: famReinterpret, ty: tyI64, res: tyF64}
	plainOps[0xc0] = opRow{fam: famIntUn, ty: tyI32, unOp: masm.IExtend8S}
	plainOps[0xc1] = opRow{fam: famIntUn, ty: tyI32, unOp: masm.IExtend16S}
	plainOps[0xc2] = opRow{fam: famIntUn, ty: tyI64, unOp: masm.IExtend8S}
	plainOps[0xc3] = opRow{fam: famIntUn, ty: tyI64, unOp: masm.IExtend16S}
	plainOps[0xc4] = opRow{fam: famIntUn, ty: tyI64, unOp: masm.IExtend32S}
	// Loads 0x28-0x35 and stores 0x36-0x3e.
	loads := []struct {
		ty masm.Ty
		l  masm.Load
	}{
		{tyI32, masm.Load{Size: masm.S32}}, {tyI64, masm.Load{Size: masm.S64, Wide: true}},
		{tyF32, masm.Load{Size: masm.S32}}, {tyF64, masm.Load{Size: masm.S64}},
		{tyI32, masm.Load{Size: masm.S8, Signed: true}}, {tyI32, masm.Load{Size: masm.S8}},
		{tyI32, masm.Load{Size: masm.S16, Signed: true}}, {tyI32, masm.Load{Size: masm.S16}},
		{tyI64, masm.Load{Size: masm.S8, Signed: true, Wide: true}}, {tyI64, masm.Load{Size: masm.S8, Wide: true}},
		{tyI64, masm.Load{Size: masm.S16, Signed: true, Wide: true}}, {tyI64, masm.Load{Size: masm.S16, Wide: true}},
		{tyI64, masm.Load{Size: masm.S32, Signed: true, Wide: true}}, {tyI64, masm.Load{Size: masm.S32, Wide: true}},
	}
	for i, l := range loads {
		plainOps[0x28+i] = opRow{fam: famLoad, ty: l.ty, load: l.l}
	}
	stores := []struct {
		ty masm.Ty
		sz masm.Size
	}{
		{tyI32, masm.S32}, {tyI64, masm.S64}, {tyF32, masm.S32}, {tyF64, masm.S64},
		{tyI32, masm.S8}, {tyI32, masm.S16}, {tyI64, masm.S8}, {tyI64, masm.S16}, {tyI64, masm.S32},
	}
	for i, s := range stores {
		plainOps[0x36+i] = opRow{fam: famStore, ty: s.ty, load: masm.Load{Size: s.sz}}
	}
}

// row returns the table row of op, or nil.
func row(op wasm.Opcode) *opRow {
	switch {
	case op < 0x100:
		if r := &plainOps[op]; r.fam != famNone {
			return r
		}
	case op>>16 == 0xfc && op&0xffff < 0x100:
		if r := &fcOps[op&0xff]; r.fam != famNone {
			return r
		}
	}
	return nil
}

// immOf returns a constant's value as the signed immediate of its width.
func immOf(v Val) int64 {
	if v.ty.Size == masm.S32 {
		return int64(int32(uint32(v.imm)))
	}
	return int64(v.imm)
}

// emit translates one reachable operator.
func (g *CodeGen) emit(op *wasm.Operator) error {
	if r := row(op.Op); r != nil {
		return g.emitRow(op, r)
	}
	if ok, err := g.control(op); ok {
		return err
	}
	m := g.m
	switch op.Op {
	case wasm.OpI32Const:
		g.push(Val{kind: valConst, ty: tyI32, imm: uint64(uint32(op.Imm))})
	case wasm.OpI64Const:
		g.push(Val{kind: valConst, ty: tyI64, imm: op.Imm})
	case wasm.OpF32Const:
		g.push(Val{kind: valConst, ty: tyF32, imm: op.Imm})
	case wasm.OpF64Const:
		g.push(Val{kind: valConst, ty: tyF64, imm: op.Imm})
	case wasm.OpDrop:
		v, _ := g.pop()
		g.releaseVal(v)
	case wasm.OpSelect, wasm.OpSelectT:
		cond, _ := g.popReg()
		bv, bi := g.pop()
		av, ai := g.pop()
		a := g.toReg(av, ai)
		b := g.toReg(bv, bi)
		m.Select(av.ty.Size, a, b, cond)
		g.release(b)
		g.release(cond)
		g.pushReg(av.ty, a)
	case wasm.OpLocalGet:
		g.push(Val{kind: valLocal, ty: g.locals[op.Index], local: op.Index})
	case wasm.OpLocalSet, wasm.OpLocalTee:
		g.setLocal(op.Index, op.Op == wasm.OpLocalTee)
	case wasm.OpGlobalGet:
		ty, ok := tyOf(g.mod.GlobalTypes[op.Index].Type)
		if !ok {
			return g.unsupported(op, "v128 global")
		}
		r := g.alloc(ty.Class)
		s := masm.Slot{Base: masm.VMCtx, Off: int32(g.offs.Global(op.Index))}
		if g.offs.GlobalIsImported(op.Index) {
			m.LoadIndirect(ty.Size, r, s, 0)
		} else {
			m.LoadSlot(ty.Size, r, s)
		}
		g.pushReg(ty, r)
	case wasm.OpGlobalSet:
		r, ty := g.popReg()
		s := masm.Slot{Base: masm.VMCtx, Off: int32(g.offs.Global(op.Index))}
		if g.offs.GlobalIsImported(op.Index) {
			m.StoreIndirect(ty.Size, s, 0, r)
		} else {
			m.StoreSlot(ty.Size, s, r)
		}
		g.release(r)
	case wasm.OpMemorySize:
		r := g.alloc(masm.Int)
		m.LoadSlot(masm.S64, r, masm.Slot{Base: masm.VMCtx, Off: int32(g.offs.MemoryLength(op.Index))})
		m.IntBinaryImm(masm.IShrU, masm.S64, r, 16)
		g.pushReg(g.addrTy(op.Index), r)
	case wasm.OpMemoryGrow:
		ty := g.addrTy(op.Index)
		g.exit(vm.ExitMemoryGrow, []exitArg{imm(op.Index), operand(0)}, 1, &ty)
	case wasm.OpMemoryFill:
		g.exit(vm.ExitMemoryFill, []exitArg{imm(op.Index), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpMemoryCopy:
		g.exit(vm.ExitMemoryCopy, []exitArg{imm(op.Index), imm(op.Index2), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpMemoryInit:
		g.exit(vm.ExitMemoryInit, []exitArg{imm(op.Index2), imm(op.Index), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpDataDrop:
		g.exit(vm.ExitDataDrop, []exitArg{imm(op.Index)}, 0, nil)
	case wasm.OpTableGet:
		idx, _ := g.popReg()
		m.TableElem(int32(g.offs.TableBase(op.Index)), int32(g.offs.TableLength(op.Index)), idx, idx, vm.TrapTableOutOfBounds)
		g.pushReg(tyI64, idx)
	case wasm.OpTableSet:
		val, _ := g.popReg()
		idx, _ := g.popReg()
		m.TableSet(int32(g.offs.TableBase(op.Index)), int32(g.offs.TableLength(op.Index)), idx, val)
		g.release(val)
		g.release(idx)
	case wasm.OpTableSize:
		r := g.alloc(masm.Int)
		m.LoadSlot(masm.S64, r, masm.Slot{Base: masm.VMCtx, Off: int32(g.offs.TableLength(op.Index))})
		g.pushReg(g.tableIdxTy(op.Index), r)
	case wasm.OpTableGrow:
		ty := g.tableIdxTy(op.Index)
		g.exit(vm.ExitTableGrow, []exitArg{imm(op.Index), operand(1), operand(0)}, 2, &ty)
	case wasm.OpTableFill:
		g.exit(vm.ExitTableFill, []exitArg{imm(op.Index), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpTableCopy:
		g.exit(vm.ExitTableCopy, []exitArg{imm(op.Index), imm(op.Index2), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpTableInit:
		g.exit(vm.ExitTableInit, []exitArg{imm(op.Index2), imm(op.Index), operand(0), operand(1), operand(2)}, 3, nil)
	case wasm.OpElemDrop:
		g.exit(vm.ExitElemDrop, []exitArg{imm(op.Index)}, 0, nil)
	case wasm.OpRefNull:
		g.push(Val{kind: valConst, ty: tyI64})
	case wasm.OpRefIsNull:
		r, _ := g.popReg()
		m.IntEqz(masm.S64, r, r)
		g.pushReg(tyI32, r)
	case wasm.OpRefFunc:
		r := g.alloc(masm.Int)
		m.VMCtxAddr(r, int32(g.offs.FuncRef(op.Index)))
		g.pushReg(tyI64, r)
	case wasm.OpCall, wasm.OpReturnCall:
		return g.call(op, op.Index, -1)
	case wasm.OpCallIndirect, wasm.OpReturnCallIndirect:
		return g.call(op, 0, int64(op.Index2))
	case wasm.OpCallRef, wasm.OpReturnCallRef:
		return g.call(op, 0, callRef)
	case wasm.OpRefAsNonNull:
		r, ty := g.popReg()
		m.TrapIfZero(r, vm.TrapNullReference, 0)
		g.pushReg(ty, r)
	default:
		return g.unsupported(op, "")
	}
	return nil
}

// addrTy is the type of memory mem's addresses and sizes.
func (g *CodeGen) addrTy(mem uint32) masm.Ty {
	if g.mod.MemTypes[mem].Memory64 {
		return tyI64
	}
	return tyI32
}

func (g *CodeGen) tableIdxTy(t uint32) masm.Ty {
	if g.mod.TableTypes[t].Table64 {
		return tyI64
	}
	return tyI32
}

// emitRow translates a table-driven operator.
func (g *CodeGen) emitRow(op *wasm.Operator, r *opRow) error {
	m := g.m
	switch r.fam {
	case famIntBin:
		rv, ri := g.pop()
		lv, li := g.pop()
		g.evict(m.Clobbers(r.intOp))
		d := g.toReg(lv, li)
		if rv.kind == valConst && !r.intOp.IsDiv() && m.IntBinaryImm(r.intOp, r.ty.Size, d, immOf(rv)) {
			g.pushReg(r.ty, d)
			return nil
		}
		// A local or spilled right operand is read from memory directly.
		if rv.kind == valLocal && m.IntBinarySlot(r.intOp, r.ty.Size, d, g.localSlot(rv.local)) ||
			rv.kind == valMem && m.IntBinarySlot(r.intOp, r.ty.Size, d, g.valSlot(ri)) {
			g.pushReg(r.ty, d)
			return nil
		}
		s := g.toReg(rv, ri)
		m.IntBinary(r.intOp, r.ty.Size, d, s)
		g.release(s)
		g.pushReg(r.ty, d)
	case famIntCmp:
		// Deferred: a following br_if or if branches on the flags.
		rv, ri := g.pop()
		lv, li := g.pop()
		d := g.toReg(lv, li)
		c := Val{kind: valCmp, ty: tyI32, reg: d, cond: r.cond, cmpSz: r.ty.Size}
		if rv.kind == valConst && m.CmpImmOK(r.ty.Size, immOf(rv)) {
			c.imm = uint64(immOf(rv))
		} else {
			c.reg2, c.hasReg2 = g.toReg(rv, ri), true
		}
		g.push(c)
	case famIntEqz:
		v, i := g.pop()
		if v.kind == valCmp && !v.isFloat {
			// eqz of a comparison is the opposite comparison.
			v.cond = v.cond.Negate()
			g.push(v)
			return nil
		}
		d := g.toReg(v, i)
		g.push(Val{kind: valCmp, ty: tyI32, reg: d, cond: masm.Eq, cmpSz: r.ty.Size})
	case famIntUn:
		d, _ := g.popReg()
		m.IntUnary(r.unOp, r.ty.Size, d)
		g.pushReg(r.ty, d)
	case famFloatBin:
		rv, ri := g.pop()
		lv, li := g.pop()
		d := g.toReg(lv, li)
		s := g.toReg(rv, ri)
		m.FloatBinary(r.fOp, r.ty.Size, d, s)
		g.release(s)
		g.pushReg(r.ty, d)
	case famFloatUn:
		d, _ := g.popReg()
		m.FloatUnary(r.fUnOp, r.ty.Size, d)
		g.pushReg(r.ty, d)
	case famFloatCmp:
		// Deferred like integer comparisons.
		rv, ri := g.pop()
		lv, li := g.pop()
		l := g.toReg(lv, li)
		s := g.toReg(rv, ri)
		g.push(Val{kind: valCmp, ty: tyI32, reg: l, reg2: s, hasReg2: true, cond: r.cond, cmpSz: r.ty.Size, isFloat: true})
	case famConv, famReinterpret:
		src, _ := g.popReg()
		d := g.alloc(r.res.Class)
		if r.fam == famConv {
			m.Convert(r.conv, d, src)
		} else if r.res.Class == masm.Float {
			m.Reinterpret(r.res.Size, d, src)
		} else {
			m.Reinterpret(r.ty.Size, d, src)
		}
		g.release(src)
		g.pushReg(r.res, d)
	case famWrap:
		d, _ := g.popReg()
		m.ZeroExtend32(d, d)
		g.pushReg(r.res, d)
	case famExtendS:
		d, _ := g.popReg()
		m.SignExtend32(d, d)
		g.pushReg(r.res, d)
	case famLoad:
		mem := op.Mem.Memory
		addr, _ := g.popReg()
		d := addr
		if r.ty.Class == masm.Float {
			d = g.alloc(masm.Float)
		}
		m.LoadMem(g.mod.MemTypes[mem].Memory64, int32(g.offs.MemoryBase(mem)), int32(g.offs.MemoryLength(mem)), r.load, d, addr, op.Mem.Offset)
		if d != addr {
			g.release(addr)
		}
		g.pushReg(r.ty, d)
	case famStore:
		mem := op.Mem.Memory
		if v := g.stack[len(g.stack)-1]; v.kind == valConst {
			g.pop()
			addr, aty := g.popReg()
			if m.StoreMemImm(g.mod.MemTypes[mem].Memory64, int32(g.offs.MemoryBase(mem)), int32(g.offs.MemoryLength(mem)), r.load.Size, addr, v.imm, op.Mem.Offset) {
				g.release(addr)
				return nil
			}
			// Not encodable: materialise it after all.
			g.pushReg(aty, addr)
			g.push(v)
		}
		val, _ := g.popReg()
		addr, _ := g.popReg()
		m.StoreMem(g.mod.MemTypes[mem].Memory64, int32(g.offs.MemoryBase(mem)), int32(g.offs.MemoryLength(mem)), r.load.Size, addr, val, op.Mem.Offset)
		g.release(val)
		g.release(addr)
	}
	return nil
}

// setLocal implements local.set and local.tee.
func (g *CodeGen) setLocal(l uint32, tee bool) {
	m := g.m
	g.materialiseLocal(l)
	v, i := g.pop()
	if v.kind == valCmp {
		v = Val{kind: valReg, ty: v.ty, reg: g.toReg(v, i)}
	}
	s := g.localSlot(l)
	switch v.kind {
	case valConst:
		m.StoreImm(v.ty.Size, s, v.imm)
	case valReg:
		m.StoreSlot(v.ty.Size, s, v.reg)
	case valLocal:
		if v.local != l {
			m.CopySlot(v.ty.Size, s, g.localSlot(v.local))
		}
	case valMem:
		m.CopySlot(v.ty.Size, s, g.valSlot(i))
	}
	switch {
	case !tee:
		if v.kind == valReg {
			g.release(v.reg)
		}
	case v.kind == valReg || v.kind == valConst:
		g.push(v)
	default:
		g.push(Val{kind: valLocal, ty: v.ty, local: l})
	}
}

// exitArg is one argument word of an exit: an immediate, or the n-th of
// the operands the exit consumes (0 = deepest).
type exitArg struct {
	isImm   bool
	imm     uint64
	operand int
}

func imm(v uint32) exitArg  { return exitArg{isImm: true, imm: uint64(v)} }
func operand(i int) exitArg { return exitArg{operand: i} }

// exit emits an exit to the runtime consuming n operands, with the
// argument words args, pushing a result of type *res if non-nil.
func (g *CodeGen) exit(k vm.ExitKind, args []exitArg, n int, res *masm.Ty) {
	m := g.m
	first := len(g.stack) - n
	ops := append([]Val(nil), g.stack[first:]...)
	g.stack = g.stack[:first]
	for i, a := range args {
		switch {
		case a.isImm:
			m.StoreExitArgImm(i, a.imm)
		case ops[a.operand].kind == valConst:
			m.StoreExitArgImm(i, ops[a.operand].imm)
		default:
			r := g.toReg(ops[a.operand], first+a.operand)
			m.StoreExitArg(i, r)
			g.release(r)
		}
	}
	g.flush()
	m.Exit(k)
	if res != nil {
		r := g.alloc(masm.Int)
		m.LoadExitResult(res.Size, r)
		g.pushReg(*res, r)
	}
}

// placeValues moves the top values of the stack (from index first, of
// types tys) to the convention's locations: every value below them is
// flushed for a call (a call clobbers every register) or dropped for a
// return or tail call (area Incoming), then stack-slot values are
// stored, a value sitting in another value's target register is spilled,
// and the rest are moved straight to their registers. The values' own
// registers are released; the caller truncates the stack.
func (g *CodeGen) placeValues(first int, tys []masm.Ty, locs []argLoc, area masm.SlotBase) {
	m := g.m
	for i := 0; i < first; i++ {
		switch {
		case g.stack[i].kind == valMem:
		case area == masm.Incoming:
			// A return or tail call: nothing below is used again.
			g.releaseVal(g.stack[i])
			g.stack[i] = Val{kind: valMem, ty: g.stack[i].ty}
		default:
			g.spillAt(i)
		}
	}
	for i := first; i < len(g.stack); i++ {
		if v := &g.stack[i]; v.kind == valCmp {
			*v = Val{kind: valReg, ty: v.ty, reg: g.toReg(*v, i)}
		}
	}
	for i, l := range locs {
		if l.stack < 0 {
			continue
		}
		v, dst := &g.stack[first+i], masm.Slot{Base: area, Off: l.stack}
		switch v.kind {
		case valConst:
			m.StoreImm(masm.S64, dst, v.imm)
		case valReg:
			m.StoreSlot(masm.S64, dst, v.reg)
		case valLocal:
			m.CopySlot(masm.S64, dst, g.localSlot(v.local))
		default:
			m.CopySlot(masm.S64, dst, g.valSlot(first+i))
		}
	}
	for i := range locs {
		v := &g.stack[first+i]
		if v.kind != valReg {
			continue
		}
		for j, o := range locs {
			if j != i && o.stack < 0 && o.reg == v.reg {
				g.spillAt(first + i)
				break
			}
		}
	}
	for i, l := range locs {
		if l.stack >= 0 {
			continue
		}
		v, ty := &g.stack[first+i], tys[i]
		switch v.kind {
		case valConst:
			m.LoadImm(ty.Size, l.reg, v.imm)
		case valReg:
			m.Move(ty.Size, l.reg, v.reg)
		case valLocal:
			m.LoadSlot(ty.Size, l.reg, g.localSlot(v.local))
		default:
			m.LoadSlot(ty.Size, l.reg, g.valSlot(first+i))
		}
	}
	for i := first; i < len(g.stack); i++ {
		g.releaseVal(g.stack[i])
	}
}

// callRef is call's table argument for call_ref: the callee is a funcref
// operand, not a table element.
const callRef = -2

// nullFuncRef is the detail of a TrapNullReference raised by call_ref, so
// the runtime words it "null function reference".
const nullFuncRef = 1

// call emits call, call_indirect, call_ref and their tail-call forms. For
// indirect calls table >= 0, for call_ref table == callRef; the type index
// is op.Index.
func (g *CodeGen) call(op *wasm.Operator, funcIndex uint32, table int64) error {
	m := g.m
	tail := op.Op == wasm.OpReturnCall || op.Op == wasm.OpReturnCallIndirect || op.Op == wasm.OpReturnCallRef
	var sig *sigInfo
	if table >= 0 || table == callRef {
		sig = g.sigs.types[op.Index]
	} else {
		sig = g.sigs.fn(funcIndex)
	}
	if sig == nil {
		return g.unsupported(op, "v128 in a signature")
	}
	params, results := sig.params, sig.results
	plocs, pstack := sig.plocs, sig.pstack
	rlocs, rstack := sig.rlocs, sig.rstack
	// A tail call's arguments go to our own incoming area, which our
	// caller sized for our signature. A callee that needs more cannot be
	// tail-called under the convention (the caller cleans up), so it is
	// called and its results returned: the same results, but a chain of
	// such calls uses stack.
	callThenReturn := false
	if tail && max(pstack, rstack) > g.incomingArea {
		tail, callThenReturn = false, true
	}
	// An indirect callee's FuncRef address is looked up (and bounds
	// checked) first and parked in the slot its index occupied.
	var refSlot masm.Slot
	if table == callRef {
		ref, _ := g.popReg()
		m.TrapIfZero(ref, vm.TrapNullReference, nullFuncRef)
		refSlot = g.valSlot(len(g.stack))
		m.StoreSlot(masm.S64, refSlot, ref)
		g.release(ref)
	}
	if table >= 0 {
		t := uint32(table)
		idx, _ := g.popReg()
		ref := g.alloc(masm.Int)
		m.CallElem(int32(g.offs.TableBase(t)), int32(g.offs.TableLength(t)), idx, ref)
		refSlot = g.valSlot(len(g.stack))
		m.StoreSlot(masm.S64, refSlot, ref)
		g.release(idx)
		g.release(ref)
	}
	area := masm.Outgoing
	if tail {
		area = masm.Incoming
	}
	first := len(g.stack) - len(params)
	g.placeValues(first, params, plocs, area)
	g.stack = g.stack[:first]
	nimp := uint32(g.mod.NumImportedFuncs)
	switch {
	case table == callRef:
		// The type is guaranteed by validation.
		if tail {
			m.TailCallFuncRef(refSlot, -1)
		} else {
			m.CallFuncRef(refSlot, -1)
		}
	case table >= 0:
		tid := int32(g.offs.TypeID(op.Index))
		if tail {
			m.TailCallFuncRef(refSlot, tid)
		} else {
			m.CallFuncRef(refSlot, tid)
		}
	case funcIndex < nimp:
		code, ctx := int32(g.offs.ImportedFuncCode(funcIndex)), int32(g.offs.ImportedFuncVMCtx(funcIndex))
		if tail {
			m.TailCallImport(code, ctx)
		} else {
			m.CallImport(code, ctx)
		}
	default:
		if tail {
			m.TailCallDirect(funcIndex)
		} else {
			m.CallDirect(funcIndex)
		}
	}
	if tail {
		g.unreachable = true
		return nil
	}
	g.maxOutgoing = max(g.maxOutgoing, (max(pstack, rstack)+15)&^15)
	m.ReloadVMCtx()
	for i, l := range rlocs {
		ty := results[i]
		if l.stack >= 0 {
			m.CopySlot(masm.S64, g.valSlot(len(g.stack)), masm.Slot{Base: masm.Outgoing, Off: l.stack})
			g.push(Val{kind: valMem, ty: ty})
			continue
		}
		g.take(l.reg)
		if ty.Class == masm.Int && ty.Size == masm.S32 {
			// Another tier may leave the upper half undefined.
			m.ZeroExtend32(l.reg, l.reg)
		}
		g.pushReg(ty, l.reg)
	}
	if callThenReturn {
		g.emitReturn()
		g.unreachable = true
	}
	return nil
}
