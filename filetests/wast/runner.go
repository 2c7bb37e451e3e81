package wast

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
	"kiln/ir/wasm/wat"
)

// Validator decodes and validates a module binary. malformed reports that a
// failure came from decoding (the binary is malformed) rather than from
// validation (the module is invalid).
type Validator interface {
	DecodeValidate(bin []byte) (malformed bool, err error)
}

// Tier executes modules: the runtime plugs in here. A nil Tier means
// validate-only mode, where every directive that needs execution is counted
// as skipped. A tier provides the "spectest" module the scripts import
// (print*, global_i32/i64/f32/f64, table, memory), as the reference
// interpreter does, and reports an uncaught exception as an error that
// implements ExceptionError.
type Tier interface {
	// Name is the tier's name for messages ("interp", "baseline", ...).
	Name() string
	// Instantiate instantiates a validated binary; id is the module's $id
	// or "". It returns a trap or link error as err.
	Instantiate(id string, bin []byte) error
	// Register makes the exports of module id ("" = latest) importable
	// under the name as.
	Register(as, id string) error
	// Invoke calls an exported function of module id ("" = latest).
	Invoke(id, name string, args []wast.Value) ([]wast.Value, error)
	// Get reads an exported global of module id ("" = latest).
	Get(id, name string) (wast.Value, error)
}

// Outcome is the result of one directive.
type Outcome uint8

const (
	Passed Outcome = iota
	Failed
	Skipped
)

// Report is the result of one directive.
type Report struct {
	File    string
	Line    int
	Command string // the directive, e.g. "assert_invalid"
	Outcome Outcome
	Message string // failure or skip reason
}

// Counts tallies reports.
type Counts struct{ Passed, Failed, Skipped int }

func (c *Counts) add(r Report) {
	switch r.Outcome {
	case Passed:
		c.Passed++
	case Failed:
		c.Failed++
	default:
		c.Skipped++
	}
}

// Runner runs scripts. With Tier nil it runs in validate-only mode.
type Runner struct {
	Tier Tier
	// Profile, when set, is used for every script instead of the profile
	// chosen by the script's path (ProfileFor).
	Profile *Profile
	// Validator, when set, replaces the ir/wasm validator of the profile.
	Validator Validator
}

// scriptRun is the state of running one script.
type scriptRun struct {
	*Runner
	text        wat.Options
	validator   Validator
	definitions map[string][]byte // (module definition $id ...) binaries
	features    wasm.Features     // the profile's features

	// skipped maps the $id of a module the tier cannot run to the
	// reason; lastSkip is the reason when the latest module was skipped,
	// so that actions on it are skipped too.
	skipped  map[string]string
	lastSkip string
	// skippedNames maps a name registered for a skipped module to the
	// reason: modules importing from it are skipped too.
	skippedNames map[string]string
}

// Resetter is implemented by a Tier that keeps state per script (a store,
// registered modules); the runner calls Reset before each script.
type Resetter interface{ Reset() }

// FeatureLimited is implemented by a Tier that cannot run modules using
// some features (proposals it does not implement). A valid module that is
// not valid without those features is skipped with the reason, as are the
// actions on it: it is neither a pass nor a failure of the tier.
type FeatureLimited interface{ Unsupported() wasm.Features }

// RunFile parses and runs one script file.
func (r *Runner) RunFile(path string) []Report {
	src, err := os.ReadFile(path)
	if err != nil {
		return []Report{{File: path, Command: "read", Outcome: Failed, Message: err.Error()}}
	}
	return r.Run(path, src)
}

