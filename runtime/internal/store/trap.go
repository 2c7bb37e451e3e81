package store

import (
	"fmt"
	"strings"

	"kiln/ir/vm"
)

// Trap is a WebAssembly trap: why execution stopped and where.
type Trap struct {
	Code vm.TrapCode
	// Backtrace lists the active wasm frames, innermost first.
	Backtrace []Frame
	// Cause is the host error or recovered panic of a TrapHostError.
	Cause error
	// Detail, when set, follows the code's message: the spec's
	// "uninitialized element 2" names the table index.
	Detail string
	// Text, when set, replaces the code's message where the spec words
	// one code two ways ("null function reference" for call_ref of null,
	// "null reference" otherwise).
	Text string

	sentinel bool
}

// Sentinel returns the trap value errors.Is compares against: any *Trap
// with code c matches it (see Is).
func Sentinel(c vm.TrapCode) *Trap { return &Trap{Code: c, sentinel: true} }

// Is reports whether target is the sentinel of t's code, so that
// errors.Is(err, kiln.ErrTrapUnreachable) works on any trap.
func (t *Trap) Is(target error) bool {
	o, ok := target.(*Trap)
	return ok && o.sentinel && o.Code == t.Code
}

// Frame is one wasm frame of a backtrace.
type Frame struct {
	Module    string // module name (name section) or "" when unnamed
	FuncIndex uint32 // in the module's function index space
	FuncName  string // from the name section, or "" when unnamed
	Offset    int    // module offset of the instruction, -1 if unknown
}

func (f Frame) String() string {
	name := f.FuncName
	if name == "" {
		name = fmt.Sprintf("func[%d]", f.FuncIndex)
	}
	if f.Module != "" {
		name = f.Module + "!" + name
	}
	if f.Offset >= 0 {
		name += fmt.Sprintf(" @0x%x", f.Offset)
	}
	return name
}

// TrapOf returns a trap with code c and no backtrace yet.
func TrapOf(c vm.TrapCode) *Trap { return &Trap{Code: c} }

// Error returns the spec message (what assert_trap expects) followed by the
// cause and the backtrace.
func (t *Trap) Error() string {
	var b strings.Builder
	if t.Text != "" {
		b.WriteString(t.Text)
	} else {
		b.WriteString(t.Code.Message())
	}
	if t.Detail != "" {
		b.WriteByte(' ')
		b.WriteString(t.Detail)
	}
	if t.Cause != nil {
		b.WriteString(": ")
		b.WriteString(t.Cause.Error())
	}
	if len(t.Backtrace) > 0 {
		b.WriteString("\nwasm backtrace:")
		for i, f := range t.Backtrace {
			fmt.Fprintf(&b, "\n  %d: %s", i, f)
		}
	}
	return b.String()
}

// Unwrap returns the host cause, if any.
func (t *Trap) Unwrap() error { return t.Cause }
