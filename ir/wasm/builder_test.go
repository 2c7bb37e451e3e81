package wasm

// A tiny test-only module builder: each helper returns the bytes of one
// binary-format construct, so tests read like the grammar.

func uleb(v uint64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func sleb(v int64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// vec is a counted vector of already-encoded items.
func vec(items ...[]byte) []byte { return cat(uleb(uint64(len(items))), cat(items...)) }

func str(s string) []byte { return cat(uleb(uint64(len(s))), []byte(s)) }

func section(id byte, content ...[]byte) []byte {
	c := cat(content...)
	return cat([]byte{id}, uleb(uint64(len(c))), c)
}

func module(sections ...[]byte) []byte {
	return cat([]byte("\x00asm\x01\x00\x00\x00"), cat(sections...))
}

// Value type bytes.
var (
	tI32     = []byte{0x7f}
	tI64     = []byte{0x7e}
	tF32     = []byte{0x7d}
	tF64     = []byte{0x7c}
	tV128    = []byte{0x7b}
	tFuncRef = []byte{0x70}
	tExtern  = []byte{0x6f}
)

func refT(nullable bool, heap int64) []byte {
	if nullable {
		return cat([]byte{0x63}, sleb(heap))
	}
	return cat([]byte{0x64}, sleb(heap))
}

func types(ts ...[]byte) []byte { return vec(ts...) }

func funcType(params, results [][]byte) []byte {
	return cat([]byte{0x60}, vec(params...), vec(results...))
}

func ft(params ...[]byte) func(results ...[]byte) []byte {
	return func(results ...[]byte) []byte { return funcType(params, results) }
}

func structType(fields ...[]byte) []byte { return cat([]byte{0x5f}, vec(fields...)) }
func arrayType(field []byte) []byte      { return cat([]byte{0x5e}, field) }
func field(t []byte, mutable bool) []byte {
	if mutable {
		return cat(t, []byte{1})
	}
	return cat(t, []byte{0})
}
func sub(final bool, supers []uint32, comp []byte) []byte {
	op := byte(0x50)
	if final {
		op = 0x4f
	}
	var ss [][]byte
	for _, s := range supers {
		ss = append(ss, uleb(uint64(s)))
	}
	return cat([]byte{op}, vec(ss...), comp)
}
func rec(subs ...[]byte) []byte { return cat([]byte{0x4e}, vec(subs...)) }

func typeSec(ts ...[]byte) []byte     { return section(secType, vec(ts...)) }
func funcSec(idx ...uint32) []byte    { return section(secFunction, vec(u32s(idx)...)) }
func importSec(is ...[]byte) []byte   { return section(secImport, vec(is...)) }
func exportSec(es ...[]byte) []byte   { return section(secExport, vec(es...)) }
func tableSec(ts ...[]byte) []byte    { return section(secTable, vec(ts...)) }
func memorySec(ms ...[]byte) []byte   { return section(secMemory, vec(ms...)) }
func globalSec(gs ...[]byte) []byte   { return section(secGlobal, vec(gs...)) }
func elemSec(es ...[]byte) []byte     { return section(secElement, vec(es...)) }
func dataSec(ds ...[]byte) []byte     { return section(secData, vec(ds...)) }
func tagSec(ts ...[]byte) []byte      { return section(secTag, vec(ts...)) }
func codeSec(bodies ...[]byte) []byte { return section(secCode, vec(bodies...)) }
func startSec(f uint32) []byte        { return section(secStart, uleb(uint64(f))) }
func dataCountSec(n uint32) []byte    { return section(secDataCount, uleb(uint64(n))) }

func u32s(xs []uint32) [][]byte {
	var out [][]byte
	for _, x := range xs {
		out = append(out, uleb(uint64(x)))
	}
	return out
}

func limits(min uint64, max ...uint64) []byte {
	if len(max) > 0 {
		return cat([]byte{1}, uleb(min), uleb(max[0]))
	}
	return cat([]byte{0}, uleb(min))
}

func mem(min uint64, max ...uint64) []byte                { return limits(min, max...) }
func table(elem []byte, min uint64, max ...uint64) []byte { return cat(elem, limits(min, max...)) }
func global(t []byte, mutable bool, init ...[]byte) []byte {
	return cat(field(t, mutable), cat(init...), []byte{0x0b})
}
func export(name string, kind ExternKind, idx uint32) []byte {
	return cat(str(name), []byte{byte(kind)}, uleb(uint64(idx)))
}
func importFunc(mod, name string, typeIdx uint32) []byte {
	return cat(str(mod), str(name), []byte{0}, uleb(uint64(typeIdx)))
}

// body encodes a function body: local groups (count, type pairs) and
// instructions; the final end is appended.
func body(locals [][]byte, code ...[]byte) []byte {
	c := cat(vec(locals...), cat(code...), []byte{0x0b})
	return cat(uleb(uint64(len(c))), c)
}

func local(n uint32, t []byte) []byte { return cat(uleb(uint64(n)), t) }

// Instructions.
func i32c(v int32) []byte             { return cat([]byte{0x41}, sleb(int64(v))) }
func i64c(v int64) []byte             { return cat([]byte{0x42}, sleb(v)) }
func f32c() []byte                    { return []byte{0x43, 0, 0, 0x80, 0x3f} }
func f64c() []byte                    { return []byte{0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f} }
func op(b ...byte) []byte             { return b }
func opIdx(b byte, idx uint32) []byte { return cat([]byte{b}, uleb(uint64(idx))) }
func localGet(i uint32) []byte        { return opIdx(0x20, i) }
func localSet(i uint32) []byte        { return opIdx(0x21, i) }
func globalGet(i uint32) []byte       { return opIdx(0x23, i) }
func call(i uint32) []byte            { return opIdx(0x10, i) }
func refFunc(i uint32) []byte         { return opIdx(0xd2, i) }
func prefixed(prefix byte, sub uint32, imms ...[]byte) []byte {
	return cat([]byte{prefix}, uleb(uint64(sub)), cat(imms...))
}
func memarg(align, offset uint32) []byte { return cat(uleb(uint64(align)), uleb(uint64(offset))) }

const (
	end    = 0x0b
	drop   = 0x1a
	i32Add = 0x6a
)

// oneFunc is a module with one function of type params -> results and the
// given body instructions, plus extra sections placed by id order.
func oneFunc(params, results [][]byte, locals [][]byte, code ...[]byte) []byte {
	return module(typeSec(funcType(params, results)), funcSec(0), codeSec(body(locals, code...)))
}

func list(items ...[]byte) [][]byte { return items }
