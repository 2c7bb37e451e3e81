package wat

import (
	"strings"
	"unicode/utf8"
)

// Module is the result of parsing one text module.
type Module struct {
	Name   string // the module's $id, or ""
	Binary []byte // the binary encoding
}

// Options selects variants of the text format.
type Options struct {
	// U32Limits parses memory and table limits of 32-bit tables and
	// memories as u32 literals ("i32 constant out of range"), as the text
	// format did before memory64 made them u64 and moved the size check to
	// validation. Proposal suites written before memory64 need it.
	U32Limits bool
}

// Parse parses a text module — "(module ...)" or a bare sequence of module
// fields — and returns its binary encoding.
func Parse(src []byte) ([]byte, error) {
	m, err := Options{}.ParseModule(src)
	if err != nil {
		return nil, err
	}
	return m.Binary, nil
}

// ParseModule is Parse that also reports the module's name.
func ParseModule(src []byte) (*Module, error) { return Options{}.ParseModule(src) }

// ParseModule parses a text module with these options.
func (o Options) ParseModule(src []byte) (*Module, error) {
	nodes, err := ReadAll(src)
	if err != nil {
		return nil, err
	}
	if len(nodes) == 1 && nodes[0].IsList("module") {
		return o.EncodeModule(nodes[0])
	}
	return encodeFields(o, "", nodes)
}

// EncodeModule encodes a "(module $id? field*)" node of an already read
// tree. Script runners use it for the modules embedded in .wast files.
func EncodeModule(n *Node) (*Module, error) { return Options{}.EncodeModule(n) }

// EncodeModule encodes a module node with these options.
func (o Options) EncodeModule(n *Node) (*Module, error) {
	if !n.IsList("module") {
		return nil, errorf(n.Pos, "unexpected token, expected (module ...)")
	}
	k := n.Kids[1:]
	name := ""
	if len(k) > 0 && k[0].Kind == Atom && strings.HasPrefix(k[0].Text, "$") {
		name = k[0].Text
		k = k[1:]
	}
	return encodeFields(o, name, k)
}

// names maps $ids of one index space to indices.
type names struct {
	kind string
	m    map[string]uint32
}

func (ns *names) add(n *Node, idx uint32) error {
	if n == nil {
		return nil
	}
	if ns.m == nil {
		ns.m = map[string]uint32{}
	}
	if _, dup := ns.m[n.Text]; dup {
		return errorf(n.Pos, "duplicate %s %s", ns.kind, n.Text)
	}
	ns.m[n.Text] = idx
	return nil
}

// typeDef is one entry of the type section.
type typeDef struct {
	node     *Node // the (type ...) node; nil for implicit types
	single   bool  // the only type of its rec group
	final    bool
	supers   []*Node
	comp     *Node // (func ...), (struct ...), (array ...)
	isFunc   bool
	sig      sig
	fields   names // struct field names
	encoded  []byte
	implicit bool
}

// space is one index space (funcs, tables, ...) during the first pass.
type space struct {
	names
	count   uint32
	defined bool // a non-imported definition has been seen
}

// recGroup is a run of types[start:start+size]; rec says it was written
// as (rec ...), which the binary format keeps (0x4E) even for one type.
type recGroup struct {
	start, size int
	rec         bool
}

type module struct {
	opts      Options
	types     []*typeDef
	groups    []recGroup
	typeNames names
	nExplicit int

	funcs, tables, mems, globals, tags, elems, datas space
	mem64                                            []bool // per memory: i64 address type
	table64                                          []bool

	// section bodies, in binary order
	imports, funcDecls, tableSec, memSec, tagSec, globalSec, exportSec, elemSec, codeSec, dataSec []byte
	nImports, nFuncDecls, nTables, nMems, nTags, nGlobals, nExports, nElems, nCode, nDatas        int
	start                                                                                         []byte
	exportNames                                                                                   map[string]bool
	usesDataCount                                                                                 bool
}

// field classes for the "import after ..." rule.
var importable = map[string]string{"func": "function", "table": "table", "memory": "memory", "global": "global", "tag": "tag"}

func encodeFields(opts Options, name string, fields []*Node) (*Module, error) {
	m := &module{
		opts:        opts,
		typeNames:   names{kind: "type"},
		exportNames: map[string]bool{},
	}
	m.funcs.kind, m.tables.kind, m.mems.kind, m.globals.kind = "func", "table", "memory", "global"
	m.tags.kind, m.elems.kind, m.datas.kind = "tag", "elem", "data"
	for _, f := range fields {
		if f.Kind != List || len(f.Kids) == 0 || f.Kids[0].Kind != Atom {
			return nil, errorf(f.Pos, "unexpected token, expected a module field")
		}
	}
	if err := m.declare(fields); err != nil {
		return nil, err
	}
	// The second pass hands out indices again, in the same order.
	for _, s := range []*space{&m.funcs, &m.tables, &m.mems, &m.globals, &m.tags, &m.elems, &m.datas} {
		s.count = 0
	}
	if err := m.encodeTypes(); err != nil {
		return nil, err
	}
	for _, f := range fields {
		if err := m.field(f); err != nil {
			return nil, err
		}
	}
	return &Module{Name: name, Binary: m.assemble()}, nil
}

