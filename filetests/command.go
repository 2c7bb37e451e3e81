package filetests

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"kiln/ir"
	"kiln/ir/verify"
)

// Command runs one kind of `test` line. Commands are registered by name;
// a compiler tier plugs in by registering `compile`, `optimize` or `run`
// in place of the placeholders below.
type Command interface {
	// PerTarget reports whether the command runs once per `target` line
	// (compile, optimize, run) rather than once per file.
	PerTarget() bool
	// Run runs the command on every function of ctx.File.
	Run(ctx *Context) Outcome
}

// Outcome is what one run of a command found. No failures and no skip
// reason means it passed.
type Outcome struct {
	Skip     string
	Failures []Failure
	Output   []string
}

// Context is what a command runs on.
type Context struct {
	File    *File
	Test    ir.TestCommand
	Target  *ir.Target // nil for target-independent commands
	Options Options
	bless   *blessings
}

// HasOption reports whether the test line carries option name
// (`precise-output`, `expect-fail`, ...).
func (c *Context) HasOption(name string) bool { return slices.Contains(c.Test.Options, name) }

// Filecheck checks text (a command's output for function fi) against the
// function's filecheck directives and records a failure at the directive
// that did not hold. Functions without directives pass.
func (c *Context) Filecheck(out *Outcome, fi int, text string) {
	chk := c.File.Checker(fi)
	if chk.Empty() {
		return
	}
	if err := chk.Check(text); err != nil {
		ff := c.File.Parsed.Functions[fi]
		line := ff.Line
		if ce, ok := err.(*CheckError); ok {
			line = ce.Directive.Line
		}
		out.Fail(line, "%s: filecheck: %v\nchecked text:\n%s", ff.Func.Name, err, text)
	}
}

// Fail records a failure at line.
func (o *Outcome) Fail(line int, format string, args ...any) {
	o.Failures = append(o.Failures, Failure{line, fmt.Sprintf(format, args...)})
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Command{}
)

// Register makes cmd run `test name` lines, replacing any earlier
// registration (so a compiler replaces the placeholder for `compile`).
func Register(name string, cmd Command) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry[name] = cmd
}

func lookup(name string) (Command, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	c, ok := registry[name]
	return c, ok
}

func init() {
	Register("verifier", verifierCommand{})
	Register("cat", catCommand{})
	const noTier = "no optimizing tier yet"
	Register("compile", placeholder{perTarget: true, reason: noTier})
	Register("optimize", placeholder{perTarget: true, reason: noTier})
	Register("run", runPlaceholder{reason: noTier})
}

// placeholder skips a command kiln cannot run yet, with the reason.
type placeholder struct {
	perTarget bool
	reason    string
}

func (p placeholder) PerTarget() bool          { return p.perTarget }
func (p placeholder) Run(ctx *Context) Outcome { return Outcome{Skip: p.reason} }

// runPlaceholder stands in for `test run`: targets the host cannot execute
// are skipped for that reason first, so the counts do not change when a
// compiler arrives.
type runPlaceholder struct{ reason string }

func (runPlaceholder) PerTarget() bool { return true }
func (p runPlaceholder) Run(ctx *Context) Outcome {
	if why := HostCannotRun(ctx.Target); why != "" {
		return Outcome{Skip: why}
	}
	var out Outcome
	if !ctx.VerifyAll(&out) {
		return out
	}
	return Outcome{Skip: p.reason}
}

// hostArch is the CLIF name of the architecture kiln runs on.
func hostArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64"
	case "arm64":
		return "aarch64"
	}
	return runtime.GOARCH
}

// HostCannotRun returns why code for target cannot run on this machine,
// or "" if it can: the same architecture, or a Pulley target with the
// host's pointer width and byte order.
func HostCannotRun(t *ir.Target) string {
	host := hostArch()
	switch arch := t.Arch; {
	case arch == host, strings.HasPrefix(arch, host+"-"):
		return ""
	case strings.HasPrefix(arch, "pulley"):
		width := "64"
		if strings.Contains(arch, "32") {
			width = "32"
		}
		big := strings.HasSuffix(arch, "be")
		hostBig := runtime.GOARCH == "s390x" || strings.HasSuffix(runtime.GOARCH, "be")
		hostWidth := "64"
		if strings.HasSuffix(runtime.GOARCH, "32") || runtime.GOARCH == "386" || runtime.GOARCH == "arm" {
			hostWidth = "32"
		}
		if width == hostWidth && big == hostBig {
			return ""
		}
	}
	return "target " + t.Arch + " does not run on this host (" + host + ")"
}

