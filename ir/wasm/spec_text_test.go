package wasm_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wast"
)

// TestSpecCorpus runs every module of the spec test suite through the
// decoder and validator, using the wast parser for the scripts and the
// text-format encoder for text modules: modules must validate,
// assert_invalid modules must fail validation and binary
// assert_malformed modules must fail decoding, each with the expected
// reason as a substring, in the right stage (Decode for malformed,
// Validate for invalid). Modules the text encoder cannot encode are
// counted separately: they test the encoder, not this package.
func TestSpecCorpus(t *testing.T) {
	suite := findSuite(t)
	var files []string
	for _, pattern := range []string{"core/*.wast", "legacy/*.wast", "proposals/threads/*.wast"} {
		m, _ := filepath.Glob(filepath.Join(suite, pattern))
		files = append(files, m...)
	}
	type tally struct{ pass, fail, encodeErr int }
	counts := map[string]*tally{}
	get := func(k string) *tally {
		if counts[k] == nil {
			counts[k] = &tally{}
		}
		return counts[k]
	}
	reasons := map[string]int{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(file)) + "/" + filepath.Base(file)
		script, err := wast.Parse(name, src)
		if err != nil {
			get("script").encodeErr++
			t.Logf("%s: script parse: %v", name, err)
			continue
		}
		var cmds []*wast.Command
		var walk func([]*wast.Command)
		walk = func(cs []*wast.Command) {
			for _, c := range cs {
				cmds = append(cmds, c)
				walk(c.Body)
			}
		}
		walk(script.Commands)
		for _, c := range cmds {
			var key string
			switch c.Kind {
			case wast.KindModule:
				key = "module"
			case wast.KindAssertInvalid:
				key = "assert_invalid"
			case wast.KindAssertMalformed:
				if c.Module.Form != wast.FormBinary {
					continue // text syntax errors: the text parser's business
				}
				key = "assert_malformed"
			default:
				continue
			}
			tl := get(key)
			bin, err := c.Module.Encode()
			if err != nil {
				tl.encodeErr++
				continue
			}
			// Malformed modules must fail in Decode, invalid ones in
			// Validate.
			m, err := wasm.Decode(bin, featuresFor(name))
			if err == nil {
				err = wasm.Validate(m, featuresFor(name))
				// Validating the bodies on several goroutines must
				// give the same answer, error included.
				if perr := wasm.ValidateParallel(m, featuresFor(name), 3); !wasm.SameError(perr, err) {
					t.Errorf("%s:%d: parallel validation: %v, sequential: %v", name, c.Line, perr, err)
				}
				if key == "assert_malformed" && err != nil {
					err = fmt.Errorf("decoded, then validation failed: %w", err)
				}
			} else if key == "assert_invalid" {
				err = fmt.Errorf("Decode rejected an invalid (but well-formed) module: %w", err)
			}
			switch {
			case key == "module" && err == nil,
				key != "module" && err != nil && strings.Contains(err.Error(), c.Message) && !strings.HasPrefix(err.Error(), "Decode rejected") && !strings.HasPrefix(err.Error(), "decoded, then"):
				tl.pass++
			default:
				tl.fail++
				reason := "accepted"
				if err != nil {
					reason = err.Error()
					if i := strings.Index(reason, ": "); i >= 0 && strings.HasPrefix(reason, "offset") {
						reason = reason[i+2:]
					}
				}
				reasons[fmt.Sprintf("%s want %q got %s", key, c.Message, reason)]++
				t.Errorf("%s:%d: %s %q: %v", name, c.Line, key, c.Message, err)
			}
		}
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := counts[k]
		t.Logf("%-16s %5d passed, %4d failed, %4d not encodable by the text parser", k, c.pass, c.fail, c.encodeErr)
	}
}

// featuresFor returns the proposals a script assumes. The threads
// proposal's tests predate reference types and multi-memory, and expect
// "multiple tables" and "multiple memories".
func featuresFor(name string) wasm.Features {
	if strings.HasPrefix(name, "threads/") {
		return wasm.SignExt | wasm.SatConv | wasm.MultiValue | wasm.BulkMemory | wasm.SIMD | wasm.Threads
	}
	return wasm.FeaturesAll
}

func findSuite(t *testing.T) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.work above the test directory")
		}
		dir = parent
	}
	suite := filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite")
	if _, err := os.Stat(suite); err != nil {
		t.Skipf("spec test suite not found at %s", suite)
	}
	return suite
}
