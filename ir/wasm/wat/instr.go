package wat

import (
	"math/bits"
	"strings"
)

// funcCtx encodes the instructions of one function body or constant
// expression. labels is the stack of enclosing block labels, innermost last
// ("" for an unnamed block).
type funcCtx struct {
	m      *module
	locals names
	labels []string
}

// cursor walks the immediates that follow an instruction keyword.
type cursor struct {
	kids []*Node
	i    int
}

func (c *cursor) peek() *Node {
	if c.i < len(c.kids) {
		return c.kids[c.i]
	}
	return nil
}

func (c *cursor) next() *Node {
	n := c.peek()
	if n != nil {
		c.i++
	}
	return n
}

// pos is the position of the next node, or of the last one when exhausted.
func (c *cursor) pos() Pos { return posAt(c.kids, c.i) }

func (ns *names) addName(name string, p Pos, idx uint32) error {
	if name == "" {
		return nil
	}
	return ns.add(&Node{Kind: Atom, Text: name, Pos: p}, idx)
}

// funcBody encodes locals and code of function idx with signature s.
func (m *module) funcBody(idx uint32, s sig, k []*Node) ([]byte, error) {
	c := &funcCtx{m: m, locals: names{kind: "local"}}
	for i, n := range s.paramNames {
		if err := c.locals.addName(n, Pos{}, uint32(i)); err != nil {
			return nil, err
		}
	}
	next := uint32(len(s.params))
	var localTypes []valType
	i := 0
	for ; i < len(k) && k[i].IsList("local"); i++ {
		l := k[i].Kids[1:]
		if len(l) > 0 && l[0].Kind == Atom && strings.HasPrefix(l[0].Text, "$") {
			if len(l) != 2 {
				return nil, errorf(k[i].Pos, "unexpected token in local")
			}
			if err := c.locals.add(l[0], next); err != nil {
				return nil, err
			}
			l = l[1:]
		}
		for _, tn := range l {
			t, err := m.valType(tn)
			if err != nil {
				return nil, err
			}
			localTypes = append(localTypes, t)
			next++
		}
	}
	if m.opts.Names && len(c.locals.m) > 0 {
		if m.localNames == nil {
			m.localNames = map[uint32]map[uint32]string{}
		}
		ls := map[uint32]string{}
		for n, i := range c.locals.m {
			ls[i] = n
		}
		m.localNames[idx] = ls
	}
	// Run-length encode the local declarations.
	var body []byte
	var groups int
	var decl []byte
	for j := 0; j < len(localTypes); {
		n := 1
		for j+n < len(localTypes) && localTypes[j+n] == localTypes[j] {
			n++
		}
		decl = appendU32(decl, uint32(n))
		decl = append(decl, localTypes[j]...)
		groups++
		j += n
	}
	body = appendU32(body, uint32(groups))
	body = append(body, decl...)
	code, err := c.seq(nil, k, i)
	if err != nil {
		return nil, err
	}
	body = append(body, code...)
	return append(body, 0x0b), nil
}

// constExpr encodes a constant expression (globals, offsets, elements).
func (m *module) constExpr(k []*Node) ([]byte, error) {
	c := &funcCtx{m: m, locals: names{kind: "local"}}
	code, err := c.seq(nil, k, 0)
	if err != nil {
		return nil, err
	}
	return append(code, 0x0b), nil
}

// blockEnds are the keywords that end or divide a flat block.
var blockEnds = map[string]bool{"end": true, "else": true, "catch": true, "catch_all": true, "delegate": true}

// seq encodes the whole instruction sequence k[i:], appending to b; a
// block-ending keyword in it is an error.
func (c *funcCtx) seq(b []byte, k []*Node, i int) ([]byte, error) {
	b, _, err := c.seqUntil(b, k, i, false)
	return b, err
}

