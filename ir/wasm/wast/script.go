package wast

import (
	"fmt"
	"strings"

	"kiln/ir/wasm/wat"
)

// Script is a parsed .wast file: its commands in order.
type Script struct {
	Name     string
	Commands []*Command
}

// Kind names a script command.
type Kind uint8

const (
	KindModule               Kind = iota // module (text, binary, quote; maybe a definition)
	KindModuleInstance                   // (module instance $i $def?)
	KindRegister                         // (register "name" $m?)
	KindAction                           // bare (invoke ...) or (get ...)
	KindAssertReturn                     // (assert_return action result*)
	KindAssertTrap                       // (assert_trap action|module "msg")
	KindAssertExhaustion                 // (assert_exhaustion action "msg")
	KindAssertException                  // (assert_exception action)
	KindAssertInvalid                    // (assert_invalid module "msg")
	KindAssertMalformed                  // (assert_malformed module "msg")
	KindAssertUnlinkable                 // (assert_unlinkable module "msg")
	KindAssertUninstantiable             // (assert_uninstantiable module "msg")
	KindThread                           // (thread $t (shared (module $m))* command*)
	KindWait                             // (wait $t)
)

var kindNames = [...]string{
	KindModule: "module", KindModuleInstance: "module instance", KindRegister: "register",
	KindAction: "action", KindAssertReturn: "assert_return", KindAssertTrap: "assert_trap",
	KindAssertExhaustion: "assert_exhaustion", KindAssertException: "assert_exception",
	KindAssertInvalid: "assert_invalid", KindAssertMalformed: "assert_malformed",
	KindAssertUnlinkable: "assert_unlinkable", KindAssertUninstantiable: "assert_uninstantiable",
	KindThread: "thread", KindWait: "wait",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Command is one directive of a script. Which fields are set depends on Kind.
type Command struct {
	Kind Kind
	Line int // 1-based line of the directive's opening parenthesis

	Module   *ModuleSource // module, assert_invalid/malformed/unlinkable/uninstantiable, assert_trap on a module
	Action   *Action       // action, assert_return/trap/exhaustion/exception
	Results  []Result      // assert_return
	Message  string        // expected failure text of assert_*
	Name     string        // register: export name; thread/wait: thread $id
	ModuleID string        // register: $id of the module (or "" = last); module instance: definition $id
	Instance string        // module instance: instance $id
	Shared   []string      // thread: modules shared into the thread
	Body     []*Command    // thread: its commands
}

// ModuleForm says how a module's source was written.
type ModuleForm uint8

const (
	FormText   ModuleForm = iota // (module field*): Node holds the tree
	FormBinary                   // (module binary "..."*): Bytes holds the binary
	FormQuote                    // (module quote "..."*): Bytes holds the text
)

// ModuleSource is a module as written in a script.
type ModuleSource struct {
	Form       ModuleForm
	ID         string    // $id or ""
	Definition bool      // (module definition ...): not instantiated
	Node       *wat.Node // FormText: the (module ...) node
	Bytes      []byte    // FormBinary: binary; FormQuote: source text
	Line       int
}

// Encode returns the module's binary: it encodes text modules, parses
// quoted ones, and returns binary ones unchanged.
func (s *ModuleSource) Encode() ([]byte, error) { return s.EncodeWith(wat.Options{}) }

// EncodeWith is Encode with text-format options.
func (s *ModuleSource) EncodeWith(o wat.Options) ([]byte, error) {
	var m *wat.Module
	var err error
	switch s.Form {
	case FormBinary:
		return s.Bytes, nil
	case FormQuote:
		m, err = o.ParseModule(s.Bytes)
	default:
		m, err = o.EncodeModule(s.Node)
	}
	if err != nil {
		return nil, err
	}
	return m.Binary, nil
}

// ActionKind distinguishes invoke from get.
type ActionKind uint8

const (
	ActionInvoke ActionKind = iota
	ActionGet
)

// Action is (invoke $m? "name" arg*) or (get $m? "name").
type Action struct {
	Kind   ActionKind
	Module string // $id or "" for the current module
	Name   string
	Args   []Value
}

// Type is a value type of a script constant.
type Type uint8

const (
	I32 Type = iota
	I64
	F32
	F64
	V128
	Ref
)

func (t Type) String() string {
	return [...]string{"i32", "i64", "f32", "f64", "v128", "ref"}[t]
}

// RefKind says which reference a Ref value or pattern denotes.
type RefKind uint8

const (
	RefNull   RefKind = iota // ref.null ht
	RefExtern                // ref.extern N (or any extern reference as a pattern)
	RefHost                  // ref.host N
	RefFunc                  // ref.func (pattern: any function reference)
	RefStruct                // patterns only
	RefArray
	RefI31
	RefEq
	RefAny
	RefExn
)

// Value is a typed constant, ready for a runtime: integers and floats as
// their bit patterns in Lo (v128: Lo = lanes 0-7 bytes, Hi = bytes 8-15).
type Value struct {
	Type     Type
	Lo, Hi   uint64
	Ref      RefKind
	HeapType string // ref.null: the heap type as written
	HasIndex bool   // ref.extern N / ref.host N carried N
	Index    uint32
}

// NaNKind marks a float result that matches a class of NaNs.
type NaNKind uint8

const (
	NaNNone NaNKind = iota
	NaNCanonical
	NaNArithmetic
)

// Result is an expected result of assert_return.
type Result struct {
	Value  Value
	NaN    NaNKind   // scalar f32/f64 NaN pattern
	Lanes  []NaNKind // v128 float shapes: per-lane NaN patterns (nil if none)
	Shape  string    // v128: the shape as written (lane-wise comparison)
	Either []Result  // (either r*): any of these
	IsRef  bool      // a reference pattern (compare by Ref kind / null / index)
}

// Error is a script syntax error at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

type parser struct {
	file string
}

func (p *parser) errorf(n *wat.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = int(n.Pos.Line)
	}
	return &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Parse parses a .wast script. name is used in error messages.
func Parse(name string, src []byte) (*Script, error) {
	nodes, err := wat.ReadAll(src)
	if err != nil {
		if we, ok := err.(*wat.Error); ok {
			return nil, &Error{File: name, Line: int(we.Pos.Line), Msg: we.Msg}
		}
		return nil, err
	}
	p := &parser{file: name}
	s := &Script{Name: name}
	if len(nodes) > 0 && moduleFields[nodes[0].Head()] {
		// An inline module: the whole file is one module's fields.
		mod := &wat.Node{Kind: wat.List, Pos: nodes[0].Pos, Start: nodes[0].Start,
			Kids: append([]*wat.Node{{Kind: wat.Atom, Text: "module", Pos: nodes[0].Pos}}, nodes...)}
		nodes = []*wat.Node{mod}
	}
	for _, n := range nodes {
		c, err := p.command(n)
		if err != nil {
			return nil, err
		}
		s.Commands = append(s.Commands, c)
	}
	return s, nil
}

// moduleFields are the heads of module fields; a script starting with one
// is an inline module.
var moduleFields = map[string]bool{
	"type": true, "rec": true, "import": true, "func": true, "table": true, "memory": true,
	"global": true, "tag": true, "export": true, "start": true, "elem": true, "data": true,
}

func isID(n *wat.Node) bool { return n != nil && n.Kind == wat.Atom && strings.HasPrefix(n.Text, "$") }

func (p *parser) command(n *wat.Node) (*Command, error) {
	if n.Kind != wat.List {
		return nil, p.errorf(n, "unexpected token, expected a command")
	}
	c := &Command{Line: int(n.Pos.Line)}
	k := n.Kids
	switch n.Head() {
	case "module":
		if len(k) > 1 && k[1].Keyword("instance") {
			c.Kind = KindModuleInstance
			if len(k) < 3 || len(k) > 4 || !isID(k[2]) || (len(k) == 4 && !isID(k[3])) {
				return nil, p.errorf(n, "malformed module instance")
			}
			c.Instance = k[2].Text
			if len(k) == 4 {
				c.ModuleID = k[3].Text
			}
			return c, nil
		}
		m, err := p.module(n)
		if err != nil {
			return nil, err
		}
		c.Kind, c.Module = KindModule, m
	case "register":
		c.Kind = KindRegister
		if len(k) < 2 || len(k) > 3 || k[1].Kind != wat.String || (len(k) == 3 && !isID(k[2])) {
			return nil, p.errorf(n, "malformed register")
		}
		c.Name = string(k[1].Bytes)
		if len(k) == 3 {
			c.ModuleID = k[2].Text
		}
	case "invoke", "get":
		a, err := p.action(n)
		if err != nil {
			return nil, err
		}
		c.Kind, c.Action = KindAction, a
	case "assert_return":
		if len(k) < 2 {
			return nil, p.errorf(n, "malformed assert_return")
		}
		a, err := p.action(k[1])
		if err != nil {
			return nil, err
		}
		c.Kind, c.Action = KindAssertReturn, a
		for _, r := range k[2:] {
			res, err := p.result(r)
			if err != nil {
				return nil, err
			}
			c.Results = append(c.Results, res)
		}
	case "assert_trap", "assert_exhaustion", "assert_invalid", "assert_malformed", "assert_unlinkable", "assert_uninstantiable":
		if len(k) != 3 || k[2].Kind != wat.String {
			return nil, p.errorf(n, "malformed %s", n.Head())
		}
		c.Message = string(k[2].Bytes)
		c.Kind = map[string]Kind{
			"assert_trap": KindAssertTrap, "assert_exhaustion": KindAssertExhaustion,
			"assert_invalid": KindAssertInvalid, "assert_malformed": KindAssertMalformed,
			"assert_unlinkable": KindAssertUnlinkable, "assert_uninstantiable": KindAssertUninstantiable,
		}[n.Head()]
		if k[1].IsList("module") {
			if c.Kind == KindAssertExhaustion {
				return nil, p.errorf(n, "assert_exhaustion needs an action")
			}
			m, err := p.module(k[1])
			if err != nil {
				return nil, err
			}
			c.Module = m
		} else {
			if c.Kind != KindAssertTrap && c.Kind != KindAssertExhaustion {
				return nil, p.errorf(n, "%s needs a module", n.Head())
			}
			a, err := p.action(k[1])
			if err != nil {
				return nil, err
			}
			c.Action = a
		}
	case "assert_exception":
		if len(k) != 2 {
			return nil, p.errorf(n, "malformed assert_exception")
		}
		a, err := p.action(k[1])
		if err != nil {
			return nil, err
		}
		c.Kind, c.Action = KindAssertException, a
	case "thread":
		c.Kind = KindThread
		i := 1
		if i < len(k) && isID(k[i]) {
			c.Name = k[i].Text
			i++
		}
		for ; i < len(k) && k[i].IsList("shared"); i++ {
			s := k[i]
			if len(s.Kids) != 2 || !s.Kids[1].IsList("module") || len(s.Kids[1].Kids) != 2 || !isID(s.Kids[1].Kids[1]) {
				return nil, p.errorf(s, "malformed shared module")
			}
			c.Shared = append(c.Shared, s.Kids[1].Kids[1].Text)
		}
		for ; i < len(k); i++ {
			b, err := p.command(k[i])
			if err != nil {
				return nil, err
			}
			c.Body = append(c.Body, b)
		}
	case "wait":
		c.Kind = KindWait
		if len(k) != 2 || !isID(k[1]) {
			return nil, p.errorf(n, "malformed wait")
		}
		c.Name = k[1].Text
	default:
		return nil, p.errorf(n, "unknown command %q", n.Head())
	}
	return c, nil
}

// module parses a (module ...) node without compiling it: text modules
// keep their tree, so a malformed module only fails when it is encoded.
func (p *parser) module(n *wat.Node) (*ModuleSource, error) {
	m := &ModuleSource{Form: FormText, Node: n, Line: int(n.Pos.Line)}
	k := n.Kids[1:]
	if len(k) > 0 && k[0].Keyword("definition") {
		m.Definition = true
		k = k[1:]
	}
	if len(k) > 0 && isID(k[0]) {
		m.ID = k[0].Text
		k = k[1:]
	}
	if len(k) > 0 && (k[0].Keyword("binary") || k[0].Keyword("quote")) {
		if k[0].Text == "binary" {
			m.Form = FormBinary
		} else {
			m.Form = FormQuote
		}
		for _, s := range k[1:] {
			if s.Kind != wat.String {
				return nil, p.errorf(s, "unexpected token in module %s", k[0].Text)
			}
			m.Bytes = append(m.Bytes, s.Bytes...)
			if m.Form == FormQuote {
				m.Bytes = append(m.Bytes, ' ')
			}
		}
		return m, nil
	}
	if m.Definition {
		// Re-root the tree so the encoder sees (module $id? field*).
		kids := append([]*wat.Node{n.Kids[0]}, n.Kids[2:]...)
		m.Node = &wat.Node{Kind: wat.List, Kids: kids, Pos: n.Pos, Start: n.Start, End: n.End}
	}
	return m, nil
}

func (p *parser) action(n *wat.Node) (*Action, error) {
	a := &Action{}
	switch n.Head() {
	case "invoke":
		a.Kind = ActionInvoke
	case "get":
		a.Kind = ActionGet
	default:
		return nil, p.errorf(n, "unexpected token, expected an action")
	}
	k := n.Kids[1:]
	if len(k) > 0 && isID(k[0]) {
		a.Module = k[0].Text
		k = k[1:]
	}
	if len(k) == 0 || k[0].Kind != wat.String {
		return nil, p.errorf(n, "unexpected token, expected an export name")
	}
	a.Name = string(k[0].Bytes)
	k = k[1:]
	if a.Kind == ActionGet && len(k) != 0 {
		return nil, p.errorf(n, "unexpected token in get")
	}
	for _, arg := range k {
		v, err := p.value(arg)
		if err != nil {
			return nil, err
		}
		a.Args = append(a.Args, v)
	}
	return a, nil
}

// value parses a constant argument: (t.const literal), (ref.null ht),
// (ref.extern N), (ref.host N).
func (p *parser) value(n *wat.Node) (Value, error) {
	r, err := p.constant(n, false)
	if err != nil {
		return Value{}, err
	}
	return r.Value, nil
}

func (p *parser) result(n *wat.Node) (Result, error) {
	if n.IsList("either") {
		var r Result
		for _, alt := range n.Kids[1:] {
			a, err := p.result(alt)
			if err != nil {
				return r, err
			}
			r.Either = append(r.Either, a)
		}
		if len(r.Either) == 0 {
			return r, p.errorf(n, "empty either")
		}
		return r, nil
	}
	return p.constant(n, true)
}

// refPatterns are the reference result patterns of assert_return.
var refPatterns = map[string]RefKind{
	"ref.func": RefFunc, "ref.struct": RefStruct, "ref.array": RefArray, "ref.i31": RefI31,
	"ref.eq": RefEq, "ref.any": RefAny, "ref.exn": RefExn, "ref.extern": RefExtern, "ref.host": RefHost,
}

func (p *parser) constant(n *wat.Node, pattern bool) (Result, error) {
	var r Result
	if n.Kind != wat.List || len(n.Kids) == 0 {
		return r, p.errorf(n, "unexpected token, expected a constant")
	}
	k := n.Kids[1:]
	arg := func() (*wat.Node, error) {
		if len(k) != 1 || k[0].Kind != wat.Atom {
			return nil, p.errorf(n, "unexpected token in %s", n.Head())
		}
		return k[0], nil
	}
	wrap := func(err error) error {
		if we, ok := err.(*wat.Error); ok {
			return p.errorf(n, "%s", we.Msg)
		}
		return p.errorf(n, "%s in %s", err, n.Head())
	}
	switch h := n.Head(); h {
	case "i32.const", "i64.const":
		a, err := arg()
		if err != nil {
			return r, err
		}
		width := 32
		r.Value.Type = I32
		if h == "i64.const" {
			width, r.Value.Type = 64, I64
		}
		v, err := wat.ParseInt(a.Text, width)
		if err != nil {
			return r, wrap(err)
		}
		r.Value.Lo = v
	case "f32.const", "f64.const":
		a, err := arg()
		if err != nil {
			return r, err
		}
		r.Value.Type = F32
		if h == "f64.const" {
			r.Value.Type = F64
		}
		if pattern && (a.Text == "nan:canonical" || a.Text == "nan:arithmetic") {
			r.NaN = NaNCanonical
			if a.Text == "nan:arithmetic" {
				r.NaN = NaNArithmetic
			}
			return r, nil
		}
		if h == "f32.const" {
			v, err := wat.ParseF32(a.Text)
			if err != nil {
				return r, wrap(err)
			}
			r.Value.Lo = uint64(v)
		} else {
			v, err := wat.ParseF64(a.Text)
			if err != nil {
				return r, wrap(err)
			}
			r.Value.Lo = v
		}
	case "v128.const":
		r.Value.Type = V128
		if len(k) == 0 || k[0].Kind != wat.Atom {
			return r, p.errorf(n, "unexpected token, expected a v128 shape")
		}
		r.Shape = k[0].Text
		kids := k
		if pattern && (r.Shape == "f32x4" || r.Shape == "f64x2") {
			// Lanes may be NaN patterns: substitute a zero lane and
			// record the pattern.
			kids = []*wat.Node{k[0]}
			for _, l := range k[1:] {
				nk := NaNNone
				switch l.Text {
				case "nan:canonical":
					nk = NaNCanonical
				case "nan:arithmetic":
					nk = NaNArithmetic
				}
				r.Lanes = append(r.Lanes, nk)
				if nk != NaNNone {
					l = &wat.Node{Kind: wat.Atom, Text: "0", Pos: l.Pos}
				}
				kids = append(kids, l)
			}
			hasNaN := false
			for _, l := range r.Lanes {
				hasNaN = hasNaN || l != NaNNone
			}
			if !hasNaN {
				r.Lanes = nil
			}
		}
		i := 0
		v, err := wat.ParseV128(kids, &i)
		if err != nil {
			return r, wrap(err)
		}
		if i != len(kids) {
			return r, p.errorf(n, "wrong number of lane literals")
		}
		for j := 0; j < 8; j++ {
			r.Value.Lo |= uint64(v[j]) << (8 * j)
			r.Value.Hi |= uint64(v[8+j]) << (8 * j)
		}
	case "ref.null":
		r.Value.Type, r.Value.Ref = Ref, RefNull
		if len(k) > 1 || (len(k) == 1 && k[0].Kind != wat.Atom) {
			return r, p.errorf(n, "unexpected token in ref.null")
		}
		if len(k) == 1 {
			r.Value.HeapType = k[0].Text
		} else if !pattern {
			return r, p.errorf(n, "ref.null needs a heap type")
		}
		r.IsRef = pattern
	default:
		rk, ok := refPatterns[h]
		if !ok || (!pattern && rk != RefExtern && rk != RefHost) {
			return r, p.errorf(n, "unexpected token %q, expected a constant", h)
		}
		r.Value.Type, r.Value.Ref, r.IsRef = Ref, rk, pattern
		if len(k) == 1 {
			a, err := arg()
			if err != nil {
				return r, err
			}
			v, err := wat.ParseUint(a.Text, 32)
			if err != nil {
				return r, wrap(err)
			}
			r.Value.HasIndex, r.Value.Index = true, uint32(v)
		} else if len(k) > 1 || (!pattern && (rk == RefExtern || rk == RefHost)) {
			return r, p.errorf(n, "unexpected token in %s", h)
		}
	}
	return r, nil
}