// Run parses and runs one script. A script that does not parse counts as a
// single failure.
func (r *Runner) Run(name string, src []byte) []Report {
	s, err := wast.Parse(name, src)
	if err != nil {
		line := 0
		if we, ok := err.(*wast.Error); ok {
			line = we.Line
		}
		return []Report{{File: name, Line: line, Command: "script", Outcome: Failed, Message: err.Error()}}
	}
	p := ProfileFor(name)
	if r.Profile != nil {
		p = *r.Profile
	}
	run := &scriptRun{Runner: r, text: p.Text, validator: r.Validator, definitions: map[string][]byte{},
		features: p.Features, skipped: map[string]string{}, skippedNames: map[string]string{}}
	if rs, ok := r.Tier.(Resetter); ok {
		rs.Reset()
	}
	if run.validator == nil {
		run.validator = WasmValidator{Features: p.Features}
	}
	var out []Report
	for _, c := range s.Commands {
		rep := run.command(c)
		rep.File, rep.Line = name, c.Line
		out = append(out, rep)
	}
	return out
}

func pass() Report { return Report{Outcome: Passed} }

func fail(format string, args ...any) Report {
	return Report{Outcome: Failed, Message: fmt.Sprintf(format, args...)}
}

func skip(reason string) Report { return Report{Outcome: Skipped, Message: reason} }

const needsTier = "needs an execution tier"

func (r *scriptRun) command(c *wast.Command) Report {
	rep := r.commandOutcome(c)
	rep.Command = c.Kind.String()
	return rep
}

func (r *scriptRun) commandOutcome(c *wast.Command) Report {
	switch c.Kind {
	case wast.KindModule:
		bin, stage, err := r.check(c.Module)
		if err != nil {
			return fail("%s: %v", stage, err)
		}
		if c.Module.Definition && c.Module.ID != "" {
			r.definitions[c.Module.ID] = bin
		}
		if r.Tier == nil || c.Module.Definition {
			return pass()
		}
		if reason := r.unsupported(bin); reason != "" {
			r.skipModule(c.Module.ID, reason)
			return skip(reason)
		}
		if err := r.Tier.Instantiate(c.Module.ID, bin); err != nil {
			var u *UnsupportedError
			if errors.As(err, &u) {
				r.skipModule(c.Module.ID, u.Reason)
				return skip(u.Reason)
			}
			return fail("instantiate: %v", err)
		}
		r.lastSkip = ""
		delete(r.skipped, c.Module.ID)
		return pass()
	case wast.KindAssertInvalid:
		// The module must be rejected for the expected reason. ir/wasm
		// decodes function bodies lazily, so a failure may come from the
		// decoder or the validator; text modules may already fail in the
		// text parser when a reference cannot be resolved.
		_, stage, err := r.check(c.Module)
		switch {
		case err == nil:
			return fail("module is valid, expected %q", c.Message)
		case !Matches(c.Message, err.Error()):
			return fail("wrong reason: expected %q, got %s error: %v", c.Message, stage, err)
		}
		return pass()
	case wast.KindAssertMalformed:
		// Text (quote) modules must fail in the text parser; binary ones in
		// the decoder, or in the validator for function bodies, which
		// ir/wasm decodes during validation.
		_, stage, err := r.check(c.Module)
		switch {
		case err == nil:
			return fail("module is well-formed and valid, expected %q", c.Message)
		case c.Module.Form != wast.FormBinary && stage != stageText:
			return fail("text parser accepted the module, expected %q; %s error: %v", c.Message, stage, err)
		case !Matches(c.Message, err.Error()):
			return fail("wrong reason: expected %q, got %s error: %v", c.Message, stage, err)
		}
		return pass()
	case wast.KindAssertUnlinkable, wast.KindAssertUninstantiable, wast.KindAssertTrap:
		if c.Module == nil {
			break
		}
		// The module itself must be valid; the link or instantiation
		// failure needs a tier.
		bin, stage, err := r.check(c.Module)
		if err != nil {
			return fail("%s: %v", stage, err)
		}
		if r.Tier != nil {
			if reason := r.unsupported(bin); reason != "" {
				return skip(reason)
			}
			return r.instantiateFails(c, bin)
		}
	}
	if r.Tier == nil {
		return skip(needsTier)
	}
	return r.execute(c)
}