// seqUntil encodes instructions from k[i:], appending to b. With stops set
// it stops at a block-ending keyword (end, else, catch, catch_all,
// delegate) and returns its index; otherwise such a keyword is an error.
func (c *funcCtx) seqUntil(b []byte, k []*Node, i int, stops bool) ([]byte, int, error) {
	var err error
	for i < len(k) {
		n := k[i]
		switch n.Kind {
		case List:
			b, err = c.folded(b, n)
			if err != nil {
				return nil, i, err
			}
			i++
			continue
		case String:
			return nil, i, errorf(n.Pos, "unexpected token, expected an instruction")
		}
		if blockEnds[n.Text] {
			if stops {
				return b, i, nil
			}
			return nil, i, errorf(n.Pos, "unexpected token %q", n.Text)
		}
		b, i, err = c.plain(b, k, i)
		if err != nil {
			return nil, i, err
		}
	}
	return b, i, nil
}

func (c *funcCtx) lookup(n *Node) (*opInfo, error) {
	if n.Kind != Atom {
		return nil, errorf(n.Pos, "unexpected token, expected an instruction")
	}
	op := opTable[n.Text]
	if op == nil {
		switch n.Text {
		case "param", "result", "local", "type", "export", "import", "then", "do",
			"else", "end", "catch", "catch_all", "delegate", "catch_ref", "catch_all_ref":
			return nil, errorf(n.Pos, "unexpected token %q", n.Text)
		}
		return nil, errorf(n.Pos, "unknown operator %s", n.Text)
	}
	return op, nil
}

func appendOp(b []byte, op *opInfo) []byte {
	if op.prefix == 0 {
		return append(b, byte(op.code))
	}
	b = append(b, op.prefix)
	return appendU32(b, op.code)
}

// label reads an optional block label.
func labelOf(cur *cursor) string {
	if n := cur.peek(); n != nil && n.Kind == Atom && strings.HasPrefix(n.Text, "$") {
		cur.i++
		return n.Text
	}
	return ""
}

// endLabel checks the optional label after end/else/catch against the
// block's own label.
func endLabel(cur *cursor, want string) error {
	if n := cur.peek(); n != nil && n.Kind == Atom && strings.HasPrefix(n.Text, "$") {
		cur.i++
		if n.Text != want {
			return errorf(n.Pos, "mismatching label")
		}
	}
	return nil
}

// plain encodes the flat instruction at k[i] and returns the index after it
// and its immediates (and, for block instructions, after their end).
func (c *funcCtx) plain(b []byte, k []*Node, i int) ([]byte, int, error) {
	op, err := c.lookup(k[i])
	if err != nil {
		return nil, i, err
	}
	cur := &cursor{kids: k, i: i + 1}
	switch op.imm {
	case immBlock, immTry, immTryTable:
		label := labelOf(cur)
		bt, err := c.blockType(cur)
		if err != nil {
			return nil, cur.i, err
		}
		b = appendOp(b, op)
		b = append(b, bt...)
		if op.imm == immTryTable {
			if b, err = c.catches(b, cur); err != nil {
				return nil, cur.i, err
			}
		}
		c.labels = append(c.labels, label)
		defer func() { c.labels = c.labels[:len(c.labels)-1] }()
		b, j, err := c.seqUntil(b, k, cur.i, true)
		if err != nil {
			return nil, j, err
		}
		cur.i = j
		handlers := 0 // legacy try: catches seen; -1 after catch_all
		for {
			end := cur.next()
			if end == nil {
				return nil, cur.i, errorf(k[i].Pos, "unexpected end of input, expected end")
			}
			switch {
			case end.Text == "end":
				b = append(b, 0x0b)
				return b, cur.i, endLabel(cur, label)
			case end.Text == "else" && op.name == "if":
				if err := endLabel(cur, label); err != nil {
					return nil, cur.i, err
				}
				b = append(b, 0x05)
			case end.Text == "catch" && op.imm == immTry && handlers >= 0:
				handlers++
				tag, err := resolve(&c.m.tags.names, cur.next())
				if err != nil {
					return nil, cur.i, err
				}
				b = append(b, 0x07)
				b = appendU32(b, tag)
			case end.Text == "catch_all" && op.imm == immTry && handlers >= 0:
				handlers = -1
				b = append(b, 0x19)
			case end.Text == "delegate" && op.imm == immTry && handlers == 0:
				c.labels = c.labels[:len(c.labels)-1]
				d, err := c.labelIndex(cur.next())
				c.labels = append(c.labels, label)
				if err != nil {
					return nil, cur.i, err
				}
				b = append(b, 0x18)
				b = appendU32(b, d)
				return b, cur.i, nil
			default:
				return nil, cur.i, errorf(end.Pos, "unexpected token %q", end.Text)
			}
			b, j, err = c.seqUntil(b, k, cur.i, true)
			if err != nil {
				return nil, j, err
			}
			cur.i = j
		}
	}
	b, err = c.imm(b, op, cur)
	return b, cur.i, err
}

