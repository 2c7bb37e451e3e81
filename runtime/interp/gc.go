package interp

import (
	"fmt"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/runtime/internal/store"
)

// GC operators (the garbage-collection proposal). Objects live in the
// store (store.Object); references use the store's word encoding. The
// translation resolves everything static: field word offsets, storage
// codes (how a field or element is packed), cast kinds.

// Internal GC operators, numbered after the rest (see code.go).
const (
	opStructNew        = opGCBase + iota // a: type, b: layout
	opStructNewDefault                   // a: type, b: layout
	opStructGet                          // a: word offset, b: storage, c: signed
	opStructSet                          // a: word offset, b: storage
	opArrayNew                           // a: type, b: storage
	opArrayNewDefault                    // a: type, b: storage
	opArrayNewFixed                      // a: type, b: storage, c: count
	opArrayNewData                       // a: type, b: storage | bytes<<8, c: data
	opArrayNewElem                       // a: type, c: elem
	opArrayGet                           // b: storage, c: signed
	opArraySet                           // b: storage
	opArrayLen                           //
	opArrayFill                          // b: storage
	opArrayCopy                          // b: storage
	opArrayInitData                      // b: storage | bytes<<8, c: data
	opArrayInitElem                      // c: elem
	opRefTest                            // a: type, b: cast kind, c: nullable
	opRefCast                            // a: type, b: cast kind, c: nullable
	opBrOnCast                           // a: index of function.casts
	opBrOnCastFail                       // a: index of function.casts
	opRefI31                             //
	opI31GetS                            //
	opI31GetU                            //
	opAnyConvertExtern                   //
	opExternConvertAny                   //
	opRefEq                              //
	opGCEnd
)

// Storage codes: how a field or element is held in an Object's words.
const (
	storeWord = 0  // one word as is
	storeV128 = 1  // two words
	storeI8   = 8  // zero-extended byte
	storeI16  = 16 // zero-extended half-word
)

func storageCode(t wasm.ValType) uint32 {
	switch t.Kind {
	case wasm.KindV128:
		return storeV128
	case wasm.KindI8:
		return storeI8
	case wasm.KindI16:
		return storeI16
	}
	return storeWord
}

// storageBytes is the size of a storage type in a data segment.
func storageBytes(t wasm.ValType) uint32 {
	switch t.Kind {
	case wasm.KindI8:
		return 1
	case wasm.KindI16:
		return 2
	case wasm.KindI32, wasm.KindF32:
		return 4
	case wasm.KindV128:
		return 16
	}
	return 8
}

// Cast kinds: what ref.test, ref.cast and br_on_cast check.
const (
	castAny = iota
	castEq
	castI31
	castStruct
	castArray
	castNone
	castFunc
	castNoFunc
	castExtern
	castNoExtern
	castExn
	castNoExn
	castConcreteObj  // a struct or array of a subtype of the type
	castConcreteFunc // a function of a subtype of the type
)

// castBranch is a br_on_cast or br_on_cast_fail: where it goes and what
// it checks.
type castBranch struct {
	pc, height, arity uint32
	kind              uint32
	typ               uint32
	nullable          bool
}

func (c *compiler) castKind(h wasm.HeapType) (kind, typ uint32) {
	if h >= 0 {
		if c.m.Types[h].Kind == wasm.CompFunc {
			return castConcreteFunc, uint32(h)
		}
		return castConcreteObj, uint32(h)
	}
	switch h {
	case wasm.HeapAny:
		return castAny, 0
	case wasm.HeapEq:
		return castEq, 0
	case wasm.HeapI31:
		return castI31, 0
	case wasm.HeapStruct:
		return castStruct, 0
	case wasm.HeapArray:
		return castArray, 0
	case wasm.HeapNone:
		return castNone, 0
	case wasm.HeapFunc:
		return castFunc, 0
	case wasm.HeapNoFunc:
		return castNoFunc, 0
	case wasm.HeapExtern:
		return castExtern, 0
	case wasm.HeapNoExtern:
		return castNoExtern, 0
	case wasm.HeapExn:
		return castExn, 0
	}
	return castNoExn, 0
}