// idOf returns the optional $id at kids[i] and the index after it.
func idOf(kids []*Node, i int) (*Node, int) {
	if i < len(kids) && kids[i].Kind == Atom && strings.HasPrefix(kids[i].Text, "$") {
		return kids[i], i + 1
	}
	return nil, i
}

// inlineImport finds "(import "m" "n")" among the leading exports of a field.
func inlineImport(kids []*Node, i int) (*Node, int) {
	for i < len(kids) && kids[i].IsList("export") {
		i++
	}
	if i < len(kids) && kids[i].IsList("import") {
		return kids[i], i
	}
	return nil, i
}

// declare is the first pass: it assigns every definition its index and
// records $ids, so that later references may point forward.
func (m *module) declare(fields []*Node) error {
	var lastDef string
	for _, f := range fields {
		head := f.Head()
		k := f.Kids
		switch head {
		case "type":
			if err := m.declareType(f); err != nil {
				return err
			}
			m.types[len(m.types)-1].single = true
			m.groups = append(m.groups, recGroup{start: len(m.types) - 1, size: 1})
		case "rec":
			first := len(m.types)
			for _, t := range k[1:] {
				if !t.IsList("type") {
					return errorf(t.Pos, "unexpected token, expected (type ...)")
				}
				if err := m.declareType(t); err != nil {
					return err
				}
			}
			if len(m.types) == first+1 {
				m.types[first].single = true
			}
			m.groups = append(m.groups, recGroup{start: first, size: len(m.types) - first, rec: true})
		case "import":
			if len(k) < 4 || k[3].Kind != List {
				return errorf(f.Pos, "unexpected token in import")
			}
			desc := k[3]
			kind := desc.Head()
			if _, ok := importable[kind]; !ok {
				return errorf(desc.Pos, "unexpected token, expected an import description")
			}
			if lastDef != "" {
				return errorf(f.Pos, "import after %s", lastDef)
			}
			id, _ := idOf(desc.Kids, 1)
			if err := m.declareEntity(kind, id, desc); err != nil {
				return err
			}
		case "func", "table", "memory", "global", "tag":
			id, i := idOf(k, 1)
			if imp, _ := inlineImport(k, i); imp != nil {
				if lastDef != "" {
					return errorf(f.Pos, "import after %s", lastDef)
				}
			} else {
				lastDef = importable[head]
			}
			if err := m.declareEntity(head, id, f); err != nil {
				return err
			}
			// Abbreviations that define extra segments.
			if head == "table" && hasInlineElem(k) {
				m.elems.count++
			}
			if head == "memory" && hasInlineData(k) {
				m.datas.count++
			}
		case "elem":
			id, _ := idOf(k, 1)
			if err := m.elems.add(id, m.elems.count); err != nil {
				return err
			}
			m.elems.count++
		case "data":
			id, _ := idOf(k, 1)
			if err := m.datas.add(id, m.datas.count); err != nil {
				return err
			}
			m.datas.count++
		case "export", "start":
		default:
			if len(f.Kids) > 0 {
				return unexpected(f.Kids[0], "a module field")
			}
			return errorf(f.Pos, "unexpected token, expected a module field")
		}
	}
	m.nExplicit = len(m.types)
	return nil
}

func hasInlineElem(k []*Node) bool {
	for _, n := range k {
		if n.IsList("elem") {
			return true
		}
	}
	return false
}

func hasInlineData(k []*Node) bool {
	for _, n := range k {
		if n.IsList("data") {
			return true
		}
	}
	return false
}

// hasI64 reports whether a table or memory field names the i64 address type.
func hasI64(k []*Node) bool {
	for _, n := range k {
		if n.Keyword("i64") {
			return true
		}
	}
	return false
}

func (m *module) declareEntity(kind string, id *Node, n *Node) error {
	var s *space
	switch kind {
	case "func":
		s = &m.funcs
	case "table":
		s = &m.tables
		m.table64 = append(m.table64, hasI64(n.Kids[1:]))
	case "memory":
		s = &m.mems
		m.mem64 = append(m.mem64, hasI64(n.Kids[1:]))
	case "global":
		s = &m.globals
	case "tag":
		s = &m.tags
	}
	if err := s.add(id, s.count); err != nil {
		return err
	}
	s.count++
	return nil
}