// folded encodes a folded instruction "(op imm* folded*)" or a folded block.
func (c *funcCtx) folded(b []byte, n *Node) ([]byte, error) {
	if len(n.Kids) == 0 {
		return nil, errorf(n.Pos, "unexpected token (), expected an instruction")
	}
	op, err := c.lookup(n.Kids[0])
	if err != nil {
		return nil, err
	}
	cur := &cursor{kids: n.Kids, i: 1}
	switch op.imm {
	case immBlock, immTry, immTryTable:
		label := labelOf(cur)
		bt, err := c.blockType(cur)
		if err != nil {
			return nil, err
		}
		var head []byte
		head = appendOp(head, op)
		head = append(head, bt...)
		if op.imm == immTryTable {
			if head, err = c.catches(head, cur); err != nil {
				return nil, err
			}
		}
		switch {
		case op.name == "if":
			// Condition operands come first, then (then ...) (else ...)?.
			for cur.peek() != nil && cur.peek().Kind == List && !cur.peek().IsList("then") {
				if b, err = c.folded(b, cur.next()); err != nil {
					return nil, err
				}
			}
			then := cur.next()
			if then == nil || !then.IsList("then") {
				return nil, errorf(cur.pos(), "unexpected token, expected (then ...)")
			}
			b = append(b, head...)
			c.labels = append(c.labels, label)
			defer func() { c.labels = c.labels[:len(c.labels)-1] }()
			if b, err = c.seq(b, then.Kids, 1); err != nil {
				return nil, err
			}
			if els := cur.next(); els != nil {
				if !els.IsList("else") {
					return nil, errorf(els.Pos, "unexpected token, expected (else ...)")
				}
				b = append(b, 0x05)
				if b, err = c.seq(b, els.Kids, 1); err != nil {
					return nil, err
				}
			}
			if extra := cur.next(); extra != nil {
				return nil, errorf(extra.Pos, "unexpected token")
			}
			return append(b, 0x0b), nil
		case op.imm == immTry:
			b = append(b, head...)
			c.labels = append(c.labels, label)
			defer func() { c.labels = c.labels[:len(c.labels)-1] }()
			do := cur.next()
			if do == nil || !do.IsList("do") {
				return nil, errorf(cur.pos(), "unexpected token, expected (do ...)")
			}
			if b, err = c.seq(b, do.Kids, 1); err != nil {
				return nil, err
			}
			handlers := 0
			for h := cur.next(); h != nil; h = cur.next() {
				if handlers < 0 {
					return nil, errorf(h.Pos, "unexpected token after catch_all")
				}
				switch h.Head() {
				case "catch":
					handlers++
					if len(h.Kids) < 2 {
						return nil, errorf(h.Pos, "unexpected token, expected a tag")
					}
					tag, err := resolve(&c.m.tags.names, h.Kids[1])
					if err != nil {
						return nil, err
					}
					b = append(b, 0x07)
					b = appendU32(b, tag)
					if b, err = c.seq(b, h.Kids, 2); err != nil {
						return nil, err
					}
				case "catch_all":
					handlers = -1
					b = append(b, 0x19)
					if b, err = c.seq(b, h.Kids, 1); err != nil {
						return nil, err
					}
				case "delegate":
					if handlers != 0 {
						return nil, errorf(h.Pos, "unexpected token delegate after catch")
					}
					if len(h.Kids) != 2 {
						return nil, errorf(h.Pos, "unexpected token in delegate")
					}
					c.labels = c.labels[:len(c.labels)-1]
					d, err := c.labelIndex(h.Kids[1])
					c.labels = append(c.labels, label)
					if err != nil {
						return nil, err
					}
					b = append(b, 0x18)
					return appendU32(b, d), nil
				default:
					return nil, errorf(h.Pos, "unexpected token")
				}
			}
			return append(b, 0x0b), nil
		}
		b = append(b, head...)
		c.labels = append(c.labels, label)
		defer func() { c.labels = c.labels[:len(c.labels)-1] }()
		if b, err = c.seq(b, n.Kids, cur.i); err != nil {
			return nil, err
		}
		return append(b, 0x0b), nil
	}
	tail, err := c.imm(nil, op, cur)
	if err != nil {
		return nil, err
	}
	for _, arg := range n.Kids[cur.i:] {
		if arg.Kind != List {
			switch {
			case op.imm == immV128 && arg.Kind == Atom && LooksNumeric(arg.Text):
				return nil, errorf(arg.Pos, "wrong number of lane literals")
			case arg.Kind == Atom && opTable[arg.Text] == nil && !isIndex(arg) && !LooksNumeric(arg.Text):
				return nil, errorf(arg.Pos, "unknown operator %s", arg.Text)
			}
			return nil, errorf(arg.Pos, "unexpected token %q", arg.Text)
		}
		if b, err = c.folded(b, arg); err != nil {
			return nil, err
		}
	}
	return append(b, tail...), nil
}

