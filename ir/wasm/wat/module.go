package wat

import (
	"slices"
	"strings"
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

	// Names adds a "name" custom section with the module's $id and the
	// $ids of functions and their parameters and locals, for backtraces
	// and disassembly.
	Names bool
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

	sigIndex   map[string]uint32            // signature key → first matching type (funcTypeFor)
	name       string                       // the module's $id
	localNames map[uint32]map[uint32]string // function index → local index → $id (Options.Names)
}

// field classes for the "import after ..." rule.
var importable = map[string]string{"func": "function", "table": "table", "memory": "memory", "global": "global", "tag": "tag"}

func encodeFields(opts Options, name string, fields []*Node) (*Module, error) {
	m := &module{
		name:        name,
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

// findInlineImport finds "(import "m" "n")" among the leading exports of a field.
func findInlineImport(kids []*Node, i int) (*Node, int) {
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
			if imp, _ := findInlineImport(k, i); imp != nil {
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
	if m.sigIndex == nil {
		// Index the explicit candidates once; the first definition wins.
		m.sigIndex = map[string]uint32{}
		for i, d := range m.types {
			if d.isFunc && d.final && len(d.supers) == 0 && d.single {
				if _, seen := m.sigIndex[d.sig.key()]; !seen {
					m.sigIndex[d.sig.key()] = uint32(i)
				}
			}
		}
	}
	key := s.key()
	if idx, ok := m.sigIndex[key]; ok {
		return idx
	}
	d := &typeDef{isFunc: true, final: true, sig: s, single: true, implicit: true}
	d.sig.paramNames = nil
	d.encoded = s.encode(nil)
	m.types = append(m.types, d)
	m.groups = append(m.groups, recGroup{start: len(m.types) - 1, size: 1})
	idx := uint32(len(m.types) - 1)
	m.sigIndex[key] = idx
	return idx
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
	if m.opts.Names {
		b = m.appendNames(b)
	}
	return b
}

// appendNames appends the "name" custom section: subsection 0 (module
// name), 1 (function names) and 2 (local names), each sorted by index.
func (m *module) appendNames(b []byte) []byte {
	var body []byte
	sub := func(id byte, content []byte) {
		body = append(body, id)
		body = appendU32(body, uint32(len(content)))
		body = append(body, content...)
	}
	if m.name != "" {
		sub(0, appendName(nil, []byte(m.name[1:])))
	}
	if funcs := sortedNames(m.funcs.m); len(funcs) > 0 {
		c := appendU32(nil, uint32(len(funcs)))
		for _, f := range funcs {
			c = appendU32(c, f.idx)
			c = appendName(c, []byte(f.name[1:]))
		}
		sub(1, c)
	}
	if len(m.localNames) > 0 {
		fidx := make([]uint32, 0, len(m.localNames))
		for f := range m.localNames {
			fidx = append(fidx, f)
		}
		slices.Sort(fidx)
		c := appendU32(nil, uint32(len(fidx)))
		for _, f := range fidx {
			ls := m.localNames[f]
			idx := make([]uint32, 0, len(ls))
			for i := range ls {
				idx = append(idx, i)
			}
			slices.Sort(idx)
			c = appendU32(c, f)
			c = appendU32(c, uint32(len(idx)))
			for _, i := range idx {
				c = appendU32(c, i)
				c = appendName(c, []byte(ls[i][1:]))
			}
		}
		sub(2, c)
	}
	if body == nil {
		return b
	}
	content := appendName(nil, []byte("name"))
	content = append(content, body...)
	b = append(b, 0)
	b = appendU32(b, uint32(len(content)))
	return append(b, content...)
}

type indexName struct {
	idx  uint32
	name string
}

// sortedNames inverts a name map into (index, $id) pairs sorted by index.
func sortedNames(m map[string]uint32) []indexName {
	out := make([]indexName, 0, len(m))
	for n, i := range m {
		out = append(out, indexName{i, n})
	}
	slices.SortFunc(out, func(a, b indexName) int { return int(a.idx) - int(b.idx) })
	return out
}
