package isa

import (
	"fmt"
	"strings"

	"kiln/encoder"
	"kiln/ir"
	"kiln/optimizing/isa/amd64"
	"kiln/regalloc"
)

// ErrUnsupported is wrapped by errors about IR a back end cannot lower yet.
var ErrUnsupported = amd64.ErrUnsupported

// Compiled is the output of compiling one function.
type Compiled struct {
	Code  *encoder.Code
	VCode string // listing after register allocation
}

// Backend compiles IR functions for one target.
type Backend interface {
	Name() string
	Compile(f *ir.Function, resolve func(ir.Name) (encoder.Symbol, bool)) (*Compiled, error)
	// Disassemble prints machine code of this target.
	Disassemble(c *encoder.Code) (string, error)
}

// Lookup returns the back end for arch ("x86_64", with optional flag
// names), or an error naming the unsupported architecture.
func Lookup(arch string, flags []string) (Backend, error) {
	switch {
	case arch == "x86_64" || strings.HasPrefix(arch, "x86_64-"):
		return &x64{flags: amd64.ParseFlags(flags)}, nil
	}
	return nil, fmt.Errorf("no optimizing back end for %s", arch)
}

type x64 struct{ flags amd64.Flags }

func (x *x64) Name() string { return "x86_64" }

func (x *x64) Compile(f *ir.Function, resolve func(ir.Name) (encoder.Symbol, bool)) (*Compiled, error) {
	r, err := amd64.Compile(f, amd64.Options{Flags: x.flags, Resolve: resolve, Algorithm: regalloc.Quality})
	if err != nil {
		return nil, err
	}
	return &Compiled{Code: r.Code, VCode: r.VCode}, nil
}

func (x *x64) Disassemble(c *encoder.Code) (string, error) { return amd64.Disassemble(c) }
