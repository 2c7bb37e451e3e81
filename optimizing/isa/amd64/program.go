package amd64

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"kiln/encoder"
	"kiln/ir"
	"kiln/optimizing/isa/amd64/native"
)

// Program is a set of functions compiled and linked into one executable
// image, for test harnesses: `test run` in kiln/filetests and this
// package's tests. Each function that can be called from Go gets an array
// trampoline (Trampoline), as in Cranelift's test harness: a System V
// function of one pointer that loads the target's arguments from 16-byte
// value slots, calls it and stores its results back from slot 0.
type Program struct {
	funcs   []*ir.Function
	offsets []int
	errs    []error
	tramps  map[int]int // function index -> its trampoline's index
	code    *native.Code
}

// Trampoline returns the array trampoline for target, named name.
func Trampoline(name string, target *ir.Function) (*ir.Function, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "function %%%s(i64) system_v {\n", name)
	fmt.Fprintf(&sb, "    sig0 = %s\n", target.Signature.String())
	fmt.Fprintf(&sb, "    fn0 = %s sig0\n", target.Name)
	sb.WriteString("block0(v0: i64):\n")
	var args, rets []string
	for i, p := range target.Signature.Params {
		fmt.Fprintf(&sb, "    v%d = load.%s v0+%d\n", 1+i, p.Type, 16*i)
		args = append(args, fmt.Sprintf("v%d", 1+i))
	}
	for i := range target.Signature.Returns {
		rets = append(rets, fmt.Sprintf("v%d", 1000+i))
	}
	if len(rets) > 0 {
		fmt.Fprintf(&sb, "    %s = call fn0(%s)\n", strings.Join(rets, ", "), strings.Join(args, ", "))
	} else {
		fmt.Fprintf(&sb, "    call fn0(%s)\n", strings.Join(args, ", "))
	}
	for i, r := range rets {
		fmt.Fprintf(&sb, "    store %s, v0+%d\n", r, 16*i)
	}
	sb.WriteString("    return\n}\n")
	fs, err := ir.ParseFunctions("trampoline", []byte(sb.String()))
	if err != nil {
		return nil, fmt.Errorf("trampoline for %s: %w", target.Name, err)
	}
	return fs[0], nil
}

// Link compiles funcs plus a trampoline for each and maps the image
// executable. A function that does not compile, or calls one that does
// not, is not callable; FuncErr says why. Calls resolve by name among funcs.
func Link(funcs []*ir.Function, flags Flags) (*Program, error) {
	p := &Program{tramps: map[int]int{}}
	p.funcs = append(p.funcs, funcs...)
	for i, f := range funcs {
		t, err := Trampoline(fmt.Sprintf("__kiln_trampoline%d", i), f)
		if err != nil {
			return nil, err
		}
		p.tramps[i] = len(p.funcs)
		p.funcs = append(p.funcs, t)
	}
	n := len(p.funcs)
	p.offsets, p.errs = make([]int, n), make([]error, n)
	index := map[string]int{}
	for i, f := range p.funcs {
		index[f.Name.String()] = i
	}
	resolve := func(name ir.Name) (encoder.Symbol, bool) {
		i, ok := index[name.String()]
		return encoder.Symbol{Kind: encoder.SymFunc, Index: uint32(i)}, ok
	}
	codes := make([]*encoder.Code, n)
	var image []byte
	for i, f := range p.funcs {
		res, err := Compile(f, Options{Flags: flags, Resolve: resolve})
		if err != nil {
			p.errs[i] = err
			continue
		}
		codes[i] = res.Code
		for len(image)%32 != 0 {
			image = append(image, 0xcc) // int3 between functions
		}
		p.offsets[i] = len(image)
		image = append(image, res.Code.Bytes...)
	}
	// A caller of an unavailable function is unavailable (to a fixpoint).
	for changed := true; changed; {
		changed = false
		for i, c := range codes {
			if c == nil || p.errs[i] != nil {
				continue
			}
			for _, r := range c.Relocs {
				t := int(r.Target.Index)
				if r.Target.Kind != encoder.SymFunc || t >= n || p.errs[t] != nil {
					p.errs[i] = fmt.Errorf("calls %s, which is not available: %w", p.funcs[min(t, n-1)].Name, errOr(p.errs[min(t, n-1)]))
					changed = true
					break
				}
			}
		}
	}
	for i, c := range codes {
		if c == nil || p.errs[i] != nil {
			continue
		}
		for _, r := range c.Relocs {
			at := p.offsets[i] + int(r.Offset)
			s := int64(p.offsets[r.Target.Index])
			if r.Kind != encoder.RelocX86PCRel4 {
				return nil, fmt.Errorf("%s: relocation kind %v is not supported by Link", p.funcs[i].Name, r.Kind)
			}
			binary.LittleEndian.PutUint32(image[at:], uint32(int32(s+r.Addend-int64(at))))
		}
	}
	if len(image) > 0 {
		code, err := native.Map(image)
		if err != nil {
			return nil, err
		}
		p.code = code
	}
	return p, nil
}

func errOr(err error) error {
	if err == nil {
		return errors.New("unknown symbol")
	}
	return err
}

// FuncErr returns why function i (an index into the funcs given to Link)
// cannot be called, or nil.
func (p *Program) FuncErr(i int) error {
	if err := p.errs[i]; err != nil {
		return err
	}
	return p.errs[p.tramps[i]]
}

// Call runs function i with args and returns its results. The caller must
// have checked FuncErr(i).
func (p *Program) Call(i int, args []ir.DataValue) ([]ir.DataValue, error) {
	if err := p.FuncErr(i); err != nil {
		return nil, err
	}
	sig := &p.funcs[i].Signature
	if len(args) != len(sig.Params) {
		return nil, fmt.Errorf("%s takes %d arguments, got %d", p.funcs[i].Name, len(sig.Params), len(args))
	}
	values := make([]uint64, 2*max(len(sig.Params), len(sig.Returns), 1))
	for k, a := range args {
		values[2*k], values[2*k+1] = a.Lo, a.Hi
	}
	native.Call(p.code.Addr(p.offsets[p.tramps[i]]), values)
	got := make([]ir.DataValue, len(sig.Returns))
	for k, r := range sig.Returns {
		got[k] = fromBits(r.Type, values[2*k], values[2*k+1])
	}
	return got, nil
}

// Close unmaps the program's code.
func (p *Program) Close() error {
	if p.code == nil {
		return nil
	}
	return p.code.Close()
}

func fromBits(t ir.Type, bits, hi uint64) ir.DataValue {
	switch t {
	case ir.I128:
		return ir.DataI128(bits, hi)
	case ir.F32:
		return ir.DataF32FromBits(uint32(bits))
	case ir.F64:
		return ir.DataF64FromBits(bits)
	}
	return ir.DataInt(t, int64(bits))
}