// blockType parses "(type x)? (param ...)* (result ...)*".
func (c *funcCtx) blockType(cur *cursor) ([]byte, error) {
	k, i := cur.kids, cur.i
	explicit := i < len(k) && k[i].IsList("type")
	j := i
	if explicit {
		j++
	}
	s, end, err := c.m.parseSig(k, j, false)
	if err != nil {
		return nil, err
	}
	if !explicit && len(s.params) == 0 && len(s.results) <= 1 {
		cur.i = end
		if len(s.results) == 0 {
			return []byte{0x40}, nil
		}
		return []byte(s.results[0]), nil
	}
	idx, _, end, err := c.m.typeUse(k, i, false)
	if err != nil {
		return nil, err
	}
	cur.i = end
	return appendS64(nil, int64(idx)), nil
}

// catches parses the catch clauses of try_table. Their labels are relative
// to the block around the try_table, so they resolve before it is pushed.
func (c *funcCtx) catches(b []byte, cur *cursor) ([]byte, error) {
	var body []byte
	n := 0
	for cur.peek() != nil {
		h := cur.peek()
		var kind byte
		switch h.Head() {
		case "catch":
			kind = 0
		case "catch_ref":
			kind = 1
		case "catch_all":
			kind = 2
		case "catch_all_ref":
			kind = 3
		default:
			return append(appendU32(b, uint32(n)), body...), nil
		}
		cur.i++
		args := h.Kids[1:]
		want := 2
		if kind >= 2 {
			want = 1
		}
		if len(args) != want {
			return nil, errorf(h.Pos, "unexpected token in catch clause")
		}
		body = append(body, kind)
		if kind < 2 {
			tag, err := resolve(&c.m.tags.names, args[0])
			if err != nil {
				return nil, err
			}
			body = appendU32(body, tag)
		}
		l, err := c.labelIndex(args[len(args)-1])
		if err != nil {
			return nil, err
		}
		body = appendU32(body, l)
		n++
	}
	return append(appendU32(b, uint32(n)), body...), nil
}

