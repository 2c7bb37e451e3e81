package ir

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// File is a parsed CLIF test file.
type File struct {
	Name      string
	Tests     []TestCommand
	Settings  []Setting // every `set` line's settings, in order
	Targets   []Target
	Features  []Feature
	Preamble  []Comment // comments before the first function
	Functions []*FileFunc
}

// TestCommand is one `test <command> [options]` line.
type TestCommand struct {
	Command string
	Options []string // `flag` or `name=value`, as written
	Line    int
}

// Setting is `name` (Value "", Bare true) or `name=value`.
type Setting struct {
	Name, Value string
	Bare        bool
	Line        int
}

// Target is one `target <arch> [flags]` line together with the shared
// settings of the `set` lines before it.
type Target struct {
	Arch     string
	Flags    []Setting
	Settings []Setting
	Line     int
}

// Feature is `feature "name"` or `feature !"name"`.
type Feature struct {
	Name    string
	Enabled bool
	Line    int
}

// FileFunc is one function of a file with the comments that belong to it:
// every comment from its `function` line up to the next function.
type FileFunc struct {
	Func      *Function
	Comments  []Comment
	Line      int           // line of the `function` keyword
	InstLines []int         // by Inst: line the instruction was written on
	BlockLine map[Block]int // line of each block header
}

// InstAtLine returns the instruction written on line, or NoInst.
func (ff *FileFunc) InstAtLine(line int) Inst {
	for i, l := range ff.InstLines {
		if l == line {
			return Inst(i)
		}
	}
	return NoInst
}

// ParseOptions adjust parsing.
type ParseOptions struct {
	// DefaultCallConv is used for signatures that name no convention.
	// Unset means: system_v if the file has a `test run` line (the host
	// convention upstream uses on Linux x86_64), fast otherwise.
	DefaultCallConv CallConv
}

// ParseFile parses a CLIF test file. name is used in error positions.
func ParseFile(name string, src []byte) (*File, error) {
	return ParseFileOptions(name, src, ParseOptions{})
}

// ParseFileOptions is ParseFile with options.
func ParseFileOptions(name string, src []byte, opts ParseOptions) (file *File, err error) {
	toks, comments := lex(src)
	p := &parser{file: name, src: src, toks: toks, opts: opts}
	f := &File{Name: name}
	if err := p.parseHeader(f); err != nil {
		return nil, err
	}
	for p.tok().kind != tEOF {
		ff, err := p.parseFunction()
		if err != nil {
			return nil, err
		}
		f.Functions = append(f.Functions, ff)
	}
	// Hand out comments: before the first function → preamble; otherwise
	// to the last function starting at or before the comment's line.
	fi := -1
	for _, c := range comments {
		for fi+1 < len(f.Functions) && f.Functions[fi+1].Line <= c.Line {
			fi++
		}
		if fi < 0 {
			f.Preamble = append(f.Preamble, c)
		} else {
			f.Functions[fi].Comments = append(f.Functions[fi].Comments, c)
		}
	}
	return f, nil
}

// ParseFunctions parses text holding only functions (no header lines).
func ParseFunctions(name string, src []byte) ([]*Function, error) {
	f, err := ParseFile(name, src)
	if err != nil {
		return nil, err
	}
	out := make([]*Function, len(f.Functions))
	for i, ff := range f.Functions {
		out[i] = ff.Func
	}
	return out, nil
}

// maxEntityNumber bounds entity numbers in text so a number cannot make
// the parser allocate more than a few megabytes.
const maxEntityNumber = 1 << 20

type parser struct {
	file string
	src  []byte
	toks []token
	pos  int
	opts ParseOptions
	cc   CallConv // default convention for this file

	lineStarts []int // byte offset of each line, built on first use

	// per function
	f         *Function
	ff        *FileFunc
	defined   []bool // by Value: defined in the text so far
	declSig   []bool
	declFn    []bool
	declGV    []bool
	declSS    []bool
	declConst []bool
	declReg   []bool
}

func (p *parser) tok() token  { return p.toks[p.pos] }
func (p *parser) peek() token { return p.toks[min(p.pos+1, len(p.toks)-1)] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if p.pos < len(p.toks)-1 {
		p.pos++
	}
	return t
}

func (p *parser) errAt(t token, format string, args ...any) error {
	return &ParseError{File: p.file, Line: t.line, Col: t.col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) expected(what string) error {
	return p.errAt(p.tok(), "expected %s, found %s", what, p.tok().describe())
}

func (p *parser) isPunct(s string) bool { t := p.tok(); return t.kind == tPunct && t.text == s }
func (p *parser) isWord(s string) bool  { t := p.tok(); return t.kind == tWord && t.text == s }

func (p *parser) expect(s string) error {
	if !p.isPunct(s) {
		return p.expected("'" + s + "'")
	}
	p.next()
	return nil
}

func (p *parser) optional(s string) bool {
	if p.isPunct(s) {
		p.next()
		return true
	}
	return false
}

// --- header ---

// lineText returns the source text of line n (1-based) without its comment.
func (p *parser) lineText(n int) string {
	if p.lineStarts == nil {
		p.lineStarts = []int{0}
		for i, c := range p.src {
			if c == '\n' {
				p.lineStarts = append(p.lineStarts, i+1)
			}
		}
	}
	if n < 1 || n > len(p.lineStarts) {
		return ""
	}
	start := p.lineStarts[n-1]
	end := len(p.src)
	if n < len(p.lineStarts) {
		end = p.lineStarts[n] - 1
	}
	s := string(p.src[start:end])
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	return s
}

func (p *parser) skipLine(line int) {
	for p.tok().kind != tEOF && p.tok().line == line {
		p.next()
	}
}

func parseSettingWord(w string, line int) Setting {
	if name, val, ok := strings.Cut(w, "="); ok {
		return Setting{Name: name, Value: val, Line: line}
	}
	return Setting{Name: w, Bare: true, Line: line}
}

// settingWords splits a header line into words, gluing the spaced forms
// `x = y`, `x= y` and `x =y` into `x=y`.
func settingWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		n := len(out)
		if n > 0 && (strings.HasPrefix(w, "=") || strings.HasSuffix(out[n-1], "=")) {
			out[n-1] += w
			continue
		}
		out = append(out, w)
	}
	return out
}