// unsupported returns why the tier cannot run the module bin, or "".
func (r *scriptRun) unsupported(bin []byte) string {
	if len(r.skippedNames) > 0 {
		if m, err := wasm.Decode(bin, r.features); err == nil {
			for _, im := range m.Imports {
				if reason, ok := r.skippedNames[im.Module]; ok {
					return reason
				}
			}
		}
	}
	fl, ok := r.Tier.(FeatureLimited)
	if !ok {
		return ""
	}
	u := fl.Unsupported() & r.features
	if u == 0 {
		return ""
	}
	if _, err := (WasmValidator{Features: r.features &^ u}).DecodeValidate(bin); err == nil {
		return ""
	}
	// Name the features the module needs, one at a time.
	var need wasm.Features
	for f := wasm.Features(1); f != 0 && f <= u; f <<= 1 {
		if u&f == 0 {
			continue
		}
		if _, err := (WasmValidator{Features: r.features &^ f}).DecodeValidate(bin); err != nil {
			need |= f
		}
	}
	if need == 0 {
		need = u
	}
	return fmt.Sprintf("module uses %v, not supported by the %s tier", need, r.Tier.Name())
}

func (r *scriptRun) skipModule(id, reason string) {
	r.lastSkip = reason
	if id != "" {
		r.skipped[id] = reason
	}
}

// skippedModule returns the skip reason of the module an action or
// register names, or "".
func (r *scriptRun) skippedModule(id string) string {
	if id == "" {
		return r.lastSkip
	}
	return r.skipped[id]
}

type stage string

const (
	stageText     stage = "text"
	stageDecode   stage = "decode"
	stageValidate stage = "validate"
)

// check encodes a module and decodes and validates it, reporting in which
// stage it failed.
func (r *scriptRun) check(m *wast.ModuleSource) ([]byte, stage, error) {
	bin, err := m.EncodeWith(r.text)
	if err != nil {
		return nil, stageText, err
	}
	malformed, err := r.validator.DecodeValidate(bin)
	if err != nil {
		if malformed {
			return nil, stageDecode, err
		}
		return nil, stageValidate, err
	}
	return bin, "", nil
}

// Matches reports whether an error message satisfies the expected text of
// an assertion: the normalised expected text is a substring of the actual
// message, or of a documented alias of it.
func Matches(expected, actual string) bool {
	e, a := normalise(expected), normalise(actual)
	if strings.Contains(a, e) {
		return true
	}
	for _, alt := range aliases[e] {
		if strings.Contains(a, alt) {
			return true
		}
	}
	return false
}

func normalise(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// aliases lists, per expected spec phrase, other phrases that report the
// same failure in kiln's words. Each entry is a legitimate difference in
// phrasing, never a different failure.
//
// It is empty today: ir/wasm and ir/wasm/wat use the spec's phrases. An
// entry needs a comment saying why the two phrases mean the same failure.
var aliases = map[string][]string{}

// Summarise writes failures (one per line, as file:line: directive:
// message), the skip reasons with counts, and the final count line.
func Summarise(w io.Writer, reports []Report) Counts { return summarise(w, reports, false) }

// SummariseVerbose is Summarise that also lists every skipped directive as
// file:line: directive: skipped: reason.
func SummariseVerbose(w io.Writer, reports []Report) Counts { return summarise(w, reports, true) }

func summarise(w io.Writer, reports []Report, verbose bool) Counts {
	var c Counts
	skips := map[string]int{}
	for _, r := range reports {
		c.add(r)
		switch r.Outcome {
		case Failed:
			fmt.Fprintf(w, "%s:%d: %s: %s\n", r.File, r.Line, r.Command, r.Message)
		case Skipped:
			skips[r.Command+": "+r.Message]++
			if verbose {
				fmt.Fprintf(w, "%s:%d: %s: skipped: %s\n", r.File, r.Line, r.Command, r.Message)
			}
		}
	}
	keys := make([]string, 0, len(skips))
	for k := range skips {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "skipped %d %s\n", skips[k], k)
	}
	if c.Skipped > 0 {
		fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", c.Passed, c.Failed, c.Skipped)
	} else {
		fmt.Fprintf(w, "%d passed, %d failed\n", c.Passed, c.Failed)
	}
	return c
}