// labelIndex resolves a label reference to a relative depth.
func (c *funcCtx) labelIndex(n *Node) (uint32, error) {
	if n == nil || n.Kind != Atom {
		return 0, errorf(posOf(n), "unexpected token, expected a label")
	}
	if strings.HasPrefix(n.Text, "$") {
		for d := len(c.labels) - 1; d >= 0; d-- {
			if c.labels[d] == n.Text {
				return uint32(len(c.labels) - 1 - d), nil
			}
		}
		return 0, errorf(n.Pos, "unknown label %s", n.Text)
	}
	v, err := ParseUint(n.Text, 32)
	if err != nil {
		return 0, numErr(n, err)
	}
	return uint32(v), nil
}

func posOf(n *Node) Pos {
	if n == nil {
		return Pos{}
	}
	return n.Pos
}

// numErr turns a literal parse error into a positioned error with the spec's
// phrase: out-of-range literals and malformed ones differ.
func numErr(n *Node, err error) error {
	if err == errRange {
		return errorf(n.Pos, "constant out of range")
	}
	if n.Kind != Atom || n.Text == "nan:canonical" || n.Text == "nan:arithmetic" {
		// Result patterns are not literals.
		return errorf(n.Pos, "unexpected token %s", n.Text)
	}
	return errorf(n.Pos, "unknown operator %s", n.Text)
}

// index parses a required index in one of the module's index spaces.
func (c *funcCtx) index(ns *names, cur *cursor) (uint32, error) {
	n := cur.next()
	if n == nil || n.Kind != Atom {
		return 0, errorf(cur.pos(), "unexpected token, expected %s index", ns.kind)
	}
	return resolve(ns, n)
}

// optIndex parses an optional index (default 0).
func (c *funcCtx) optIndex(ns *names, cur *cursor) (uint32, error) {
	if isIndex(cur.peek()) {
		return resolve(ns, cur.next())
	}
	return 0, nil
}

