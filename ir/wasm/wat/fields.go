package wat

import "unicode/utf8"

// The second pass: one encoder per module field kind, each appending to its
// section buffer in text order.

// field encodes one module field (second pass).
func (m *module) field(f *Node) error {
	k := f.Kids
	switch f.Head() {
	case "type", "rec":
		return nil
	case "import":
		if k[1].Kind != String || k[2].Kind != String {
			return errorf(f.Pos, "unexpected token, expected import names")
		}
		if len(k) != 4 {
			return errorf(f.Pos, "unexpected token in import")
		}
		desc := k[3]
		_, i := idOf(desc.Kids, 1)
		switch desc.Head() {
		case "func":
			m.funcs.defIndex()
		case "table":
			m.tables.defIndex()
		case "memory":
			m.mems.defIndex()
		case "global":
			m.globals.defIndex()
		case "tag":
			m.tags.defIndex()
		}
		return m.importDesc(k[1].Bytes, k[2].Bytes, desc.Head(), desc, i)
	case "func":
		return m.funcField(f)
	case "table":
		return m.tableField(f)
	case "memory":
		return m.memoryField(f)
	case "global":
		return m.globalField(f)
	case "tag":
		return m.tagField(f)
	case "export":
		if len(k) != 3 || k[1].Kind != String || k[2].Kind != List || len(k[2].Kids) != 2 {
			return errorf(f.Pos, "unexpected token in export")
		}
		return m.export(k[1], k[2].Head(), k[2].Kids[1])
	case "start":
		if len(k) != 2 {
			return errorf(f.Pos, "unexpected token in start")
		}
		if m.start != nil {
			return errorf(f.Pos, "multiple start sections")
		}
		idx, err := resolve(&m.funcs.names, k[1])
		if err != nil {
			return err
		}
		m.start = appendU32(nil, idx)
		return nil
	case "elem":
		return m.elemField(f)
	case "data":
		return m.dataField(f)
	}
	return errorf(f.Pos, "unexpected token")
}

var exportKinds = map[string]byte{"func": 0, "table": 1, "memory": 2, "global": 3, "tag": 4}

func (m *module) export(name *Node, kind string, ref *Node) error {
	if !utf8.Valid(name.Bytes) {
		return errorf(name.Pos, "malformed UTF-8 encoding")
	}
	code, ok := exportKinds[kind]
	if !ok {
		return errorf(ref.Pos, "unexpected token, expected an export kind")
	}
	var idx uint32
	var err error
	switch kind {
	case "func":
		idx, err = resolve(&m.funcs.names, ref)
	case "table":
		idx, err = resolve(&m.tables.names, ref)
	case "memory":
		idx, err = resolve(&m.mems.names, ref)
	case "global":
		idx, err = resolve(&m.globals.names, ref)
	case "tag":
		idx, err = resolve(&m.tags.names, ref)
	}
	if err != nil {
		return err
	}
	m.exportSec = appendName(m.exportSec, name.Bytes)
	m.exportSec = append(m.exportSec, code)
	m.exportSec = appendU32(m.exportSec, idx)
	m.nExports++
	return nil
}

// inlineExports encodes the "(export "n")" abbreviations of a definition
// and returns the index after them.
func (m *module) inlineExports(kids []*Node, i int, kind string, idx uint32) (int, error) {
	for i < len(kids) && kids[i].IsList("export") {
		e := kids[i]
		if len(e.Kids) != 2 || e.Kids[1].Kind != String {
			return i, errorf(e.Pos, "unexpected token in export")
		}
		ref := &Node{Kind: Atom, Text: itoa(idx), Pos: e.Pos}
		if err := m.export(e.Kids[1], kind, ref); err != nil {
			return i, err
		}
		i++
	}
	return i, nil
}

func itoa(v uint32) string {
	if v == 0 {
		return "0"
	}
	var b [10]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

// inlineImport encodes a definition with an "(import "m" "n")"
// abbreviation at f.Kids[i]: the rest of the field is the import's type.
func (m *module) inlineImport(f *Node, i int, kind string) error {
	imp := f.Kids[i]
	if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
		return errorf(imp.Pos, "unexpected token in import")
	}
	return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, kind, f, i+1)
}