func (p *parser) parseHeader(f *File) error {
	var shared []Setting
	lastSet := token{}
	sawTarget := false
	hasRun := false
	for {
		t := p.tok()
		if t.kind != tWord || t.text == "function" {
			break
		}
		words := settingWords(p.lineText(t.line))
		if len(words) == 0 || words[0] != t.text {
			return p.expected("'test', 'set', 'target', 'feature' or 'function'")
		}
		switch t.text {
		case "test":
			if len(words) < 2 {
				return p.errAt(t, "expected test command name, found end of line")
			}
			f.Tests = append(f.Tests, TestCommand{Command: words[1], Options: words[2:], Line: t.line})
			if words[1] == "run" {
				hasRun = true
			}
		case "set":
			if len(words) < 2 {
				return p.errAt(t, "expected setting, found end of line")
			}
			for _, w := range words[1:] {
				s := parseSettingWord(w, t.line)
				shared = append(shared, s)
				f.Settings = append(f.Settings, s)
			}
			lastSet = t
		case "target":
			if len(words) < 2 {
				return p.errAt(t, "expected architecture name, found end of line")
			}
			tg := Target{Arch: words[1], Settings: append([]Setting(nil), shared...), Line: t.line}
			for _, w := range words[2:] {
				tg.Flags = append(tg.Flags, parseSettingWord(w, t.line))
			}
			f.Targets = append(f.Targets, tg)
			sawTarget = true
			lastSet = token{}
		case "feature":
			for _, w := range words[1:] {
				en := !strings.HasPrefix(w, "!")
				name := strings.Trim(strings.TrimPrefix(w, "!"), "\"")
				f.Features = append(f.Features, Feature{Name: name, Enabled: en, Line: t.line})
			}
		default:
			return p.expected("'test', 'set', 'target', 'feature' or 'function'")
		}
		p.skipLine(t.line)
	}
	if sawTarget && lastSet.line != 0 {
		return p.errAt(lastSet, "dangling 'set' command after ISA specification has no effect")
	}
	p.cc = p.opts.DefaultCallConv
	if p.cc == CallConvUnset {
		p.cc = CallConvFast
		if hasRun {
			p.cc = CallConvSystemV
		}
	}
	return nil
}

// --- entities and literals ---

// entityNumber parses word as prefix followed by a canonical decimal number.
func entityNumber(word, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(word, prefix)
	if !ok || rest == "" || len(rest) > 7 || (len(rest) > 1 && rest[0] == '0') {
		return 0, false
	}
	n := 0
	for i := 0; i < len(rest); i++ {
		if !isDigit(rest[i]) {
			return 0, false
		}
		n = n*10 + int(rest[i]-'0')
	}
	return n, n < maxEntityNumber
}

// tooLargeEntity reports a word shaped like an entity (letters then a
// canonical number) whose number exceeds maxEntityNumber.
func tooLargeEntity(word string) bool {
	i := 0
	for i < len(word) && isLetter(word[i]) {
		i++
	}
	digits := word[i:]
	if i == 0 || digits == "" || (len(digits) > 1 && digits[0] == '0') {
		return false
	}
	for j := 0; j < len(digits); j++ {
		if !isDigit(digits[j]) {
			return false
		}
	}
	_, ok := entityNumber(word, word[:i])
	return !ok
}

func (p *parser) entity(prefix, what string) (int, error) {
	t := p.tok()
	if t.kind == tWord {
		if n, ok := entityNumber(t.text, prefix); ok {
			p.next()
			return n, nil
		}
		if strings.HasPrefix(t.text, prefix) && tooLargeEntity(t.text) {
			return 0, p.errAt(t, "entity number too large in '%s' (limit %d)", t.text, maxEntityNumber-1)
		}
	}
	return 0, p.expected(what)
}

func (p *parser) value() (Value, error) {
	n, err := p.entity("v", "value")
	if err != nil {
		return NoValue, err
	}
	v := Value(n)
	p.f.DFG.ensureValue(v)
	return v, nil
}

func (p *parser) isValue() bool {
	t := p.tok()
	_, ok := entityNumber(t.text, "v")
	return t.kind == tWord && ok
}

func (p *parser) block() (Block, error) {
	n, err := p.entity("block", "block")
	if err != nil {
		return NoBlock, err
	}
	b := Block(n)
	p.f.DFG.ensureBlock(b)
	return b, nil
}

// parseInt parses a CLIF integer literal: decimal or 0x hex, optional sign,
// '_' separators in hex. It returns the magnitude and the sign separately.
func parseIntLiteral(s string) (mag *big.Int, ok bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := 10
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		base = 16
		s = strings.ReplaceAll(s[2:], "_", "")
	} else if strings.Contains(s, "_") {
		s = strings.ReplaceAll(s, "_", "")
	}
	if s == "" || len(s) > 64 {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || base == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
			return nil, false
		}
	}
	x, ok := new(big.Int).SetString(s, base)
	if !ok {
		return nil, false
	}
	if neg {
		x.Neg(x)
	}
	return x, true
}