// imm appends the opcode and the immediates of a non-block instruction.
func (c *funcCtx) imm(b []byte, op *opInfo, cur *cursor) ([]byte, error) {
	m := c.m
	switch op.imm {
	case immRefTest:
		n := cur.next()
		if n == nil {
			return nil, errorf(cur.pos(), "unexpected token, expected a reference type")
		}
		rt, err := m.refType(n)
		if err != nil {
			return nil, err
		}
		code := *op
		if rt[0] != refNonNull {
			code.code++
		}
		b = appendOp(b, &code)
		if rt[0] == refNull || rt[0] == refNonNull {
			return append(b, rt[1:]...), nil
		}
		return append(b, rt...), nil
	case immSelect:
		var types []valType
		for cur.peek() != nil && cur.peek().IsList("result") {
			for _, tn := range cur.next().Kids[1:] {
				t, err := m.valType(tn)
				if err != nil {
					return nil, err
				}
				types = append(types, t)
			}
			if types == nil {
				types = []valType{}
			}
		}
		if types == nil {
			return append(b, 0x1b), nil
		}
		b = append(b, 0x1c)
		b = appendU32(b, uint32(len(types)))
		for _, t := range types {
			b = append(b, t...)
		}
		return b, nil
	}
	b = appendOp(b, op)
	switch op.imm {
	case immNone:
	case immLabel, immRethrow:
		d, err := c.labelIndex(cur.next())
		if err != nil {
			return nil, err
		}
		b = appendU32(b, d)
	case immBrTable:
		var ls []uint32
		for isIndex(cur.peek()) {
			d, err := c.labelIndex(cur.next())
			if err != nil {
				return nil, err
			}
			ls = append(ls, d)
		}
		if len(ls) == 0 {
			if n := cur.peek(); n != nil && n.Kind == Atom {
				return nil, errorf(n.Pos, "unknown operator %s", n.Text)
			}
			return nil, errorf(cur.pos(), "unexpected token, expected a label")
		}
		b = appendU32(b, uint32(len(ls)-1))
		for _, l := range ls {
			b = appendU32(b, l)
		}
	case immFunc:
		v, err := c.index(&m.funcs.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immCallIndirect:
		t, err := c.optIndex(&m.tables.names, cur)
		if err != nil {
			return nil, err
		}
		idx, _, end, err := m.typeUse(cur.kids, cur.i, false)
		if err != nil {
			return nil, err
		}
		cur.i = end
		b = appendU32(b, idx)
		b = appendU32(b, t)
	case immType:
		v, err := c.index(&m.typeNames, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immLocal:
		v, err := c.index(&c.locals, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immGlobal:
		v, err := c.index(&m.globals.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immTable:
		v, err := c.optIndex(&m.tables.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immTableCopy:
		var d, s uint32
		if isIndex(cur.peek()) {
			var err error
			if d, err = c.index(&m.tables.names, cur); err != nil {
				return nil, err
			}
			if s, err = c.index(&m.tables.names, cur); err != nil {
				return nil, err
			}
		}
		b = appendU32(appendU32(b, d), s)
	case immTableInit:
		var t, e uint32
		var err error
		if cur.i+1 < len(cur.kids) && isIndex(cur.kids[cur.i]) && isIndex(cur.kids[cur.i+1]) {
			if t, err = c.index(&m.tables.names, cur); err != nil {
				return nil, err
			}
		}
		if e, err = c.index(&m.elems.names, cur); err != nil {
			return nil, err
		}
		b = appendU32(appendU32(b, e), t)
	case immElem:
		v, err := c.index(&m.elems.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immMem:
		v, err := c.optIndex(&m.mems.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immMemCopy:
		var d, s uint32
		if isIndex(cur.peek()) {
			var err error
			if d, err = c.index(&m.mems.names, cur); err != nil {
				return nil, err
			}
			if s, err = c.index(&m.mems.names, cur); err != nil {
				return nil, err
			}
		}
		b = appendU32(appendU32(b, d), s)
	case immMemInit:
		m.usesDataCount = true
		var mem, d uint32
		var err error
		if cur.i+1 < len(cur.kids) && isIndex(cur.kids[cur.i]) && isIndex(cur.kids[cur.i+1]) {
			if mem, err = c.index(&m.mems.names, cur); err != nil {
				return nil, err
			}
		}
		if d, err = c.index(&m.datas.names, cur); err != nil {
			return nil, err
		}
		b = appendU32(appendU32(b, d), mem)
	case immData:
		m.usesDataCount = true
		v, err := c.index(&m.datas.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immMemarg:
		return c.memarg(b, op, cur, false)
	case immMemargLane:
		return c.memarg(b, op, cur, true)
	case immI32:
		n := cur.next()
		if n == nil || n.Kind != Atom {
			return nil, errorf(cur.pos(), "unexpected token, expected an i32 literal")
		}
		v, err := ParseInt(n.Text, 32)
		if err != nil {
			return nil, numErr(n, err)
		}
		b = appendS64(b, int64(int32(uint32(v))))
	case immI64:
		n := cur.next()
		if n == nil || n.Kind != Atom {
			return nil, errorf(cur.pos(), "unexpected token, expected an i64 literal")
		}
		v, err := ParseInt(n.Text, 64)
		if err != nil {
			return nil, numErr(n, err)
		}
		b = appendS64(b, int64(v))
	case immF32:
		n := cur.next()
		if n == nil || n.Kind != Atom {
			return nil, errorf(cur.pos(), "unexpected token, expected an f32 literal")
		}
		v, err := ParseF32(n.Text)
		if err != nil {
			return nil, numErr(n, err)
		}
		b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	case immF64:
		n := cur.next()
		if n == nil || n.Kind != Atom {
			return nil, errorf(cur.pos(), "unexpected token, expected an f64 literal")
		}
		v, err := ParseF64(n.Text)
		if err != nil {
			return nil, numErr(n, err)
		}
		for s := 0; s < 64; s += 8 {
			b = append(b, byte(v>>s))
		}
	case immV128:
		v, err := ParseV128(cur.kids, &cur.i)
		if err != nil {
			return nil, err
		}
		b = append(b, v[:]...)
	case immShuffle:
		var lanes []*Node
		for cur.peek() != nil && cur.peek().Kind == Atom && LooksNumeric(cur.peek().Text) {
			lanes = append(lanes, cur.next())
		}
		if len(lanes) != 16 {
			return nil, errorf(cur.pos(), "invalid lane length")
		}
		for _, n := range lanes {
			v, err := ParseUint(n.Text, 8)
			if err != nil {
				return nil, errorf(n.Pos, "i8 constant out of range")
			}
			b = append(b, byte(v))
		}
	case immLane:
		v, err := laneIndex(cur)
		if err != nil {
			return nil, err
		}
		b = append(b, v)
	case immHeapType:
		n := cur.next()
		if n == nil {
			return nil, errorf(cur.pos(), "unexpected token, expected a heap type")
		}
		ht, err := m.heapType(n)
		if err != nil {
			return nil, err
		}
		b = append(b, ht...)
	case immBrOnCast:
		l, err := c.labelIndex(cur.next())
		if err != nil {
			return nil, err
		}
		n1, n2 := cur.next(), cur.next()
		if n1 == nil || n2 == nil {
			return nil, errorf(cur.pos(), "unexpected token, expected a reference type")
		}
		r1, err := m.refType(n1)
		if err != nil {
			return nil, err
		}
		r2, err := m.refType(n2)
		if err != nil {
			return nil, err
		}
		flags := byte(0)
		if r1[0] != refNonNull {
			flags |= 1
		}
		if r2[0] != refNonNull {
			flags |= 2
		}
		b = append(b, flags)
		b = appendU32(b, l)
		b = append(b, heapOf(r1)...)
		b = append(b, heapOf(r2)...)
	case immField:
		t, err := c.index(&m.typeNames, cur)
		if err != nil {
			return nil, err
		}
		var fields *names
		if int(t) < len(m.types) {
			fields = &m.types[t].fields
		} else {
			fields = &names{kind: "field"}
		}
		f, err := c.index(fields, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(appendU32(b, t), f)
	case immTypeN:
		t, err := c.index(&m.typeNames, cur)
		if err != nil {
			return nil, err
		}
		n := cur.next()
		if n == nil || n.Kind != Atom {
			return nil, errorf(cur.pos(), "unexpected token, expected a length")
		}
		v, err := ParseUint(n.Text, 32)
		if err != nil {
			return nil, numErr(n, err)
		}
		b = appendU32(appendU32(b, t), uint32(v))
	case immTypeData, immTypeElem, immTypeType:
		t, err := c.index(&m.typeNames, cur)
		if err != nil {
			return nil, err
		}
		var ns *names
		switch op.imm {
		case immTypeData:
			ns = &m.datas.names
			m.usesDataCount = true
		case immTypeElem:
			ns = &m.elems.names
		default:
			ns = &m.typeNames
		}
		v, err := c.index(ns, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(appendU32(b, t), v)
	case immTag:
		v, err := c.index(&m.tags.names, cur)
		if err != nil {
			return nil, err
		}
		b = appendU32(b, v)
	case immZeroByte:
		b = append(b, 0x00)
	default:
		return nil, errorf(cur.pos(), "internal error: unhandled immediate kind %d for %s", op.imm, op.name)
	}
	return b, nil
}

// heapOf drops the ref/ref-null prefix of an encoded reference type.
func heapOf(rt valType) string {
	if rt[0] == refNull || rt[0] == refNonNull {
		return rt[1:]
	}
	return rt
}

// memarg parses "memidx? offset=N? align=N?" (and a lane index when lane).
func (c *funcCtx) memarg(b []byte, op *opInfo, cur *cursor, lane bool) ([]byte, error) {
	m := c.m
	var mem uint32
	if n := cur.peek(); isIndex(n) {
		takeMem := true
		if lane && !strings.HasPrefix(n.Text, "$") {
			// "load8_lane 1 0" names memory 1, "load8_lane 1" lane 1.
			nx := cur.kids[cur.i+1:]
			takeMem = len(nx) > 0 && nx[0].Kind == Atom && (isIndex(nx[0]) || strings.HasPrefix(nx[0].Text, "offset=") || strings.HasPrefix(nx[0].Text, "align="))
		}
		if takeMem {
			v, err := resolve(&m.mems.names, cur.next())
			if err != nil {
				return nil, err
			}
			mem = v
		}
	}
	var offset uint64
	align := uint64(1) << op.align
	if n := cur.peek(); n != nil && n.Kind == Atom && strings.HasPrefix(n.Text, "offset=") {
		cur.i++
		// Offsets are u64 in the text format; the validator rejects
		// ones too large for a 32-bit memory ("offset out of range").
		v, err := ParseUint(n.Text[len("offset="):], 64)
		if err != nil {
			if err == errRange {
				return nil, errorf(n.Pos, "offset out of range")
			}
			return nil, errorf(n.Pos, "unknown operator %s", n.Text)
		}
		offset = v
	}
	if n := cur.peek(); n != nil && n.Kind == Atom && strings.HasPrefix(n.Text, "align=") {
		cur.i++
		v, err := ParseUint(n.Text[len("align="):], 64)
		if err != nil {
			return nil, errorf(n.Pos, "unknown operator %s", n.Text)
		}
		if v == 0 || v&(v-1) != 0 {
			return nil, errorf(n.Pos, "alignment must be a power of two")
		}
		align = v
	}
	flags := uint32(bits.TrailingZeros64(align))
	if mem != 0 {
		flags |= 0x40
	}
	b = appendU32(b, flags)
	if mem != 0 {
		b = appendU32(b, mem)
	}
	b = appendU64(b, offset)
	if lane {
		v, err := laneIndex(cur)
		if err != nil {
			return nil, err
		}
		b = append(b, v)
	}
	return b, nil
}

// laneIndex parses a lane immediate: a u8 literal.
func laneIndex(cur *cursor) (byte, error) {
	n := cur.next()
	if n == nil || n.Kind != Atom {
		return 0, errorf(cur.pos(), "unexpected token, expected a lane index")
	}
	v, err := ParseUint(n.Text, 8)
	switch {
	case err == errRange:
		return 0, errorf(n.Pos, "i8 constant out of range")
	case err != nil:
		return 0, errorf(n.Pos, "unexpected token %s, expected a lane index", n.Text)
	}
	return byte(v), nil
}

// ParseV128 parses "shape lane*" at kids[*i] and advances *i. Script runners
// use it for v128 constants in assertions as well.
func ParseV128(kids []*Node, i *int) ([16]byte, error) {
	var v [16]byte
	if *i >= len(kids) || kids[*i].Kind != Atom {
		return v, errorf(posAt(kids, *i), "unexpected token, expected a v128 shape")
	}
	shape := kids[*i]
	var lanes, width int
	float := false
	switch shape.Text {
	case "i8x16":
		lanes, width = 16, 8
	case "i16x8":
		lanes, width = 8, 16
	case "i32x4":
		lanes, width = 4, 32
	case "i64x2":
		lanes, width = 2, 64
	case "f32x4":
		lanes, width, float = 4, 32, true
	case "f64x2":
		lanes, width, float = 2, 64, true
	default:
		return v, errorf(shape.Pos, "unexpected token %q, expected a v128 shape", shape.Text)
	}
	*i++
	have := 0
	for j := *i; j < len(kids) && kids[j].Kind == Atom; j++ {
		have++
	}
	if have < lanes {
		return v, errorf(posAt(kids, *i), "wrong number of lane literals")
	}
	for l := 0; l < lanes; l++ {
		n := kids[*i]
		*i++
		var bitsv uint64
		var err error
		switch {
		case float && width == 32:
			var f uint32
			f, err = ParseF32(n.Text)
			bitsv = uint64(f)
		case float:
			bitsv, err = ParseF64(n.Text)
		default:
			bitsv, err = ParseInt(n.Text, width)
		}
		if err != nil {
			return v, numErr(n, err)
		}
		for k := 0; k < width/8; k++ {
			v[l*width/8+k] = byte(bitsv >> (8 * k))
		}
	}
	return v, nil
}