func (m *module) declareType(t *Node) error {
	id, i := idOf(t.Kids, 1)
	if err := m.typeNames.add(id, uint32(len(m.types))); err != nil {
		return err
	}
	if i != len(t.Kids)-1 {
		return errorf(t.Pos, "unexpected token in type definition")
	}
	d := &typeDef{node: t, final: true, fields: names{kind: "field"}}
	c := t.Kids[i]
	if c.IsList("sub") {
		k := c.Kids[1:]
		d.final = false
		if len(k) > 0 && k[0].Keyword("final") {
			d.final = true
			k = k[1:]
		}
		for len(k) > 1 && k[0].Kind == Atom {
			d.supers = append(d.supers, k[0])
			k = k[1:]
		}
		if len(k) != 1 {
			return errorf(c.Pos, "unexpected token in sub type")
		}
		c = k[0]
	}
	d.comp = c
	switch c.Head() {
	case "func":
		d.isFunc = true
	case "struct":
		idx := uint32(0)
		for _, f := range c.Kids[1:] {
			if !f.IsList("field") {
				return errorf(f.Pos, "unexpected token, expected (field ...)")
			}
			fid, j := idOf(f.Kids, 1)
			if fid != nil {
				if err := d.fields.add(fid, idx); err != nil {
					return err
				}
				idx++
				continue
			}
			idx += uint32(len(f.Kids) - j)
		}
	case "array":
	default:
		return errorf(c.Pos, "unexpected token, expected func, struct or array type")
	}
	m.types = append(m.types, d)
	return nil
}

// encodeTypes encodes every explicit type definition.
func (m *module) encodeTypes() error {
	for _, d := range m.types {
		if d.comp == nil {
			continue
		}
		var b []byte
		if !d.final || len(d.supers) > 0 {
			if d.final {
				b = append(b, 0x4f)
			} else {
				b = append(b, 0x50)
			}
			b = appendU32(b, uint32(len(d.supers)))
			for _, s := range d.supers {
				idx, err := m.typeIndex(s)
				if err != nil {
					return err
				}
				b = appendU32(b, idx)
			}
		}
		c := d.comp
		switch c.Head() {
		case "func":
			s, i, err := m.parseSig(c.Kids, 1, true)
			if err != nil {
				return err
			}
			if i != len(c.Kids) {
				return errorf(c.Kids[i].Pos, "unexpected token in function type")
			}
			d.sig = s
			b = s.encode(b)
		case "struct":
			var fields []string
			for _, f := range c.Kids[1:] {
				_, j := idOf(f.Kids, 1)
				if j == 2 && len(f.Kids) != 3 {
					return errorf(f.Pos, "unexpected token in field")
				}
				for _, ft := range f.Kids[j:] {
					e, err := m.fieldType(ft)
					if err != nil {
						return err
					}
					fields = append(fields, e)
				}
			}
			b = append(b, 0x5f)
			b = appendU32(b, uint32(len(fields)))
			for _, f := range fields {
				b = append(b, f...)
			}
		case "array":
			k := c.Kids[1:]
			if len(k) == 1 && k[0].IsList("field") {
				_, j := idOf(k[0].Kids, 1)
				k = k[0].Kids[j:]
			}
			if len(k) != 1 {
				return errorf(c.Pos, "unexpected token in array type")
			}
			e, err := m.fieldType(k[0])
			if err != nil {
				return err
			}
			b = append(b, 0x5e)
			b = append(b, e...)
		}
		d.encoded = b
	}
	return nil
}

// index resolves a $id or numeric index in one index space.
func resolve(ns *names, n *Node) (uint32, error) {
	if n == nil {
		return 0, nil
	}
	if n.Kind != Atom {
		return 0, errorf(n.Pos, "unexpected token, expected %s index", ns.kind)
	}
	if strings.HasPrefix(n.Text, "$") {
		if v, ok := ns.m[n.Text]; ok {
			return v, nil
		}
		return 0, errorf(n.Pos, "unknown %s %s", ns.kind, n.Text)
	}
	v, err := ParseUint(n.Text, 32)
	if err != nil {
		if err == errRange {
			return 0, errorf(n.Pos, "constant out of range")
		}
		return 0, errorf(n.Pos, "unexpected token %q, expected %s index", n.Text, ns.kind)
	}
	return uint32(v), nil
}

// isIndex reports whether n can be an index ($id or unsigned number).
func isIndex(n *Node) bool {
	if n == nil || n.Kind != Atom {
		return false
	}
	if strings.HasPrefix(n.Text, "$") {
		return true
	}
	_, err := ParseUint(n.Text, 32)
	return err == nil
}

func (m *module) typeIndex(n *Node) (uint32, error) { return resolve(&m.typeNames, n) }