func (m *module) importDesc(mod, name []byte, kind string, desc *Node, i int) error {
	if !utf8.Valid(mod) || !utf8.Valid(name) {
		return errorf(desc.Pos, "malformed UTF-8 encoding")
	}
	b := appendName(m.imports, mod)
	b = appendName(b, name)
	k := desc.Kids
	switch kind {
	case "func":
		idx, _, j, err := m.typeUse(k, i, true)
		if err != nil {
			return err
		}
		if j != len(k) {
			return errorf(k[j].Pos, "unexpected token in import")
		}
		b = append(b, 0x00)
		b = appendU32(b, idx)
	case "table":
		tt, j, err := m.tableType(k, i)
		if err != nil {
			return err
		}
		if j != len(k) {
			return errorf(k[j].Pos, "unexpected token in table type")
		}
		b = append(b, 0x01)
		b = append(b, tt...)
	case "memory":
		mt, j, err := m.memType(k, i)
		if err != nil {
			return err
		}
		if j != len(k) {
			return errorf(k[j].Pos, "unexpected token in memory type")
		}
		b = append(b, 0x02)
		b = append(b, mt...)
	case "global":
		if i+1 != len(k) {
			return errorf(desc.Pos, "unexpected token in global type")
		}
		gt, err := m.globalType(k[i])
		if err != nil {
			return err
		}
		b = append(b, 0x03)
		b = append(b, gt...)
	case "tag":
		idx, _, j, err := m.typeUse(k, i, false)
		if err != nil {
			return err
		}
		if j != len(k) {
			return errorf(k[j].Pos, "unexpected token in tag")
		}
		b = append(b, 0x04, 0x00)
		b = appendU32(b, idx)
	default:
		return errorf(desc.Pos, "unexpected token, expected an import description")
	}
	m.imports = b
	m.nImports++
	return nil
}

// limits parses "min max?" after an optional address type; it returns the
// flags-less encoding pieces.
func (m *module) limits(k []*Node, i int, is64 bool, what string) (flags byte, body []byte, j int, err error) {
	// Limits are u64 in the text format whatever the address type; the
	// validator checks them against the type ("memory size", "table size").
	width := 64
	if is64 {
		flags |= 0x04
	} else if m.opts.U32Limits {
		width = 32
	}
	if i >= len(k) || k[i].Kind != Atom {
		return 0, nil, i, errorf(posAt(k, i), "unexpected token, expected %s limits", what)
	}
	min, err := ParseUint(k[i].Text, width)
	if err != nil {
		if err == errRange {
			return 0, nil, i, errorf(k[i].Pos, "i%d constant out of range", width)
		}
		return 0, nil, i, errorf(k[i].Pos, "unexpected token %q", k[i].Text)
	}
	body = appendU64(body, min)
	i++
	if i < len(k) && k[i].Kind == Atom && LooksNumeric(k[i].Text) {
		max, err := ParseUint(k[i].Text, width)
		if err != nil {
			if err == errRange {
				return 0, nil, i, errorf(k[i].Pos, "i%d constant out of range", width)
			}
			return 0, nil, i, errorf(k[i].Pos, "unexpected token %q", k[i].Text)
		}
		flags |= 0x01
		body = appendU64(body, max)
		i++
	}
	return flags, body, i, nil
}

func posAt(k []*Node, i int) Pos {
	if i < len(k) {
		return k[i].Pos
	}
	if len(k) > 0 {
		return k[len(k)-1].Pos
	}
	return Pos{}
}

func addrType(k []*Node, i int) (bool, int) {
	if i < len(k) && k[i].Keyword("i64") {
		return true, i + 1
	}
	if i < len(k) && k[i].Keyword("i32") {
		return false, i + 1
	}
	return false, i
}

// tableType parses "addrtype? limits reftype".
func (m *module) tableType(k []*Node, i int) ([]byte, int, error) {
	is64, i := addrType(k, i)
	flags, lim, i, err := m.limits(k, i, is64, "table")
	if err != nil {
		return nil, i, err
	}
	if i >= len(k) {
		return nil, i, errorf(posAt(k, i), "unexpected token, expected a reference type")
	}
	rt, err := m.refType(k[i])
	if err != nil {
		return nil, i, err
	}
	b := append([]byte(rt), flags)
	return append(b, lim...), i + 1, nil
}

// memType parses "addrtype? limits shared?".
func (m *module) memType(k []*Node, i int) ([]byte, int, error) {
	is64, i := addrType(k, i)
	flags, lim, i, err := m.limits(k, i, is64, "memory")
	if err != nil {
		return nil, i, err
	}
	if i < len(k) && k[i].Keyword("shared") {
		flags |= 0x02
		i++
	} else if i < len(k) && k[i].Keyword("unshared") {
		i++
	}
	return append([]byte{flags}, lim...), i, nil
}

func (m *module) globalType(n *Node) ([]byte, error) {
	if n.IsList("mut") {
		if len(n.Kids) != 2 {
			return nil, errorf(n.Pos, "unexpected token in global type")
		}
		t, err := m.valType(n.Kids[1])
		return append([]byte(t), 1), err
	}
	t, err := m.valType(n)
	return append([]byte(t), 0), err
}

func (m *module) funcField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	idx := m.funcs.defIndex()
	i, err := m.inlineExports(k, i, "func", idx)
	if err != nil {
		return err
	}
	if i < len(k) && k[i].IsList("import") {
		return m.inlineImport(f, i, "func")
	}
	tidx, s, i, err := m.typeUse(k, i, true)
	if err != nil {
		return err
	}
	m.funcDecls = appendU32(m.funcDecls, tidx)
	m.nFuncDecls++
	body, err := m.funcBody(idx, s, k[i:])
	if err != nil {
		return err
	}
	m.codeSec = appendU32(m.codeSec, uint32(len(body)))
	m.codeSec = append(m.codeSec, body...)
	m.nCode++
	return nil
}