// gc translates a GC operator (0xfb prefix, and ref.eq).
func (c *compiler) gc(op *wasm.Operator) error {
	t := func() *wasm.SubType { return &c.m.Types[op.Index] }
	elem := func() wasm.ValType { return t().Fields[0].Type }
	switch op.Op {
	case wasm.OpRefEq:
		c.emit(instr{op: opRefEq})
	case wasm.OpStructNew, wasm.OpStructNewDefault:
		var layout []uint32
		for _, f := range t().Fields {
			layout = append(layout, storageCode(f.Type))
		}
		c.fn.layouts = append(c.fn.layouts, layout)
		o := opStructNew
		if op.Op == wasm.OpStructNewDefault {
			o = opStructNewDefault
		}
		c.emit(instr{op: o, a: op.Index, b: uint32(len(c.fn.layouts) - 1)})
	case wasm.OpStructGet, wasm.OpStructGetS, wasm.OpStructGetU, wasm.OpStructSet:
		off := uint32(0)
		for _, f := range t().Fields[:op.Index2] {
			off += uint32(store.StorageWords(f.Type))
		}
		code := storageCode(t().Fields[op.Index2].Type)
		switch op.Op {
		case wasm.OpStructSet:
			c.emit(instr{op: opStructSet, a: off, b: code})
		case wasm.OpStructGetS:
			c.emit(instr{op: opStructGet, a: off, b: code, c: 1})
		default:
			c.emit(instr{op: opStructGet, a: off, b: code})
		}
	case wasm.OpArrayNew:
		c.emit(instr{op: opArrayNew, a: op.Index, b: storageCode(elem())})
	case wasm.OpArrayNewDefault:
		c.emit(instr{op: opArrayNewDefault, a: op.Index, b: storageCode(elem())})
	case wasm.OpArrayNewFixed:
		c.emit(instr{op: opArrayNewFixed, a: op.Index, b: storageCode(elem()), c: uint64(op.Index2)})
	case wasm.OpArrayNewData:
		c.emit(instr{op: opArrayNewData, a: op.Index, b: storageCode(elem()) | storageBytes(elem())<<8, c: uint64(op.Index2)})
	case wasm.OpArrayNewElem:
		c.emit(instr{op: opArrayNewElem, a: op.Index, c: uint64(op.Index2)})
	case wasm.OpArrayGet, wasm.OpArrayGetU:
		c.emit(instr{op: opArrayGet, b: storageCode(elem())})
	case wasm.OpArrayGetS:
		c.emit(instr{op: opArrayGet, b: storageCode(elem()), c: 1})
	case wasm.OpArraySet:
		c.emit(instr{op: opArraySet, b: storageCode(elem())})
	case wasm.OpArrayLen:
		c.emit(instr{op: opArrayLen})
	case wasm.OpArrayFill:
		c.emit(instr{op: opArrayFill, b: storageCode(elem())})
	case wasm.OpArrayCopy:
		c.emit(instr{op: opArrayCopy, b: storageCode(elem())})
	case wasm.OpArrayInitData:
		c.emit(instr{op: opArrayInitData, b: storageCode(elem()) | storageBytes(elem())<<8, c: uint64(op.Index2)})
	case wasm.OpArrayInitElem:
		c.emit(instr{op: opArrayInitElem, c: uint64(op.Index2)})
	case wasm.OpRefTest, wasm.OpRefTestNull, wasm.OpRefCast, wasm.OpRefCastNull:
		kind, typ := c.castKind(op.Heap)
		o := opRefTest
		if op.Op == wasm.OpRefCast || op.Op == wasm.OpRefCastNull {
			o = opRefCast
		}
		null := op.Op == wasm.OpRefTestNull || op.Op == wasm.OpRefCastNull
		c.emit(instr{op: o, a: typ, b: kind, c: uint64(b2u(null))})
	case wasm.OpBrOnCast, wasm.OpBrOnCastFail:
		kind, typ := c.castKind(op.Heap2)
		lab, h, arity := c.label(op.Index)
		cb := castBranch{height: h, arity: arity, kind: kind, typ: typ, nullable: op.Flags&2 != 0}
		if lab.op == wasm.OpLoop {
			cb.pc = lab.start
		} else {
			lab.fixups = append(lab.fixups, fixup{at: len(c.fn.casts), kind: fixCast})
		}
		c.fn.casts = append(c.fn.casts, cb)
		o := opBrOnCast
		if op.Op == wasm.OpBrOnCastFail {
			o = opBrOnCastFail
		}
		c.emit(instr{op: o, a: uint32(len(c.fn.casts) - 1)})
	case wasm.OpRefI31:
		c.emit(instr{op: opRefI31})
	case wasm.OpI31GetS:
		c.emit(instr{op: opI31GetS})
	case wasm.OpI31GetU:
		c.emit(instr{op: opI31GetU})
	case wasm.OpAnyConvertExtern:
		c.emit(instr{op: opAnyConvertExtern})
	case wasm.OpExternConvertAny:
		c.emit(instr{op: opExternConvertAny})
	default:
		return fmt.Errorf("%w: %v at offset %d", ErrUnsupported, op.Op, op.Offset)
	}
	return nil
}