// intBits parses an integer literal for a bits-wide integer: any value in
// [-2^(bits-1), 2^bits) is accepted and returned as its two's-complement
// bits (lo, hi).
func intBits(s string, bits int) (lo, hi uint64, ok bool) {
	x, ok := parseIntLiteral(s)
	if !ok {
		return 0, 0, false
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(bits))
	minv := new(big.Int).Neg(new(big.Int).Rsh(limit, 1))
	if x.Cmp(limit) >= 0 || x.Cmp(minv) < 0 {
		return 0, 0, false
	}
	if x.Sign() < 0 {
		x.Add(x, limit)
	}
	lo = new(big.Int).And(x, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi = new(big.Int).Rsh(x, 64).Uint64()
	return lo, hi, true
}

// int64Lit parses a signed 64-bit literal (unsigned hex up to 2^64 allowed).
func (p *parser) imm64(what string) (int64, error) {
	t := p.tok()
	if t.kind == tNum {
		if lo, _, ok := intBits(t.text, 64); ok {
			p.next()
			return int64(lo), nil
		}
	}
	return 0, p.expected(what)
}

func (p *parser) uimm(what string, max uint64) (uint64, error) {
	t := p.tok()
	if t.kind == tNum && t.text[0] != '-' && t.text[0] != '+' {
		if lo, hi, ok := intBits(t.text, 64); ok && hi == 0 && lo <= max {
			p.next()
			return lo, nil
		}
	}
	return 0, p.expected(what)
}

// offset32 parses an optional signed offset (+8, -4) following an operand.
func (p *parser) offset32() (int32, error) {
	t := p.tok()
	if t.kind != tNum || (t.text[0] != '+' && t.text[0] != '-') {
		return 0, nil
	}
	x, ok := parseIntLiteral(t.text)
	if !ok || !x.IsInt64() || x.Int64() < math.MinInt32 || x.Int64() > math.MaxInt32 {
		return 0, p.expected("32-bit signed offset")
	}
	p.next()
	return int32(x.Int64()), nil
}

func (p *parser) typ() (Type, error) {
	t := p.tok()
	if t.kind == tWord {
		if ty, ok := ParseType(t.text); ok {
			p.next()
			return ty, nil
		}
		if n, ok := entityNumber(t.text, "dt"); ok && p.f != nil {
			if n >= len(p.f.DynamicTypes) || p.f.DynamicTypes[n].Base == Invalid {
				return Invalid, p.errAt(t, "undeclared dynamic type dt%d", n)
			}
			p.next()
			return p.f.DynamicTypes[n].Base.Dynamic(), nil
		}
	}
	return Invalid, p.expected("type")
}

// float parses a float literal of the given width.
func (p *parser) float(bits int) (lo, hi uint64, err error) {
	t := p.tok()
	if t.kind == tNum || t.kind == tWord && (t.text == "Inf" || t.text == "NaN") {
		lo, hi, ferr := ParseIeee(t.text, bits)
		if ferr != nil {
			return 0, 0, p.errAt(t, "invalid f%d literal %s: %v", bits, t.describe(), ferr)
		}
		p.next()
		return lo, hi, nil
	}
	return 0, 0, p.expected(fmt.Sprintf("f%d literal", bits))
}

// v128 parses a vector or 128-bit constant of type ty: a bracketed list of
// lanes separated by spaces, or one hex literal whose low bytes are lane 0.
// It returns little-endian bytes of ty.Bytes() length.
func (p *parser) constantBytes(ty Type) ([]byte, error) {
	n := ty.Bytes()
	if p.optional("[") {
		d := DataValue{Ty: ty}
		lt := ty.LaneType()
		for i := 0; i < ty.LaneCount(); i++ {
			var lane DataValue
			if lt.IsFloat() {
				lo, hi, err := p.float(lt.Bits())
				if err != nil {
					return nil, err
				}
				lane = DataValue{Ty: lt, Lo: lo, Hi: hi}
			} else {
				t := p.tok()
				lo, hi, ok := intBits(t.text, lt.Bits())
				if t.kind != tNum || !ok {
					return nil, p.expected(lt.String() + " lane value")
				}
				p.next()
				lane = DataValue{Ty: lt, Lo: lo, Hi: hi}
			}
			d = d.WithLane(i, lane)
		}
		if err := p.expect("]"); err != nil {
			return nil, err
		}
		return d.Bytes(), nil
	}
	t := p.tok()
	if t.kind == tNum && strings.HasPrefix(t.text, "0x") {
		b, ok := hexBytes(t.text[2:])
		if ok && len(b) <= n {
			p.next()
			return append(b, make([]byte, n-len(b))...), nil
		}
		return nil, p.errAt(t, "expected %d-byte hexadecimal constant, found %s", n, t.describe())
	}
	return nil, p.expected("'[' or hexadecimal constant")
}

// hexBytes converts big-endian hex digits (with '_') to little-endian bytes.
func hexBytes(s string) ([]byte, bool) {
	s = strings.ReplaceAll(s, "_", "")
	if s == "" || len(s) > 256 {
		return nil, false
	}
	if len(s)%2 == 1 {
		s = "0" + s
	}
	out := make([]byte, len(s)/2)
	for i := range out {
		v, err := strconv.ParseUint(s[len(s)-2*i-2:len(s)-2*i], 16, 8)
		if err != nil {
			return nil, false
		}
		out[i] = byte(v)
	}
	return out, true
}

// --- signatures ---

func (p *parser) abiParam() (AbiParam, error) {
	ty, err := p.typ()
	if err != nil {
		return AbiParam{}, err
	}
	ap := AbiParam{Type: ty}
	for p.tok().kind == tWord {
		switch p.tok().text {
		case "uext":
			ap.Ext = ExtUext
		case "sext":
			ap.Ext = ExtSext
		case "vmctx":
			ap.Purpose = PurposeVMContext
		case "sret":
			ap.Purpose = PurposeStructReturn
		case "sarg":
			p.next()
			if err := p.expect("("); err != nil {
				return ap, err
			}
			n, err := p.uimm("struct argument size", math.MaxUint32)
			if err != nil {
				return ap, err
			}
			ap.Purpose, ap.Size = PurposeStructArgument, uint32(n)
			if err := p.expect(")"); err != nil {
				return ap, err
			}
			continue
		default:
			return ap, nil
		}
		p.next()
	}
	return ap, nil
}

func (p *parser) signature() (Signature, error) {
	sig := Signature{CallConv: p.cc}
	if err := p.expect("("); err != nil {
		return sig, err
	}
	if !p.isPunct(")") {
		for {
			ap, err := p.abiParam()
			if err != nil {
				return sig, err
			}
			sig.Params = append(sig.Params, ap)
			if !p.optional(",") {
				break
			}
		}
	}
	if err := p.expect(")"); err != nil {
		return sig, err
	}
	if p.optional("->") {
		for {
			ap, err := p.abiParam()
			if err != nil {
				return sig, err
			}
			sig.Returns = append(sig.Returns, ap)
			if !p.optional(",") {
				break
			}
		}
	}
	if p.tok().kind == tWord {
		if cc, ok := ParseCallConv(p.tok().text); ok {
			p.next()
			sig.CallConv = cc
		}
	}
	return sig, nil
}

func (p *parser) name() (Name, error) {
	t := p.tok()
	if t.kind == tName {
		p.next()
		return TestCaseName(t.text), nil
	}
	if t.kind == tWord {
		if ns, ok := entityNumber(t.text, "u"); ok && p.peek().kind == tPunct && p.peek().text == ":" {
			p.next()
			p.next()
			idx, err := p.uimm("user name index", math.MaxUint32)
			if err != nil {
				return Name{}, err
			}
			return UserName(uint32(ns), uint32(idx)), nil
		}
	}
	return Name{}, p.expected("function name")
}

// --- functions ---

func grow[T any](s []T, n int, zero T) []T {
	for len(s) <= n {
		s = append(s, zero)
	}
	return s
}

func (p *parser) parseFunction() (*FileFunc, error) {
	start := p.tok()
	if !p.isWord("function") {
		return nil, p.expected("'function'")
	}
	p.next()
	nm, err := p.name()
	if err != nil {
		return nil, err
	}
	sig, err := p.signature()
	if err != nil {
		return nil, err
	}
	p.f = NewFunction(nm, sig)
	p.f.Signature.CallConv = sig.CallConv
	p.ff = &FileFunc{Func: p.f, Line: start.line, BlockLine: map[Block]int{}}
	p.defined = p.defined[:0]
	p.declSig, p.declFn, p.declGV, p.declSS, p.declConst, p.declReg = nil, nil, nil, nil, nil, nil
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	if err := p.preamble(); err != nil {
		return nil, err
	}
	if err := p.body(); err != nil {
		return nil, err
	}
	if err := p.expect("}"); err != nil {
		return nil, err
	}
	return p.ff, nil
}

func (p *parser) isBlockHeader() bool {
	t := p.tok()
	_, ok := entityNumber(t.text, "block")
	return t.kind == tWord && ok
}

func (p *parser) preamble() error {
	for !p.isPunct("}") && !p.isBlockHeader() {
		t := p.tok()
		if t.kind != tWord {
			return p.expected("declaration or block")
		}
		if t.text == "stack_limit" {
			p.next()
			if err := p.expect("="); err != nil {
				return err
			}
			n, err := p.entity("gv", "global value")
			if err != nil {
				return err
			}
			p.f.StackLimit = GlobalValue(n)
			continue
		}
		var decl func(int) error
		var prefix string
		for _, d := range []struct {
			prefix string
			fn     func(int) error
		}{
			{"ss", p.declStackSlot}, {"dss", p.declDynamicStackSlot}, {"gv", p.declGlobalValue}, {"sig", p.declSignature},
			{"fn", p.declFunction}, {"const", p.declConstant}, {"region", p.declRegion},
			{"dt", p.declDynamicType},
		} {
			if _, ok := entityNumber(t.text, d.prefix); ok {
				decl, prefix = d.fn, d.prefix
				break
			}
		}
		if decl == nil {
			return p.expected("declaration or block")
		}
		n, _ := entityNumber(t.text, prefix)
		p.next()
		if err := p.expect("="); err != nil {
			return err
		}
		if err := decl(n); err != nil {
			return err
		}
	}
	return nil
}

func markDecl(p *parser, decl *[]bool, n int, t token, what string) error {
	*decl = grow(*decl, n, false)
	if (*decl)[n] {
		return p.errAt(t, "duplicate %s declaration", what)
	}
	(*decl)[n] = true
	return nil
}

func (p *parser) declStackSlot(n int) error {
	t := p.tok()
	if err := markDecl(p, &p.declSS, n, t, "stack slot"); err != nil {
		return err
	}
	if !p.isWord("explicit_slot") {
		return p.expected("stack slot kind 'explicit_slot'")
	}
	p.next()
	size, err := p.uimm("stack slot size", math.MaxUint32)
	if err != nil {
		return err
	}
	d := StackSlotData{Kind: SlotExplicit, Size: uint32(size)}
	for p.optional(",") {
		switch {
		case p.isWord("align"):
			p.next()
			if err := p.expect("="); err != nil {
				return err
			}
			at := p.tok()
			a, err := p.uimm("alignment", 1<<31)
			if err != nil {
				return err
			}
			if a == 0 || a&(a-1) != 0 {
				return p.errAt(at, "alignment must be a power of two")
			}
			for a > 1 {
				d.AlignLog2++
				a >>= 1
			}
		case p.isWord("key"):
			p.next()
			if err := p.expect("="); err != nil {
				return err
			}
			k, err := p.uimm("key", math.MaxUint64)
			if err != nil {
				return err
			}
			d.Key, d.HasKey = k, true
		default:
			return p.expected("'align' or 'key'")
		}
	}
	p.f.StackSlots = grow(p.f.StackSlots, n, StackSlotData{})
	p.f.StackSlots[n] = d
	return nil
}

func (p *parser) memFlags() MemFlags {
	var fl MemFlags
	for p.tok().kind == tWord {
		w := p.tok().text
		if r, ok := entityNumber(w, "region"); ok {
			fl = fl.WithRegion(AliasRegion(r))
		} else if !fl.setFlagWord(w) {
			break
		}
		p.next()
	}
	return fl
}

func (p *parser) declGlobalValue(n int) error {
	t := p.tok()
	if err := markDecl(p, &p.declGV, n, t, "global value"); err != nil {
		return err
	}
	var d GlobalValueData
	if t.kind != tWord {
		return p.expected("global value kind")
	}
	p.next()
	suffix := func() (Type, error) {
		if err := p.expect("."); err != nil {
			return Invalid, err
		}
		return p.typ()
	}
	switch t.text {
	case "vmctx":
		d.Kind = GVVMContext
	case "load":
		d.Kind = GVLoad
		ty, err := suffix()
		if err != nil {
			return err
		}
		d.Type = ty
		d.Flags = p.memFlags()
		b, err := p.entity("gv", "global value base")
		if err != nil {
			return err
		}
		off, err := p.offset32()
		if err != nil {
			return err
		}
		d.Base, d.Offset = GlobalValue(b), int64(off)
	case "iadd_imm":
		d.Kind = GVIAddImm
		ty, err := suffix()
		if err != nil {
			return err
		}
		d.Type = ty
		b, err := p.entity("gv", "global value base")
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		imm, err := p.imm64("immediate")
		if err != nil {
			return err
		}
		d.Base, d.Offset = GlobalValue(b), imm
	case "symbol":
		d.Kind = GVSymbol
		for {
			if p.isWord("colocated") {
				d.Colocated = true
			} else if p.isWord("tls") {
				d.TLS = true
			} else {
				break
			}
			p.next()
		}
		nm, err := p.name()
		if err != nil {
			return err
		}
		d.Name = nm
		if tk := p.tok(); tk.kind == tNum && (tk.text[0] == '+' || tk.text[0] == '-') {
			off, err := p.imm64("symbol offset")
			if err != nil {
				return err
			}
			d.Offset = off
		}
	case "dyn_scale_target_const":
		d.Kind = GVDynScaleTargetConst
		ty, err := suffix()
		if err != nil {
			return err
		}
		d.Type = ty
	default:
		return p.errAt(t, "expected global value kind, found %s", t.describe())
	}
	p.f.GlobalValues = grow(p.f.GlobalValues, n, GlobalValueData{})
	p.f.GlobalValues[n] = d
	return nil
}

func (p *parser) declSignature(n int) error {
	if err := markDecl(p, &p.declSig, n, p.tok(), "signature"); err != nil {
		return err
	}
	sig, err := p.signature()
	if err != nil {
		return err
	}
	p.f.Signatures = grow(p.f.Signatures, n, Signature{})
	p.f.Signatures[n] = sig
	return nil
}

func (p *parser) declFunction(n int) error {
	if err := markDecl(p, &p.declFn, n, p.tok(), "function"); err != nil {
		return err
	}
	var d ExtFuncData
	for {
		if p.isWord("colocated") {
			d.Colocated = true
		} else if p.isWord("patchable") {
			d.Patchable = true
		} else {
			break
		}
		p.next()
	}
	nm, err := p.name()
	if err != nil {
		return err
	}
	d.Name = nm
	if p.isPunct("(") {
		sig, err := p.signature()
		if err != nil {
			return err
		}
		// An inline signature declares the next free sigN.
		d.Sig = SigRef(len(p.f.Signatures))
		p.f.Signatures = append(p.f.Signatures, sig)
		p.declSig = grow(p.declSig, int(d.Sig), false)
		p.declSig[d.Sig] = true
	} else {
		st := p.tok()
		s, err := p.entity("sig", "signature reference")
		if err != nil {
			return err
		}
		if s >= len(p.declSig) || !p.declSig[s] {
			return p.errAt(st, "undeclared signature sig%d", s)
		}
		d.Sig = SigRef(s)
	}
	p.f.ExtFuncs = grow(p.f.ExtFuncs, n, ExtFuncData{})
	p.f.ExtFuncs[n] = d
	return nil
}

func (p *parser) declConstant(n int) error {
	if err := markDecl(p, &p.declConst, n, p.tok(), "constant"); err != nil {
		return err
	}
	t := p.tok()
	if t.kind != tNum || !strings.HasPrefix(t.text, "0x") {
		return p.expected("hexadecimal constant")
	}
	b, ok := hexBytes(t.text[2:])
	if !ok {
		return p.errAt(t, "invalid hexadecimal constant %s", t.describe())
	}
	p.next()
	p.f.Constants = grow(p.f.Constants, n, nil)
	p.f.Constants[n] = b
	return nil
}

func (p *parser) declDynamicStackSlot(n int) error {
	t := p.tok()
	if n < len(p.f.DynamicStackSlots) && p.f.DynamicStackSlots[n].Type != Invalid {
		return p.errAt(t, "duplicate dynamic stack slot declaration")
	}
	if !p.isWord("explicit_dynamic_slot") {
		return p.expected("'explicit_dynamic_slot'")
	}
	p.next()
	tt := p.tok()
	ty, err := p.typ()
	if err != nil {
		return err
	}
	if !ty.IsDynamic() {
		return p.errAt(tt, "dynamic stack slot needs a dynamic type, found %s", ty)
	}
	p.f.DynamicStackSlots = grow(p.f.DynamicStackSlots, n, DynamicStackSlotData{})
	p.f.DynamicStackSlots[n] = DynamicStackSlotData{Type: ty}
	return nil
}

func (p *parser) declDynamicType(n int) error {
	t := p.tok()
	if n < len(p.f.DynamicTypes) && p.f.DynamicTypes[n].Base != Invalid {
		return p.errAt(t, "duplicate dynamic type declaration")
	}
	base, err := p.typ()
	if err != nil {
		return err
	}
	if !base.IsVector() || base.IsDynamic() {
		return p.errAt(t, "dynamic type base must be a fixed vector type, found %s", base)
	}
	if err := p.expect("*"); err != nil {
		return err
	}
	gv, err := p.entity("gv", "global value")
	if err != nil {
		return err
	}
	p.f.DynamicTypes = grow(p.f.DynamicTypes, n, DynamicTypeData{})
	p.f.DynamicTypes[n] = DynamicTypeData{Base: base, Scale: GlobalValue(gv)}
	return nil
}

func (p *parser) declRegion(n int) error {
	if err := markDecl(p, &p.declReg, n, p.tok(), "alias region"); err != nil {
		return err
	}
	id, err := p.uimm("alias region user id", math.MaxUint32)
	if err != nil {
		return err
	}
	if p.tok().kind != tString {
		return p.expected("alias region description string")
	}
	desc := p.next().text
	p.f.AliasRegions = grow(p.f.AliasRegions, n, AliasRegionData{})
	p.f.AliasRegions[n] = AliasRegionData{Declared: true, UserID: uint32(id), Description: desc}
	return nil
}

// --- body ---

func (p *parser) markDefined(v Value, t token) error {
	p.defined = grow(p.defined, int(v), false)
	if p.defined[v] {
		return p.errAt(t, "value %s is already defined", v)
	}
	p.defined[v] = true
	return nil
}

func (p *parser) body() error {
	for !p.isPunct("}") {
		if p.tok().kind == tEOF {
			return p.expected("'}'")
		}
		if !p.isBlockHeader() {
			return p.expected("block header")
		}
		if err := p.blockHeader(); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) blockHeader() error {
	t := p.tok()
	b, err := p.block()
	if err != nil {
		return err
	}
	if p.f.Layout.IsBlockInserted(b) {
		return p.errAt(t, "duplicate block %s", b)
	}
	p.f.Layout.AppendBlock(b)
	p.ff.BlockLine[b] = t.line
	if p.optional("(") {
		if !p.isPunct(")") {
			for {
				vt := p.tok()
				v, err := p.value()
				if err != nil {
					return err
				}
				if err := p.expect(":"); err != nil {
					return err
				}
				ty, err := p.typ()
				if err != nil {
					return err
				}
				if err := p.markDefined(v, vt); err != nil {
					return err
				}
				p.f.DFG.AttachBlockParam(b, v, ty)
				if !p.optional(",") {
					break
				}
			}
		}
		if err := p.expect(")"); err != nil {
			return err
		}
	}
	if p.isWord("cold") {
		p.next()
		p.f.Layout.SetCold(b, true)
	}
	if err := p.expect(":"); err != nil {
		return err
	}
	for !p.isPunct("}") && !p.isBlockHeader() && p.tok().kind != tEOF {
		if err := p.instruction(b); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) instruction(b Block) error {
	first := p.tok()
	var tags []DebugTag
	if p.optional("<") {
		for !p.isPunct(">") {
			t := p.tok()
			if n, ok := entityNumber(t.text, "ss"); ok && t.kind == tWord {
				p.next()
				tags = append(tags, DebugTag{IsSlot: true, Value: uint32(n)})
			} else {
				n, err := p.uimm("debug tag", math.MaxUint32)
				if err != nil {
					return err
				}
				tags = append(tags, DebugTag{Value: uint32(n)})
			}
			if !p.optional(",") {
				break
			}
		}
		if err := p.expect(">"); err != nil {
			return err
		}
	}
	loc := NoSourceLoc
	if p.tok().kind == tSrcLoc {
		t := p.next()
		n, err := strconv.ParseUint(t.text, 16, 32)
		if err != nil || n == uint64(NoSourceLoc) {
			return p.errAt(t, "invalid source location %s", t.describe())
		}
		loc = SourceLoc(n)
	}
	// Alias `vA -> vB`, or the result list.
	var results []Value
	var resultToks []token
	if p.isValue() {
		if nx := p.peek(); nx.kind == tPunct && nx.text == "->" {
			t := p.tok()
			dst, _ := p.value()
			p.next()
			src, err := p.value()
			if err != nil {
				return err
			}
			if int(dst) < len(p.defined) && p.defined[dst] && p.f.DFG.values[dst].kind != DefAlias {
				return p.errAt(t, "value %s is already defined", dst)
			}
			if p.f.DFG.ResolveAliases(src) == dst {
				return p.errAt(t, "alias %s -> %s makes a cycle", dst, src)
			}
			p.defined = grow(p.defined, int(dst), false)
			p.defined[dst] = true
			p.f.DFG.MakeAlias(dst, src)
			return nil
		}
		for {
			resultToks = append(resultToks, p.tok())
			v, err := p.value()
			if err != nil {
				return err
			}
			results = append(results, v)
			if !p.optional(",") {
				break
			}
		}
		if err := p.expect("="); err != nil {
			return err
		}
	}
	opTok := p.tok()
	if opTok.kind != tWord {
		return p.expected("instruction opcode")
	}
	if tooLargeEntity(opTok.text) {
		return p.errAt(opTok, "entity number too large in '%s' (limit %d)", opTok.text, maxEntityNumber-1)
	}
	op, ok := LookupOpcode(opTok.text)
	if !ok {
		return p.errAt(opTok, "unknown opcode '%s'", opTok.text)
	}
	p.next()
	info := op.Info()
	var suffix Type
	if p.optional(".") {
		st := p.tok()
		ty, err := p.typ()
		if err != nil {
			return err
		}
		if info.Ctrl == CtrlNone {
			return p.errAt(st, "opcode %s is not polymorphic and takes no type suffix", op)
		}
		suffix = ty
	}
	// For opcodes whose controlling type is the result type, the suffix is
	// needed before the operands (iconst and vconst immediates use it).
	if info.Ctrl == CtrlSuffix && suffix == Invalid {
		return p.errAt(opTok, "type suffix required for %s, e.g. '%s.i32'", op, op)
	}
	data := InstData{Opcode: op, Type: suffix}
	if err := p.operands(&data, suffix); err != nil {
		return err
	}
	inst := p.f.DFG.MakeInst(data)
	p.f.Layout.AppendInst(inst, b)
	p.ff.InstLines = grow(p.ff.InstLines, int(inst), 0)
	p.ff.InstLines[inst] = first.line
	if loc != NoSourceLoc {
		p.f.DFG.SetSrcLoc(inst, loc)
	}
	if tags != nil {
		p.f.DFG.SetDebugTags(inst, tags)
	}
	if (op == OpCall || op == OpCallIndirect) && p.isPunct(",") {
		if err := p.stackMap(inst); err != nil {
			return err
		}
	}
	// Controlling type.
	ctrl := suffix
	if info.Ctrl == CtrlOperand && ctrl == Invalid {
		args := p.f.DFG.Args(inst)
		if int(info.CtrlArg) < len(args) {
			a := args[info.CtrlArg]
			ctrl = p.f.DFG.ValueType(p.f.DFG.ResolveAliases(a))
			if ctrl == Invalid {
				return p.errAt(opTok, "type suffix required for %s: can't infer it from %s, which is not defined yet", op, a)
			}
		}
	}
	p.f.DFG.Insts[inst].Type = ctrl
	types, err := p.f.ResultTypes(&p.f.DFG.Insts[inst], ctrl)
	if err != nil {
		return p.errAt(opTok, "%v", err)
	}
	if len(types) != len(results) {
		return p.errAt(opTok, "expected %d result values for %s, found %d", len(types), op, len(results))
	}
	for i, v := range results {
		if err := p.markDefined(v, resultToks[i]); err != nil {
			return err
		}
		p.f.DFG.AttachResult(inst, v, types[i])
	}
	return nil
}

func (p *parser) stackMap(inst Inst) error {
	p.next() // ','
	if !p.isWord("stack_map") {
		return p.expected("'stack_map'")
	}
	p.next()
	if err := p.expect("="); err != nil {
		return err
	}
	if err := p.expect("["); err != nil {
		return err
	}
	var entries []StackMapEntry
	for !p.isPunct("]") {
		ty, err := p.typ()
		if err != nil {
			return err
		}
		if t := p.tok(); t.kind != tSrcLoc || t.text != "" {
			return p.expected("'@'")
		}
		p.next()
		ss, err := p.entity("ss", "stack slot")
		if err != nil {
			return err
		}
		off, err := p.offset32()
		if err != nil {
			return err
		}
		if off < 0 {
			return p.expected("non-negative stack map offset")
		}
		entries = append(entries, StackMapEntry{Type: ty, Slot: StackSlot(ss), Offset: uint32(off)})
		if !p.optional(",") {
			break
		}
	}
	if err := p.expect("]"); err != nil {
		return err
	}
	p.f.DFG.SetStackMap(inst, entries)
	return nil
}

func (p *parser) values(n int, data *InstData) error {
	vs := make([]Value, 0, n)
	for i := 0; i < n; i++ {
		if i > 0 {
			if err := p.expect(","); err != nil {
				return err
			}
		}
		v, err := p.value()
		if err != nil {
			return err
		}
		vs = append(vs, v)
	}
	data.Args = p.f.DFG.NewList(vs...)
	return nil
}

// callArgs parses '(' [v {, v}] ')' and returns the values.
func (p *parser) callArgs() ([]Value, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var vs []Value
	if !p.isPunct(")") {
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			vs = append(vs, v)
			if !p.optional(",") {
				break
			}
		}
	}
	return vs, p.expect(")")
}

func (p *parser) blockCall() (BlockCall, error) {
	b, err := p.block()
	if err != nil {
		return BlockCall{}, err
	}
	bc := BlockCall{Block: b, Args: ValueList{Start: int32(len(p.f.DFG.pool))}}
	if !p.optional("(") {
		return bc, nil
	}
	var args []Value
	if !p.isPunct(")") {
		for {
			t := p.tok()
			var a BlockArg
			if n, ok := entityNumber(t.text, "ret"); ok && t.kind == tWord {
				a = RetArg(n)
				p.next()
			} else if n, ok := entityNumber(t.text, "exn"); ok && t.kind == tWord {
				a = ExnArg(n)
				p.next()
			} else {
				v, err := p.value()
				if err != nil {
					return bc, p.expected("block argument")
				}
				a = ValueArg(v)
			}
			args = append(args, Value(a))
			if !p.optional(",") {
				break
			}
		}
	}
	bc.Args = p.f.DFG.NewList(args...)
	return bc, p.expect(")")
}

func (p *parser) sigRef() (SigRef, error) {
	t := p.tok()
	n, err := p.entity("sig", "signature reference")
	if err != nil {
		return NoSigRef, err
	}
	if n >= len(p.declSig) || !p.declSig[n] {
		return NoSigRef, p.errAt(t, "undeclared signature sig%d", n)
	}
	return SigRef(n), nil
}

func (p *parser) funcRef() (FuncRef, error) {
	t := p.tok()
	n, err := p.entity("fn", "function reference")
	if err != nil {
		return NoFuncRef, err
	}
	if n >= len(p.declFn) || !p.declFn[n] {
		return NoFuncRef, p.errAt(t, "undeclared function fn%d", n)
	}
	return FuncRef(n), nil
}

func (p *parser) trapCode() (TrapCode, error) {
	t := p.tok()
	if t.kind == tWord {
		if c, ok := ParseTrapCode(t.text); ok {
			p.next()
			return c, nil
		}
	}
	return 0, p.expected("trap code")
}

func (p *parser) exceptionTable(sig SigRef, normal BlockCall) (int32, error) {
	et := ExceptionTableData{Sig: sig, Normal: normal}
	if err := p.expect("["); err != nil {
		return 0, err
	}
	for !p.isPunct("]") {
		t := p.tok()
		switch {
		case p.isWord("default"):
			p.next()
			if err := p.expect(":"); err != nil {
				return 0, err
			}
			bc, err := p.blockCall()
			if err != nil {
				return 0, err
			}
			et.Handlers = append(et.Handlers, ExceptionItem{Tag: TagDefault, Dest: bc, Context: NoValue})
		case p.isWord("context"):
			p.next()
			v, err := p.value()
			if err != nil {
				return 0, err
			}
			et.Handlers = append(et.Handlers, ExceptionItem{Tag: TagContext, Context: v})
		default:
			n, ok := entityNumber(t.text, "tag")
			if t.kind != tWord || !ok {
				return 0, p.expected("'tagN:', 'default:' or 'context'")
			}
			p.next()
			if err := p.expect(":"); err != nil {
				return 0, err
			}
			bc, err := p.blockCall()
			if err != nil {
				return 0, err
			}
			et.Handlers = append(et.Handlers, ExceptionItem{Tag: ExceptionTag(n), Dest: bc, Context: NoValue})
		}
		if !p.optional(",") {
			break
		}
	}
	if err := p.expect("]"); err != nil {
		return 0, err
	}
	p.f.DFG.ExceptionTables = append(p.f.DFG.ExceptionTables, et)
	return int32(len(p.f.DFG.ExceptionTables) - 1), nil
}

func (p *parser) operands(d *InstData, ctrl Type) error {
	dfg := &p.f.DFG
	switch d.Opcode.Format() {
	case FmtNullary:
	case FmtUnary:
		return p.values(1, d)
	case FmtBinary:
		return p.values(2, d)
	case FmtTernary:
		return p.values(3, d)
	case FmtUnaryImm:
		t := p.tok()
		// The literal is kept as written (so -1 and 0xffff_ffff print
		// back unchanged); it must fit the type as signed or unsigned.
		_, _, fits := intBits(t.text, max(ctrl.Bits(), 1))
		lo, _, ok := intBits(t.text, 64)
		if t.kind != tNum || !ok || !fits || ctrl.Bits() > 64 {
			return p.errAt(t, "expected %s immediate, found %s", ctrl, t.describe())
		}
		p.next()
		d.Imm = int64(lo)
	case FmtUnaryIeee:
		lo, _, err := p.float(d.Opcode.Info().Fixed.Bits())
		if err != nil {
			return err
		}
		d.Imm = int64(lo)
	case FmtUnaryConst:
		if d.Opcode == OpF128const {
			lo, hi, err := p.float(128)
			if err != nil {
				return err
			}
			d.Entity = int32(p.f.AddConstant(DataF128FromBits(lo, hi).Bytes()))
			return nil
		}
		t := p.tok()
		if n, ok := entityNumber(t.text, "const"); ok && t.kind == tWord {
			if n >= len(p.declConst) || !p.declConst[n] {
				return p.errAt(t, "undeclared constant const%d", n)
			}
			p.next()
			d.Entity = int32(n)
			return nil
		}
		if !ctrl.IsVector() && ctrl.Bits() != 128 {
			return p.errAt(t, "vconst needs a vector type, found %s", ctrl)
		}
		b, err := p.constantBytes(ctrl)
		if err != nil {
			return err
		}
		d.Entity = int32(p.f.AddConstant(b))
	case FmtUnaryGlobalValue:
		n, err := p.entity("gv", "global value")
		if err != nil {
			return err
		}
		d.Entity = int32(n)
	case FmtBinaryImm8, FmtTernaryImm8:
		n := 1
		if d.Opcode.Format() == FmtTernaryImm8 {
			n = 2
		}
		if err := p.values(n, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		lane, err := p.uimm("lane index", 255)
		if err != nil {
			return err
		}
		d.Code = uint8(lane)
	case FmtShuffle:
		if err := p.values(2, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		b, err := p.constantBytes(I8X16)
		if err != nil {
			return err
		}
		d.Entity = int32(p.f.AddImmediate(b))
	case FmtIntCompare, FmtFloatCompare:
		t := p.tok()
		var code uint8
		var ok bool
		if d.Opcode.Format() == FmtIntCompare {
			var c IntCC
			c, ok = ParseIntCC(t.text)
			code = uint8(c)
		} else {
			var c FloatCC
			c, ok = ParseFloatCC(t.text)
			code = uint8(c)
		}
		if t.kind != tWord || !ok {
			return p.expected("condition code")
		}
		p.next()
		d.Code = code
		return p.values(2, d)
	case FmtJump:
		bc, err := p.blockCall()
		if err != nil {
			return err
		}
		d.Entity = dfg.NewBlockCalls(bc)
	case FmtBrif:
		if err := p.values(1, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		then, err := p.blockCall()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		els, err := p.blockCall()
		if err != nil {
			return err
		}
		d.Entity = dfg.NewBlockCalls(then, els)
	case FmtBranchTable:
		if err := p.values(1, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		def, err := p.blockCall()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		if err := p.expect("["); err != nil {
			return err
		}
		jt := JumpTableData{Default: def}
		for !p.isPunct("]") {
			bc, err := p.blockCall()
			if err != nil {
				return err
			}
			jt.Targets = append(jt.Targets, bc)
			if !p.optional(",") {
				break
			}
		}
		if err := p.expect("]"); err != nil {
			return err
		}
		dfg.JumpTables = append(dfg.JumpTables, jt)
		d.Entity = int32(len(dfg.JumpTables) - 1)
	case FmtCall:
		fr, err := p.funcRef()
		if err != nil {
			return err
		}
		args, err := p.callArgs()
		if err != nil {
			return err
		}
		d.Entity, d.Args = int32(fr), dfg.NewList(args...)
	case FmtCallIndirect:
		sr, err := p.sigRef()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		callee, err := p.value()
		if err != nil {
			return err
		}
		args, err := p.callArgs()
		if err != nil {
			return err
		}
		d.Entity, d.Args = int32(sr), dfg.NewList(append([]Value{callee}, args...)...)
	case FmtFuncAddr:
		fr, err := p.funcRef()
		if err != nil {
			return err
		}
		d.Entity = int32(fr)
	case FmtTryCall, FmtTryCallIndirect:
		var all []Value
		if d.Opcode.Format() == FmtTryCall {
			fr, err := p.funcRef()
			if err != nil {
				return err
			}
			d.Imm = int64(fr)
		} else {
			callee, err := p.value()
			if err != nil {
				return err
			}
			all = append(all, callee)
		}
		args, err := p.callArgs()
		if err != nil {
			return err
		}
		d.Args = dfg.NewList(append(all, args...)...)
		if err := p.expect(","); err != nil {
			return err
		}
		sr, err := p.sigRef()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		normal, err := p.blockCall()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		et, err := p.exceptionTable(sr, normal)
		if err != nil {
			return err
		}
		d.Entity = et
	case FmtMultiAry:
		var vs []Value
		// Arguments must start on the instruction's line: the next line
		// may begin with a result value.
		if p.isValue() && p.tok().line == p.toks[p.pos-1].line {
			for {
				v, err := p.value()
				if err != nil {
					return err
				}
				vs = append(vs, v)
				if !p.optional(",") {
					break
				}
			}
		}
		d.Args = dfg.NewList(vs...)
	case FmtLoad, FmtLoadNoOffset:
		d.Flags = p.memFlags()
		if err := p.values(1, d); err != nil {
			return err
		}
		if d.Opcode.Format() == FmtLoad {
			off, err := p.offset32()
			if err != nil {
				return err
			}
			d.Imm = int64(off)
		}
	case FmtStore, FmtStoreNoOffset:
		d.Flags = p.memFlags()
		if err := p.values(2, d); err != nil {
			return err
		}
		if d.Opcode.Format() == FmtStore {
			off, err := p.offset32()
			if err != nil {
				return err
			}
			d.Imm = int64(off)
		}
	case FmtStackAddr:
		ss, err := p.entity("ss", "stack slot")
		if err != nil {
			return err
		}
		off, err := p.offset32()
		if err != nil {
			return err
		}
		d.Entity, d.Imm = int32(ss), int64(off)
	case FmtAtomicRmw:
		d.Flags = p.memFlags()
		t := p.tok()
		op, ok := ParseAtomicRmwOp(t.text)
		if t.kind != tWord || !ok {
			return p.expected("atomic operation")
		}
		p.next()
		d.Code = uint8(op)
		return p.values(2, d)
	case FmtAtomicCas:
		d.Flags = p.memFlags()
		return p.values(3, d)
	case FmtTrap:
		c, err := p.trapCode()
		if err != nil {
			return err
		}
		d.Code = uint8(c)
	case FmtCondTrap, FmtIntAddTrap:
		n := 1
		if d.Opcode.Format() == FmtIntAddTrap {
			n = 2
		}
		if err := p.values(n, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		c, err := p.trapCode()
		if err != nil {
			return err
		}
		d.Code = uint8(c)
	case FmtDynamicStackLoad:
		n, err := p.entity("dss", "dynamic stack slot")
		if err != nil {
			return err
		}
		d.Entity = int32(n)
	case FmtDynamicStackStore:
		if err := p.values(1, d); err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		n, err := p.entity("dss", "dynamic stack slot")
		if err != nil {
			return err
		}
		d.Entity = int32(n)
	case FmtExceptionHandlerAddress:
		b, err := p.block()
		if err != nil {
			return err
		}
		if err := p.expect(","); err != nil {
			return err
		}
		idx, err := p.imm64("handler index")
		if err != nil {
			return err
		}
		d.Entity, d.Imm = int32(b), idx
	default:
		return p.errAt(p.tok(), "unsupported instruction format for %s", d.Opcode)
	}
	return nil
}