// defIndex returns the index the next definition of this space gets during
// the second pass and advances the counter.
func (s *space) defIndex() uint32 {
	v := s.count
	s.count++
	return v
}

func (m *module) tableField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	idx := m.tables.defIndex()
	i, err := m.inlineExports(k, i, "table", idx)
	if err != nil {
		return err
	}
	if i < len(k) && k[i].IsList("import") {
		return m.inlineImport(f, i, "table")
	}
	// Abbreviation: addrtype? reftype (elem ...).
	is64, j := addrType(k, i)
	if j+1 < len(k) && k[j+1].IsList("elem") {
		rt, err := m.refType(k[j])
		if err != nil {
			return err
		}
		if j+2 != len(k) {
			return errorf(k[j+2].Pos, "unexpected token in table")
		}
		elem := k[j+1]
		items, funcs, err := m.elemItems(elem.Kids[1:])
		if err != nil {
			return err
		}
		if funcs && rt != "\x70" {
			// The segment takes the table's element type, so function
			// indices become ref.func expressions.
			for i, it := range items {
				items[i] = append(append([]byte{0xd2}, it...), 0x0b)
			}
			funcs = false
		}
		n := uint64(len(items))
		flags := byte(0x01)
		if is64 {
			flags |= 0x04
		}
		tt := append([]byte(rt), flags)
		tt = appendU64(tt, n)
		tt = appendU64(tt, n)
		m.tableSec = append(m.tableSec, tt...)
		m.nTables++
		off := []byte{0x41, 0x00, 0x0b}
		if is64 {
			off = []byte{0x42, 0x00, 0x0b}
		}
		m.appendElem(elemActive, idx, off, rt, items, funcs)
		m.elems.count++
		return nil
	}
	tt, i, err := m.tableType(k, i)
	if err != nil {
		return err
	}
	if i < len(k) {
		// Table with an initialiser expression.
		init, err := m.constExpr(k[i:])
		if err != nil {
			return err
		}
		m.tableSec = append(m.tableSec, 0x40, 0x00)
		m.tableSec = append(m.tableSec, tt...)
		m.tableSec = append(m.tableSec, init...)
	} else {
		m.tableSec = append(m.tableSec, tt...)
	}
	m.nTables++
	return nil
}

func (m *module) memoryField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	idx := m.mems.defIndex()
	i, err := m.inlineExports(k, i, "memory", idx)
	if err != nil {
		return err
	}
	if i < len(k) && k[i].IsList("import") {
		return m.inlineImport(f, i, "memory")
	}
	is64, j := addrType(k, i)
	if j < len(k) && k[j].IsList("data") {
		if j+1 != len(k) {
			return errorf(k[j+1].Pos, "unexpected token in memory")
		}
		var data []byte
		for _, s := range k[j].Kids[1:] {
			if s.Kind != String {
				return errorf(s.Pos, "unexpected token, expected a string")
			}
			data = append(data, s.Bytes...)
		}
		pages := (uint64(len(data)) + 65535) / 65536
		flags := byte(0x01)
		if is64 {
			flags |= 0x04
		}
		m.memSec = append(m.memSec, flags)
		m.memSec = appendU64(m.memSec, pages)
		m.memSec = appendU64(m.memSec, pages)
		m.nMems++
		off := []byte{0x41, 0x00, 0x0b}
		if is64 {
			off = []byte{0x42, 0x00, 0x0b}
		}
		m.appendData(idx, off, data, false)
		m.datas.count++
		return nil
	}
	mt, i, err := m.memType(k, i)
	if err != nil {
		return err
	}
	if i != len(k) {
		return errorf(k[i].Pos, "unexpected token in memory")
	}
	m.memSec = append(m.memSec, mt...)
	m.nMems++
	return nil
}

func (m *module) globalField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	idx := m.globals.defIndex()
	i, err := m.inlineExports(k, i, "global", idx)
	if err != nil {
		return err
	}
	if i < len(k) && k[i].IsList("import") {
		return m.inlineImport(f, i, "global")
	}
	if i >= len(k) {
		return errorf(f.Pos, "unexpected token, expected a global type")
	}
	gt, err := m.globalType(k[i])
	if err != nil {
		return err
	}
	init, err := m.constExpr(k[i+1:])
	if err != nil {
		return err
	}
	m.globalSec = append(m.globalSec, gt...)
	m.globalSec = append(m.globalSec, init...)
	m.nGlobals++
	return nil
}

func (m *module) tagField(f *Node) error {
	k := f.Kids
	_, i := idOf(k, 1)
	idx := m.tags.defIndex()
	i, err := m.inlineExports(k, i, "tag", idx)
	if err != nil {
		return err
	}
	if i < len(k) && k[i].IsList("import") {
		return m.inlineImport(f, i, "tag")
	}
	tidx, _, i, err := m.typeUse(k, i, false)
	if err != nil {
		return err
	}
	if i != len(k) {
		return errorf(k[i].Pos, "unexpected token in tag")
	}
	m.tagSec = append(m.tagSec, 0x00)
	m.tagSec = appendU32(m.tagSec, tidx)
	m.nTags++
	return nil
}
