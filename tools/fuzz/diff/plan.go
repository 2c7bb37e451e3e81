package diff

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/tools/fuzz/wasmgen"
)

// PlanCalls chooses the calls a generated module gets: every exported
// function once, in order, then a few more chosen by the input, each with
// arguments biased towards boundary values.
func PlanCalls(u *wasmgen.Unstructured, m *wasmgen.Module) []Call {
	n := len(m.Funcs) + u.Intn(4)
	calls := make([]Call, 0, n)
	for i := 0; i < n; i++ {
		f := m.Funcs[0]
		if i < len(m.Funcs) {
			f = m.Funcs[i]
		} else {
			f = m.Funcs[u.Intn(len(m.Funcs))]
		}
		c := Call{Func: f.Name, Args: []uint64{}}
		for _, p := range f.Params {
			c.Args = append(c.Args, wasmgen.InterestingValue(u, p))
		}
		calls = append(calls, c)
	}
	return calls
}

// Case is a differential test case: a module, the calls to make, the
// fuel to reset before each call and how floats compare.
type Case struct {
	Binary   []byte
	Calls    []Call
	Fuel     uint64
	NaNClass bool
	// Signature, from a known divergence's file, matches its message.
	Signature string
	// Tiers, when set, are the compiled tiers to compare (besides the
	// interpreter) instead of the default ones.
	Tiers []string
}

// FromInput turns a fuzzer input into the case FuzzDifferential runs.
func FromInput(data []byte) (Case, *wasmgen.Module) {
	u := wasmgen.NewUnstructured(data)
	irOnly := u.Intn(4) == 0
	cfg := wasmgen.ConfigFrom(u)
	if irOnly {
		// One input in four stays inside the IR oracle's subset.
		cfg = IRConfig(cfg)
	}
	m := wasmgen.Generate(u, cfg)
	calls := PlanCalls(u, m)
	return Case{Binary: m.Binary, Calls: calls, Fuel: uint64(cfg.CallFuel), NaNClass: !cfg.CanonicalizeNaNs}, m
}

// Regression files are .wat modules preceded by directive comments:
//
//	;; call NAME ARG...   call an export (arguments as integers, the API's
//	                      uint64 words: floats by their bits); repeatable
//	;; fuel N             reset the exported "fuel" global to N before each call
//	;; nan-class          compare float values by NaN class, not bits
//	;; tiers NAME,...     compare these compiled tiers (e.g. the opt-in
//	                      optimizing-nomidend) instead of the default ones
//	;; signature REGEXP   (known divergences) matches this bug's divergence
//	                      message; FuzzDifferential skips inputs that hit a
//	                      known bug instead of failing on them again
//
// Other ";;" lines are free text (what diverged, the tier at fault). With
// no call directive every exported function is called once with zero
// arguments, in export order.

// ParseRegression reads a regression file.
func ParseRegression(src []byte) (Case, error) {
	var c Case
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, ";;") {
			continue
		}
		fields := strings.Fields(strings.TrimPrefix(line, ";;"))
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "call":
			if len(fields) < 2 {
				return c, fmt.Errorf("%q: call needs a function name", line)
			}
			call := Call{Func: fields[1], Args: []uint64{}}
			for _, a := range fields[2:] {
				v, err := parseWord(a)
				if err != nil {
					return c, fmt.Errorf("%q: %v", line, err)
				}
				call.Args = append(call.Args, v)
			}
			c.Calls = append(c.Calls, call)
		case "fuel":
			if len(fields) != 2 {
				return c, fmt.Errorf("%q: fuel takes one number", line)
			}
			v, err := parseWord(fields[1])
			if err != nil {
				return c, fmt.Errorf("%q: %v", line, err)
			}
			c.Fuel = v
		case "nan-class":
			c.NaNClass = true
		case "tiers":
			for _, f := range fields[1:] {
				for _, n := range strings.Split(f, ",") {
					if n != "" {
						c.Tiers = append(c.Tiers, n)
					}
				}
			}
		case "signature":
			c.Signature = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(line, ";;")), "signature"))
		}
	}
	bin, err := wat.Parse(src)
	if err != nil {
		return c, err
	}
	c.Binary = bin
	if c.Calls == nil {
		m, err := wasm.Decode(bin, wasm.FeaturesAll)
		if err != nil {
			return c, err
		}
		for _, ex := range m.Exports {
			if ex.Kind != wasm.ExternFunc {
				continue
			}
			ft := m.FuncType(ex.Index)
			n := 0
			if ft != nil {
				n = len(ft.Params)
			}
			c.Calls = append(c.Calls, Call{Func: ex.Name, Args: make([]uint64, n)})
		}
	}
	return c, nil
}

func parseWord(s string) (uint64, error) {
	if strings.HasPrefix(s, "-") {
		v, err := strconv.ParseInt(s, 0, 64)
		return uint64(v), err
	}
	return strconv.ParseUint(s, 0, 64)
}

// FormatRegression renders a case as a regression file: the directives,
// the notes (each becomes a comment line) and the module as text.
func FormatRegression(c Case, notes ...string) (string, error) {
	text, err := wat.PrintBinary(c.Binary)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, n := range notes {
		for _, l := range strings.Split(strings.TrimRight(n, "\n"), "\n") {
			fmt.Fprintf(&b, ";; %s\n", l)
		}
	}
	if c.Fuel > 0 {
		fmt.Fprintf(&b, ";; fuel %d\n", c.Fuel)
	}
	if c.NaNClass {
		b.WriteString(";; nan-class\n")
	}
	for _, call := range c.Calls {
		fmt.Fprintf(&b, ";; call %s", call.Func)
		for _, a := range call.Args {
			fmt.Fprintf(&b, " %#x", a)
		}
		b.WriteString("\n")
	}
	b.WriteString(text)
	return b.String(), nil
}

// Run checks the case on every tier, then on the IR oracle when the
// module is inside its subset.
func (c Case) Run() (*Report, error) {
	ts := Tiers()
	if c.Tiers != nil {
		ts = TiersNamed(c.Tiers)
	}
	rep, err := CheckOn(ts, c.Binary, c.Calls, c.Fuel, c.NaNClass)
	if err != nil || !irSelected(c.Tiers) {
		return rep, err
	}
	return rep, CheckIR(rep, c)
}

// irSelected reports whether the IR oracle runs: by default, or when the
// explicit tier list names it.
func irSelected(names []string) bool {
	if names == nil {
		names = strings.Split(os.Getenv("KILN_FUZZ_TIERS"), ",")
		if len(names) == 1 && names[0] == "" {
			return true
		}
	}
	for _, n := range names {
		if n == TierIR || n == TierIROptimized {
			return true
		}
	}
	return false
}
