package wasmgen

import "fmt"

// elemSegments returns the number of element segments: the active one
// (always present with a table), the passive one (bulk memory, when it has
// elements) and the declarative one that lets ref.func name any function.
func (g *generator) elemSegments() int {
	n := 0
	if g.cfg.Table {
		n++
		if g.cfg.BulkMemory && len(g.passiveElems) > 0 {
			n++
		}
		if g.cfg.ReferenceTypes {
			n++
		}
	}
	return n
}

func i32ConstExpr(v uint32) []byte {
	b := appendSLEB([]byte{0x41}, int64(int32(v)))
	return append(b, 0x0b)
}

// encode assembles the module's sections in the order the binary format
// requires.
func (g *generator) encode() []byte {
	out := []byte{0, 'a', 's', 'm', 1, 0, 0, 0}

	out = appendSection(out, 1, appendVec(nil, g.types, func(b []byte, t funcType) []byte {
		b = append(b, 0x60)
		b = appendVec(b, t.params, func(b []byte, v ValType) []byte { return append(b, byte(v)) })
		return appendVec(b, t.results, func(b []byte, v ValType) []byte { return append(b, byte(v)) })
	}))

	if g.imports > 0 {
		var imp []byte
		imp = appendULEB(imp, 2)
		for _, h := range []struct {
			name string
			t    funcType
		}{{HostMixName, hostMixType}, {HostCheckName, hostCheckType}} {
			imp = appendName(imp, HostModule)
			imp = appendName(imp, h.name)
			imp = append(imp, 0) // function
			imp = appendULEB(imp, uint64(g.typeIndex[h.t.key()]))
		}
		out = appendSection(out, 2, imp)
	}

	out = appendSection(out, 3, appendVec(nil, g.funcs, func(b []byte, f function) []byte {
		return appendULEB(b, uint64(f.typeIdx))
	}))

	if g.cfg.Table {
		t := []byte{1, byte(FuncRef), 1}
		t = appendULEB(t, uint64(g.tableSize))
		t = appendULEB(t, uint64(g.tableMax))
		out = appendSection(out, 4, t)
	}
	if g.cfg.Memory {
		m := []byte{1}
		if g.memHasMax {
			m = append(m, 1)
			m = appendULEB(m, uint64(g.memPages))
			m = appendULEB(m, uint64(g.memMax))
		} else {
			m = append(m, 0)
			m = appendULEB(m, uint64(g.memPages))
		}
		out = appendSection(out, 5, m)
	}

	out = appendSection(out, 6, appendVec(nil, g.globals, func(b []byte, gl global) []byte {
		b = append(b, byte(gl.typ))
		if gl.mutable {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		switch gl.typ {
		case I32:
			b = appendSLEB(append(b, 0x41), int64(int32(uint32(gl.init))))
		case I64:
			b = appendSLEB(append(b, 0x42), int64(gl.init))
		case F32:
			b = append(b, 0x43, byte(gl.init), byte(gl.init>>8), byte(gl.init>>16), byte(gl.init>>24))
		case F64:
			b = append(b, 0x44)
			for i := 0; i < 8; i++ {
				b = append(b, byte(gl.init>>(8*i)))
			}
		}
		return append(b, 0x0b)
	}))

	var exports []byte
	n := 0
	export := func(name string, kind byte, idx int) {
		exports = appendName(exports, name)
		exports = append(exports, kind)
		exports = appendULEB(exports, uint64(idx))
		n++
	}
	for i := 0; i < g.nGenerated; i++ {
		export(fmt.Sprintf("f%d", i), 0, int(g.funcIdx(i)))
	}
	if g.cfg.Table {
		export(TableExport, 1, 0)
	}
	if g.cfg.Memory {
		export(MemoryExport, 2, 0)
	}
	for i := range g.globals {
		export(GlobalExport(i), 3, i)
	}
	out = appendSection(out, 7, append(appendULEB(nil, uint64(n)), exports...))

	if g.cfg.Table {
		var segs []byte
		// Active, table 0, at elemOffset: flags 0, offset, vec(funcidx).
		segs = append(segs, 0)
		segs = append(segs, i32ConstExpr(g.elemOffset)...)
		segs = appendVec(segs, g.elemFuncs, func(b []byte, f uint32) []byte { return appendULEB(b, g.funcIdx(int(f))) })
		if g.cfg.BulkMemory && len(g.passiveElems) > 0 {
			// Passive: flags 1, elemkind funcref, vec(funcidx).
			segs = append(segs, 1, 0)
			segs = appendVec(segs, g.passiveElems, func(b []byte, f uint32) []byte { return appendULEB(b, g.funcIdx(int(f))) })
		}
		if g.cfg.ReferenceTypes {
			// Declarative: flags 3, elemkind funcref, every generated function.
			segs = append(segs, 3, 0)
			segs = appendULEB(segs, uint64(g.nGenerated))
			for i := 0; i < g.nGenerated; i++ {
				segs = appendULEB(segs, g.funcIdx(i))
			}
		}
		out = appendSection(out, 9, append(appendULEB(nil, uint64(g.elemSegments())), segs...))
	}

	nData := len(g.dataActive) + g.dataPassive
	if g.cfg.BulkMemory && g.cfg.Memory {
		out = appendSection(out, 12, appendULEB(nil, uint64(nData)))
	}

	out = appendSection(out, 10, appendVec(nil, g.funcs, func(b []byte, f function) []byte {
		var body []byte
		// Locals as runs of equal types.
		var runs [][2]uint64
		for _, l := range f.locals {
			if len(runs) > 0 && runs[len(runs)-1][1] == uint64(l) {
				runs[len(runs)-1][0]++
			} else {
				runs = append(runs, [2]uint64{1, uint64(l)})
			}
		}
		body = appendVec(body, runs, func(b []byte, r [2]uint64) []byte {
			return append(appendULEB(b, r[0]), byte(r[1]))
		})
		body = append(body, f.body...)
		return append(appendULEB(b, uint64(len(body))), body...)
	}))

	if g.cfg.Memory && nData > 0 {
		var segs []byte
		for i, d := range g.dataActive {
			segs = append(segs, 0)
			segs = append(segs, i32ConstExpr(g.dataOffsets[i])...)
			segs = appendULEB(segs, uint64(len(d)))
			segs = append(segs, d...)
		}
		for i := 0; i < g.dataPassive; i++ {
			d := g.u.Bytes(g.u.Intn(12))
			segs = append(segs, 1)
			segs = appendULEB(segs, uint64(len(d)))
			segs = append(segs, d...)
		}
		out = appendSection(out, 11, append(appendULEB(nil, uint64(nData)), segs...))
	}
	return out
}
