package wat

// Element and data segments, including the segments that the table and
// memory abbreviations define.

type elemMode uint8

const (
	elemPassive elemMode = iota
	elemActive
	elemDeclarative
)

// elemItems parses an element list: "func? funcidx*" (funcs true) or
// "reftype? (item expr | expr)*". The caller reads the reference type.
func (m *module) elemItems(k []*Node) (items [][]byte, funcs bool, err error) {
	if len(k) > 0 && k[0].Keyword("func") {
		k = k[1:]
	} else if len(k) > 0 && (k[0].IsList("ref") || k[0].Kind == Atom && refShorthands[k[0].Text] != 0) {
		if _, err := m.refType(k[0]); err != nil {
			return nil, false, err
		}
		items, err := m.elemExprs(k[1:])
		return items, false, err
	} else if len(k) > 0 && k[0].Kind == List {
		// Expressions with the table's type (table abbreviation).
		items, err := m.elemExprs(k)
		return items, false, err
	}
	// Function indices, after "func" or in the legacy bare form.
	for _, n := range k {
		idx, err := resolve(&m.funcs.names, n)
		if err != nil {
			return nil, false, err
		}
		items = append(items, appendU32(nil, idx))
	}
	return items, true, nil
}

// elemExprs encodes element expressions: "(item instr*)" or one folded
// instruction each.
func (m *module) elemExprs(k []*Node) ([][]byte, error) {
	var items [][]byte
	for _, n := range k {
		if n.Kind != List {
			return nil, errorf(n.Pos, "unexpected token, expected an element expression")
		}
		var expr []byte
		var err error
		if n.IsList("item") {
			expr, err = m.constExpr(n.Kids[1:])
		} else {
			expr, err = m.constExpr([]*Node{n})
		}
		if err != nil {
			return nil, err
		}
		items = append(items, expr)
	}
	return items, nil
}

// appendElem encodes one element segment, choosing the most compact flags.
func (m *module) appendElem(mode elemMode, table uint32, offset []byte, rt valType, items [][]byte, funcs bool) {
	b := m.elemSec
	isFuncref := rt == "\x70"
	switch mode {
	case elemActive:
		switch {
		case funcs && table == 0:
			b = append(b, 0x00)
			b = append(b, offset...)
		case funcs:
			b = append(b, 0x02)
			b = appendU32(b, table)
			b = append(b, offset...)
			b = append(b, 0x00)
		case table == 0 && isFuncref:
			b = append(b, 0x04)
			b = append(b, offset...)
		default:
			b = append(b, 0x06)
			b = appendU32(b, table)
			b = append(b, offset...)
			b = append(b, rt...)
		}
	case elemPassive, elemDeclarative:
		flag := byte(0x01)
		if mode == elemDeclarative {
			flag = 0x03
		}
		if funcs {
			b = append(b, flag, 0x00)
		} else {
			b = append(b, flag|0x04)
			b = append(b, rt...)
		}
	}
	b = appendU32(b, uint32(len(items)))
	for _, it := range items {
		b = append(b, it...)
	}
	m.elemSec = b
	m.nElems++
}

func (m *module) elemField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	mode := elemPassive
	var table uint32
	var offset []byte
	explicitTable := false
	if i < len(k) && k[i].Keyword("declare") {
		mode = elemDeclarative
		i++
	}
	if i+1 < len(k) && isIndex(k[i]) && k[i+1].Kind == List {
		// Legacy form: a bare table index before the offset.
		t, err := resolve(&m.tables.names, k[i])
		if err != nil {
			return err
		}
		table, explicitTable = t, true
		mode = elemActive
		i++
	} else if i < len(k) && k[i].IsList("table") {
		if len(k[i].Kids) != 2 {
			return errorf(k[i].Pos, "unexpected token in elem")
		}
		t, err := resolve(&m.tables.names, k[i].Kids[1])
		if err != nil {
			return err
		}
		table, explicitTable = t, true
		mode = elemActive
		i++
	}
	if mode != elemDeclarative && i < len(k) && k[i].Kind == List && (k[i].IsList("offset") || !k[i].IsList("item") && k[i].Head() != "ref") {
		var err error
		if k[i].IsList("offset") {
			offset, err = m.constExpr(k[i].Kids[1:])
		} else {
			offset, err = m.constExpr(k[i : i+1])
		}
		if err != nil {
			return err
		}
		mode = elemActive
		i++
	} else if explicitTable {
		return errorf(posAt(k, i), "unexpected token, expected an offset")
	}
	m.elems.defIndex()
	items, funcs, err := m.elemItems(k[i:])
	if err != nil {
		return err
	}
	rt := valType("\x70")
	if !funcs && i < len(k) {
		rt, _ = m.refType(k[i])
	}
	m.appendElem(mode, table, offset, rt, items, funcs)
	return nil
}

func (m *module) appendData(mem uint32, offset []byte, data []byte, passive bool) {
	b := m.dataSec
	switch {
	case passive:
		b = append(b, 0x01)
	case mem == 0:
		b = append(b, 0x00)
		b = append(b, offset...)
	default:
		b = append(b, 0x02)
		b = appendU32(b, mem)
		b = append(b, offset...)
	}
	b = appendName(b, data)
	m.dataSec = b
	m.nDatas++
}

func (m *module) dataField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	var mem uint32
	var offset []byte
	passive := true
	if i+1 < len(k) && isIndex(k[i]) && k[i+1].Kind == List {
		// Legacy form: a bare memory index before the offset.
		v, err := resolve(&m.mems.names, k[i])
		if err != nil {
			return err
		}
		mem = v
		i++
	} else if i < len(k) && k[i].IsList("memory") {
		if len(k[i].Kids) != 2 {
			return errorf(k[i].Pos, "unexpected token in data")
		}
		v, err := resolve(&m.mems.names, k[i].Kids[1])
		if err != nil {
			return err
		}
		mem = v
		i++
		if i >= len(k) || k[i].Kind != List {
			return errorf(posAt(k, i), "unexpected token, expected an offset")
		}
	}
	if i < len(k) && k[i].Kind == List {
		var err error
		if k[i].IsList("offset") {
			offset, err = m.constExpr(k[i].Kids[1:])
		} else {
			offset, err = m.constExpr(k[i : i+1])
		}
		if err != nil {
			return err
		}
		passive = false
		i++
	}
	var data []byte
	for _, s := range k[i:] {
		if s.Kind != String {
			return errorf(s.Pos, "unexpected token, expected a data string")
		}
		data = append(data, s.Bytes...)
	}
	m.appendData(mem, offset, data, passive)
	return nil
}