// PointerType returns the address type of a target (Invalid for nil or an
// unknown architecture).
func PointerType(t *ir.Target) ir.Type {
	if t == nil {
		return ir.Invalid
	}
	switch {
	case strings.HasPrefix(t.Arch, "pulley32"):
		return ir.I32
	case strings.HasPrefix(t.Arch, "x86_64"), strings.HasPrefix(t.Arch, "aarch64"),
		strings.HasPrefix(t.Arch, "riscv64"), strings.HasPrefix(t.Arch, "s390x"),
		strings.HasPrefix(t.Arch, "pulley64"):
		return ir.I64
	}
	return ir.Invalid
}

// verifyOptions are the verifier options for the command's target; a
// target-independent command verifies without one (upstream verifies
// `test interpret` files with flags only, so pulley32 files may still use
// i64 addresses there). `test verifier` uses the file's first target.
func (c *Context) verifyOptions() verify.Options {
	return verify.Options{PointerType: PointerType(c.Target)}
}

// VerifyAll verifies every function of the file, as upstream does before
// every command except verifier and cat, and records the errors as
// failures. It reports whether all functions were valid.
func (c *Context) VerifyAll(out *Outcome) bool {
	ok := true
	for i, ff := range c.File.Parsed.Functions {
		for _, e := range verify.Check(ff.Func, c.verifyOptions()) {
			out.Fail(c.File.entityLine(i, e.Location), "verifier: %s: %s", ff.Func.Name, e)
			ok = false
		}
	}
	return ok
}

// --- test verifier ---

type verifierCommand struct{}

func (verifierCommand) PerTarget() bool { return false }

// Run checks each function against its `; error: TEXT` comments: every
// expected error must be reported at the entity the comment belongs to
// with a message containing TEXT, and every reported error must be
// expected. A function without expectations must verify clean.
func (verifierCommand) Run(ctx *Context) Outcome {
	var out Outcome
	f := ctx.File
	// Upstream verifies with the ISA of the first target line.
	var opts verify.Options
	if ts := f.Parsed.Targets; len(ts) > 0 {
		opts.PointerType = PointerType(&ts[0])
	}
	for fi, ff := range f.Parsed.Functions {
		type expectation struct {
			loc  verify.Location
			text string
			line int
		}
		var want []expectation
		for _, c := range ff.Comments {
			t := strings.TrimLeft(c.Text, "; \t")
			if rest, ok := strings.CutPrefix(t, "error:"); ok {
				want = append(want, expectation{f.commentEntity(fi, c.Line), strings.TrimSpace(rest), c.Line})
			}
		}
		got := verify.Check(ff.Func, opts)
		used := make([]bool, len(got))
		for _, w := range want {
			found := false
			for i, e := range got {
				if !used[i] && f.anchorOf(fi, e.Location) == w.loc && strings.Contains(e.Message, w.text) {
					used[i], found = true, true
					break
				}
			}
			if !found {
				out.Fail(w.line, "%s: expected error at %s not reported: %s", ff.Func.Name, w.loc, w.text)
			}
		}
		for i, e := range got {
			if !used[i] {
				out.Fail(f.entityLine(fi, e.Location), "%s: unexpected verifier error: %s", ff.Func.Name, e)
			}
		}
	}
	return out
}

// --- test cat ---

type catCommand struct{}

func (catCommand) PerTarget() bool { return false }

// Run prints each function and checks the text against the function's
// filecheck directives; with the kiln option precise-output it compares
// against the function's expectation block instead.
func (catCommand) Run(ctx *Context) Outcome {
	var out Outcome
	for fi, ff := range ctx.File.Parsed.Functions {
		text := ff.Func.String()
		if ctx.HasOption("precise-output") {
			ctx.PreciseOutput(&out, fi, text)
			continue
		}
		ctx.Filecheck(&out, fi, text)
	}
	return out
}