// castOK reports whether reference v passes a cast of the given kind.
func castOK(st *store.Store, inst *store.Instance, v uint64, kind, typ uint32, nullable bool) bool {
	if v == 0 {
		return nullable
	}
	switch kind {
	case castAny, castFunc, castExtern, castExn:
		return true
	case castEq:
		return v&(store.RefI31|store.RefObject) != 0
	case castI31:
		return v&store.RefI31 != 0
	case castStruct, castArray:
		o := st.Object(v)
		return o != nil && o.Array == (kind == castArray)
	case castConcreteObj:
		o := st.Object(v)
		return o != nil && st.SubTypeOf(o.Type, inst.TypeIDs[typ])
	case castConcreteFunc:
		f := st.Func(v)
		return f != nil && st.SubTypeOf(f.TypeID, inst.TypeIDs[typ])
	}
	return false
}

// pack truncates a value to a storage code.
func pack(code uint32, v uint64) uint64 {
	switch code {
	case storeI8:
		return v & 0xff
	case storeI16:
		return v & 0xffff
	}
	return v
}

// unpack reads a stored value as an operand.
func unpack(code uint32, v uint64, signed bool) uint64 {
	switch {
	case code == storeI8 && signed:
		return uint64(uint32(int32(int8(v))))
	case code == storeI16 && signed:
		return uint64(uint32(int32(int16(v))))
	}
	return v
}

func words(code uint32) int {
	if code == storeV128 {
		return 2
	}
	return 1
}

// gcTrap is a trap with the spec's wording for GC failures.
func gcTrap(code vm.TrapCode, text string) *store.Trap {
	t := store.TrapOf(code)
	t.Text = text
	return t
}

// nullStruct and friends are the spec's messages.
const (
	nullStruct = "null structure reference"
	nullArray  = "null array reference"
	nullI31    = "null i31 reference"
)