// funcTypeFor finds the type index of a signature, appending an implicit
// type definition when none matches. Only a final function type that forms
// a rec group on its own matches, as the GC proposal requires.
func (m *module) funcTypeFor(s sig) uint32 {
	key := s.key()
	for i, d := range m.types {
		if d.isFunc && d.final && len(d.supers) == 0 && d.single && d.sig.key() == key {
			return uint32(i)
		}
	}
	d := &typeDef{isFunc: true, final: true, sig: s, single: true, implicit: true}
	d.sig.paramNames = nil
	d.encoded = s.encode(nil)
	m.types = append(m.types, d)
	m.groups = append(m.groups, recGroup{start: len(m.types) - 1, size: 1})
	return uint32(len(m.types) - 1)
}

// typeUse parses "(type x)? (param ...)* (result ...)*" at kids[i].
func (m *module) typeUse(kids []*Node, i int, names bool) (uint32, sig, int, error) {
	var explicit *Node
	if i < len(kids) && kids[i].IsList("type") {
		explicit = kids[i]
		i++
	}
	s, j, err := m.parseSig(kids, i, names)
	if err != nil {
		return 0, s, j, err
	}
	if explicit == nil {
		return m.funcTypeFor(s), s, j, nil
	}
	if len(explicit.Kids) != 2 {
		return 0, s, j, errorf(explicit.Pos, "unexpected token in type use")
	}
	idx, err := m.typeIndex(explicit.Kids[1])
	if err != nil {
		return 0, s, j, err
	}
	if int(idx) >= len(m.types) {
		if j > i {
			return 0, s, j, errorf(explicit.Pos, "unknown type %d", idx)
		}
		return idx, s, j, nil
	}
	if !m.types[idx].isFunc {
		if j > i {
			return 0, s, j, errorf(explicit.Pos, "inline function type")
		}
		// Leave the error to validation ("unknown type").
		return idx, s, j, nil
	}
	d := m.types[idx]
	if j > i {
		if s.key() != d.sig.key() {
			return 0, s, j, errorf(explicit.Pos, "inline function type")
		}
		return idx, s, j, nil
	}
	t := d.sig
	t.paramNames = make([]string, len(t.params))
	return idx, t, j, nil
}

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
		imp := k[i]
		if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
			return errorf(imp.Pos, "unexpected token in import")
		}
		return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, "func", f, i+1)
	}
	tidx, s, i, err := m.typeUse(k, i, true)
	if err != nil {
		return err
	}
	m.funcDecls = appendU32(m.funcDecls, tidx)
	m.nFuncDecls++
	body, err := m.funcBody(s, k[i:])
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
		imp := k[i]
		if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
			return errorf(imp.Pos, "unexpected token in import")
		}
		return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, "table", f, i+1)
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
		imp := k[i]
		if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
			return errorf(imp.Pos, "unexpected token in import")
		}
		return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, "memory", f, i+1)
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
		imp := k[i]
		if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
			return errorf(imp.Pos, "unexpected token in import")
		}
		return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, "global", f, i+1)
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
		imp := k[i]
		if len(imp.Kids) != 3 || imp.Kids[1].Kind != String || imp.Kids[2].Kind != String {
			return errorf(imp.Pos, "unexpected token in import")
		}
		return m.importDesc(imp.Kids[1].Bytes, imp.Kids[2].Bytes, "tag", f, i+1)
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

// assemble lays the sections out in binary order.
func (m *module) assemble() []byte {
	b := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	// Type section: rec groups.
	var types []byte
	for _, g := range m.groups {
		// A lone subtype is a rec group of one, so (rec (type ...)) and
		// (type ...) share the shorter encoding.
		if g.rec && g.size != 1 {
			types = append(types, 0x4e)
			types = appendU32(types, uint32(g.size))
		}
		for _, d := range m.types[g.start : g.start+g.size] {
			types = append(types, d.encoded...)
		}
	}
	b = appendSection(b, 1, len(m.groups), types, false)
	b = appendSection(b, 2, m.nImports, m.imports, false)
	b = appendSection(b, 3, m.nFuncDecls, m.funcDecls, false)
	b = appendSection(b, 4, m.nTables, m.tableSec, false)
	b = appendSection(b, 5, m.nMems, m.memSec, false)
	b = appendSection(b, 13, m.nTags, m.tagSec, false)
	b = appendSection(b, 6, m.nGlobals, m.globalSec, false)
	b = appendSection(b, 7, m.nExports, m.exportSec, false)
	if m.start != nil {
		b = appendSection(b, 8, -1, m.start, true)
	}
	b = appendSection(b, 9, m.nElems, m.elemSec, false)
	if m.nDatas > 0 || m.usesDataCount {
		b = appendSection(b, 12, -1, appendU32(nil, uint32(m.nDatas)), true)
	}
	b = appendSection(b, 10, m.nCode, m.codeSec, false)
	b = appendSection(b, 11, m.nDatas, m.dataSec, false)
	return b
}