// execGC runs a GC operator on the stack; it returns the new sp, a branch
// target (-1 for none) and a trap.
func (m *machine) execGC(st *store.Store, inst *store.Instance, fn *function, in *instr, s []uint64, sp, fp int) (int, int, *store.Trap) {
	switch in.op {
	case opRefEq:
		sp--
		s[sp-1] = b2u(s[sp-1] == s[sp])
	case opRefI31:
		s[sp-1] = store.I31(uint32(s[sp-1]))
	case opI31GetS, opI31GetU:
		v := s[sp-1]
		if v == 0 {
			return sp, -1, gcTrap(vm.TrapNullReference, nullI31)
		}
		x := uint32(v & 0x7fffffff)
		if in.op == opI31GetS {
			x = uint32(int32(x<<1) >> 1)
		}
		s[sp-1] = uint64(x)
	case opAnyConvertExtern:
		s[sp-1] = store.AnyOfExtern(s[sp-1])
	case opExternConvertAny:
		s[sp-1] = store.ExternOfAny(s[sp-1])
	case opRefTest:
		s[sp-1] = b2u(castOK(st, inst, s[sp-1], in.b, in.a, in.c != 0))
	case opRefCast:
		if !castOK(st, inst, s[sp-1], in.b, in.a, in.c != 0) {
			return sp, -1, store.TrapOf(vm.TrapCastFailure)
		}
	case opBrOnCast, opBrOnCastFail:
		cb := &fn.casts[in.a]
		if castOK(st, inst, s[sp-1], cb.kind, cb.typ, cb.nullable) == (in.op == opBrOnCast) {
			n := int(cb.arity)
			copy(s[fp+int(cb.height):], s[sp-n:sp])
			return fp + int(cb.height) + n, int(cb.pc), nil
		}
	case opStructNew, opStructNewDefault:
		layout := fn.layouts[in.b]
		n := 0
		for _, code := range layout {
			n += words(code)
		}
		o := &store.Object{Type: inst.TypeIDs[in.a], W: 1, Words: make([]uint64, n)}
		if in.op == opStructNew {
			sp -= n
			k := 0
			for _, code := range layout {
				o.Words[k] = pack(code, s[sp+k])
				if code == storeV128 {
					o.Words[k+1] = s[sp+k+1]
				}
				k += words(code)
			}
		}
		s[sp] = st.NewObject(o)
		sp++
	case opStructGet:
		o := st.Object(s[sp-1])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullStruct)
		}
		s[sp-1] = unpack(in.b, o.Words[in.a], in.c != 0)
		if in.b == storeV128 {
			s[sp] = o.Words[in.a+1]
			sp++
		}
	case opStructSet:
		w := words(in.b)
		sp -= w + 1
		o := st.Object(s[sp])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullStruct)
		}
		o.Words[in.a] = pack(in.b, s[sp+1])
		if w == 2 {
			o.Words[in.a+1] = s[sp+2]
		}
	case opArrayNew, opArrayNewDefault, opArrayNewFixed:
		w := words(in.b)
		var n uint64
		var init []uint64
		switch in.op {
		case opArrayNewFixed:
			n = in.c
			sp -= int(n) * w
			init = s[sp : sp+int(n)*w]
		case opArrayNew:
			sp--
			n = uint64(uint32(s[sp]))
			sp -= w
			init = s[sp : sp+w]
		default:
			sp--
			n = uint64(uint32(s[sp]))
		}
		if n*uint64(w) > store.MaxObjectWords {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		o := &store.Object{Type: inst.TypeIDs[in.a], W: w, Array: true, Words: make([]uint64, int(n)*w)}
		switch in.op {
		case opArrayNewFixed:
			for i := range o.Words {
				o.Words[i] = init[i]
				if w == 1 {
					o.Words[i] = pack(in.b, init[i])
				}
			}
		case opArrayNew:
			for i := 0; i < len(o.Words); i += w {
				o.Words[i] = pack(in.b, init[0])
				if w == 2 {
					o.Words[i+1] = init[1]
				}
			}
		}
		s[sp] = st.NewObject(o)
		sp++
	case opArrayNewData, opArrayNewElem:
		sp -= 2
		src, n := uint64(uint32(s[sp])), uint64(uint32(s[sp+1]))
		var o *store.Object
		if in.op == opArrayNewData {
			code, size := in.b&0xff, uint64(in.b>>8)
			data := inst.Datas[in.c].Bytes()
			if src > uint64(len(data)) || n*size > uint64(len(data))-src {
				return sp, -1, store.TrapOf(vm.TrapMemoryOutOfBounds)
			}
			w := words(code)
			o = &store.Object{Type: inst.TypeIDs[in.a], W: w, Array: true, Words: make([]uint64, int(n)*w)}
			decode(o.Words, data[src:src+n*size], size)
		} else {
			refs := inst.Elems[in.c].Elems()
			if src > uint64(len(refs)) || n > uint64(len(refs))-src {
				return sp, -1, store.TrapOf(vm.TrapTableOutOfBounds)
			}
			o = &store.Object{Type: inst.TypeIDs[in.a], W: 1, Array: true, Words: append([]uint64(nil), refs[src:src+n]...)}
		}
		s[sp] = st.NewObject(o)
		sp++
	case opArrayGet:
		sp--
		o := st.Object(s[sp-1])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		i := uint64(uint32(s[sp]))
		if i >= o.Len() {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		w := uint64(o.W)
		s[sp-1] = unpack(in.b, o.Words[i*w], in.c != 0)
		if w == 2 {
			s[sp] = o.Words[i*w+1]
			sp++
		}
	case opArraySet:
		w := words(in.b)
		sp -= w + 2
		o := st.Object(s[sp])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		i := uint64(uint32(s[sp+1]))
		if i >= o.Len() {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		o.Words[i*uint64(w)] = pack(in.b, s[sp+2])
		if w == 2 {
			o.Words[i*2+1] = s[sp+3]
		}
	case opArrayLen:
		o := st.Object(s[sp-1])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		s[sp-1] = o.Len()
	case opArrayFill:
		w := words(in.b)
		sp -= w + 3
		o := st.Object(s[sp])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		d, n := uint64(uint32(s[sp+1])), uint64(uint32(s[sp+2+w]))
		if d > o.Len() || n > o.Len()-d {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		for i := d; i < d+n; i++ {
			o.Words[i*uint64(w)] = pack(in.b, s[sp+2])
			if w == 2 {
				o.Words[i*2+1] = s[sp+3]
			}
		}
	case opArrayCopy:
		sp -= 5
		dst, src := st.Object(s[sp]), st.Object(s[sp+2])
		if dst == nil || src == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		d, si, n := uint64(uint32(s[sp+1])), uint64(uint32(s[sp+3])), uint64(uint32(s[sp+4]))
		if d > dst.Len() || n > dst.Len()-d || si > src.Len() || n > src.Len()-si {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		w := uint64(dst.W)
		copy(dst.Words[d*w:(d+n)*w], src.Words[si*w:(si+n)*w])
	case opArrayInitData, opArrayInitElem:
		sp -= 4
		o := st.Object(s[sp])
		if o == nil {
			return sp, -1, gcTrap(vm.TrapNullReference, nullArray)
		}
		d, src, n := uint64(uint32(s[sp+1])), uint64(uint32(s[sp+2])), uint64(uint32(s[sp+3]))
		if d > o.Len() || n > o.Len()-d {
			return sp, -1, store.TrapOf(vm.TrapArrayOutOfBounds)
		}
		w := uint64(o.W)
		if in.op == opArrayInitData {
			size := uint64(in.b >> 8)
			data := inst.Datas[in.c].Bytes()
			if src > uint64(len(data)) || n*size > uint64(len(data))-src {
				return sp, -1, store.TrapOf(vm.TrapMemoryOutOfBounds)
			}
			decode(o.Words[d*w:(d+n)*w], data[src:src+n*size], size)
		} else {
			refs := inst.Elems[in.c].Elems()
			if src > uint64(len(refs)) || n > uint64(len(refs))-src {
				return sp, -1, store.TrapOf(vm.TrapTableOutOfBounds)
			}
			copy(o.Words[d:d+n], refs[src:src+n])
		}
	}
	return sp, -1, nil
}

// decode fills words with the little-endian elements of data, each size
// bytes (16: two words).
func decode(words []uint64, data []byte, size uint64) {
	for i := uint64(0); i*size < uint64(len(data)); i++ {
		e := data[i*size : (i+1)*size]
		switch size {
		case 1:
			words[i] = uint64(e[0])
		case 2:
			words[i] = uint64(le.Uint16(e))
		case 4:
			words[i] = uint64(le.Uint32(e))
		case 8:
			words[i] = le.Uint64(e)
		case 16:
			words[2*i] = le.Uint64(e)
			words[2*i+1] = le.Uint64(e[8:])
		}
	}
}
