package diff

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// FuzzDifferential generates a module from the input, runs it on the
// interpreter and every compiled tier this host has, and fails on the
// first difference in results, trap kinds, memory, globals or tables.
//
//	go test ./tools/fuzz/diff -run '^$' -fuzz FuzzDifferential -fuzztime 30m -parallel 1
//
// A divergence whose message matches the ";; signature" of a file in
// testdata/known/ (a bug already filed) skips the input instead of
// failing, so that a short fuzzing run (.ci/run) fails only on new bugs.
// KILN_FUZZ_IGNORE, a regular expression, adds one more signature: a
// triage aid for fuzzing past a bug before its file exists.
func FuzzDifferential(f *testing.F) {
	ignored := knownSignatures(f)
	if pat := os.Getenv("KILN_FUZZ_IGNORE"); pat != "" {
		ignored = append(ignored, regexp.MustCompile(pat))
	}
	for _, s := range []string{
		"",
		"\xff\xff\xff\xff\x05 a small module",
		"\x00\x00\x00\x00\x10 no memory, no table",
	} {
		f.Add([]byte(s))
	}
	for _, why := range Unavailable() {
		f.Logf("tier not compared on this host: %s", why)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, m := FromInput(data)
		if _, err := wasm.DecodeAndValidate(m.Binary, m.Config.Features()); err != nil {
			t.Fatalf("generator bug: invalid module: %v", err)
		}
		rep, err := c.Run()
		if err != nil {
			for _, re := range ignored {
				if re.MatchString(err.Error()) {
					t.Skipf("known divergence: %v", err)
				}
			}
		}
		if err != nil {
			text, _ := FormatRegression(c)
			t.Fatalf("%v\n%s\n%s", err, rep.Transcript(c.Calls), text)
		}
		// Generated modules use only what every tier runs: a tier that
		// calls one unsupported would silently drop out of the check.
		if msg := skippedTier(rep); msg != "" {
			for _, re := range ignored {
				if re.MatchString(msg) {
					t.Skipf("known gap: %s", msg)
				}
			}
			t.Fatal(msg)
		}
	})
}

// skippedTier describes the first compiled tier that refused a generated
// module as unsupported ("" if none did). The IR oracles skip by design.
func skippedTier(rep *Report) string {
	for _, r := range rep.Runs {
		if r.Skipped && r.Tier != TierIR && r.Tier != TierIROptimized {
			return fmt.Sprintf("%s skipped a generated module: %s", r.Tier, r.Compile)
		}
	}
	return ""
}

// knownSignatures compiles the signature of every known divergence.
func knownSignatures(f *testing.F) []*regexp.Regexp {
	var res []*regexp.Regexp
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "known", "*.wat"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		c, err := ParseRegression(src)
		if err != nil {
			f.Fatalf("%s: %v", file, err)
		}
		if c.Signature == "" {
			f.Fatalf("%s: a known divergence needs a \";; signature REGEXP\" line", file)
		}
		re, err := regexp.Compile(c.Signature)
		if err != nil {
			f.Fatalf("%s: %v", file, err)
		}
		res = append(res, re)
	}
	return res
}

// regressionFiles returns the .wat files of dir, sorted.
func regressionFiles(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.wat"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// TestRegressions replays every divergence found so far. Files directly
// in testdata/ are fixed and must agree on every tier; files in
// testdata/known/ are divergences not fixed yet: they run, and the test
// reports how many still diverge (and which now agree, to be moved up)
// without failing.
func TestRegressions(t *testing.T) {
	for _, why := range Unavailable() {
		t.Logf("tier not compared on this host: %s", why)
	}
	for _, file := range regressionFiles(t, filepath.Join("..", "testdata")) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			c := loadCase(t, file)
			rep, err := c.Run()
			if err != nil {
				t.Fatalf("%v\n%s", err, rep.Transcript(c.Calls))
			}
			// A fixed regression is compared on every tier this host
			// has: a tier refusing it would pass without checking it.
			if msg := skippedTier(rep); msg != "" {
				t.Fatal(msg)
			}
		})
	}
	known := regressionFiles(t, filepath.Join("..", "testdata", "known"))
	failing := 0
	for _, file := range known {
		c := loadCase(t, file)
		if c.Signature == "" {
			t.Errorf("%s: a known divergence needs a \";; signature REGEXP\" line", file)
		}
		rep, err := c.Run()
		if err == nil {
			if msg := skippedTier(rep); msg != "" {
				err = errors.New(msg)
			}
		}
		if err != nil {
			failing++
			t.Logf("known divergence %s: %v", filepath.Base(file), err)
			if ok, _ := regexp.MatchString(c.Signature, err.Error()); !ok {
				t.Logf("  (its signature %q no longer matches the message)", c.Signature)
			}
		} else {
			t.Logf("known divergence %s no longer diverges: move it to testdata/", filepath.Base(file))
		}
	}
	t.Logf("%d known divergences, %d still diverge", len(known), failing)
}

func loadCase(t *testing.T, file string) Case {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseRegression(src)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return c
}

// TestRegressionFormatRoundTrip: a generated case written as a regression
// file reads back as the same case.
func TestRegressionFormatRoundTrip(t *testing.T) {
	for _, data := range []string{"", "\x01\x02\x03\x04\x05\x06\x07\x08 some input for the generator to chew on"} {
		c, _ := FromInput([]byte(data))
		text, err := FormatRegression(c, "note")
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseRegression([]byte(text))
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		if back.Fuel != c.Fuel || back.NaNClass != c.NaNClass || len(back.Calls) != len(c.Calls) {
			t.Fatalf("directives changed:\n%s", text)
		}
		if _, err := wasm.DecodeAndValidate(back.Binary, wasm.FeaturesAll); err != nil {
			t.Fatalf("module does not read back: %v\n%s", err, text)
		}
	}
}

// TestWriteRegression turns a fuzzer input into a regression file:
//
//	KILN_FUZZ_INPUT=testdata/fuzz/FuzzDifferential/HASH KILN_FUZZ_OUT=../testdata/known/NAME.wat \
//	  go test ./tools/fuzz/diff -run TestWriteRegression
//
// (the input file is the fuzzer's "go test fuzz v1" format or raw bytes).
func TestWriteRegression(t *testing.T) {
	in, out := os.Getenv("KILN_FUZZ_INPUT"), os.Getenv("KILN_FUZZ_OUT")
	if in == "" || out == "" {
		t.Skip("set KILN_FUZZ_INPUT and KILN_FUZZ_OUT to convert a fuzzer input")
	}
	c, _ := FromInput(readInput(t, in))
	note := "agrees on every tier"
	if rep, err := c.Run(); err != nil {
		note = err.Error() + "\n" + rep.Transcript(c.Calls)
	}
	text, err := FormatRegression(c, note)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wat.Parse([]byte(text)); err != nil {
		t.Fatalf("the printed module does not parse back: %v", err)
	}
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %s", out, strings.SplitN(note, "\n", 2)[0])
}

// TestReplayFile runs one regression file and prints every tier's
// transcript, for minimising a divergence by hand:
//
//	KILN_FUZZ_WAT=$PWD/case.wat go test ./tools/fuzz/diff -run TestReplayFile -v
func TestReplayFile(t *testing.T) {
	file := os.Getenv("KILN_FUZZ_WAT")
	if file == "" {
		t.Skip("set KILN_FUZZ_WAT to a regression file")
	}
	c := loadCase(t, file)
	rep, err := c.Run()
	t.Logf("\n%s", rep.Transcript(c.Calls))
	if err != nil {
		t.Fatal(err)
	}
}

// TestMinimize shrinks a regression file by deleting lines (chunks of
// halving size, then single lines) as long as the divergence message
// still contains KILN_FUZZ_MATCH, and writes the result to KILN_FUZZ_OUT:
//
//	KILN_FUZZ_WAT=$PWD/case.wat KILN_FUZZ_MATCH='use of' KILN_FUZZ_OUT=$PWD/min.wat \
//	  go test ./tools/fuzz/diff -run TestMinimize
func TestMinimize(t *testing.T) {
	file, match, out := os.Getenv("KILN_FUZZ_WAT"), os.Getenv("KILN_FUZZ_MATCH"), os.Getenv("KILN_FUZZ_OUT")
	if file == "" || match == "" || out == "" {
		t.Skip("set KILN_FUZZ_WAT, KILN_FUZZ_MATCH and KILN_FUZZ_OUT to minimise a divergence")
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fails := func(lines []string) bool {
		c, err := ParseRegression([]byte(strings.Join(lines, "\n")))
		if err != nil {
			return false
		}
		_, err = c.Run()
		return err != nil && strings.Contains(err.Error(), match)
	}
	lines := strings.Split(string(src), "\n")
	if !fails(lines) {
		t.Fatalf("%s does not fail with %q", file, match)
	}
	for chunk := len(lines) / 2; chunk >= 1; chunk /= 2 {
		for changed := true; changed; {
			changed = false
			for i := 0; i+chunk <= len(lines); {
				cand := append(append([]string{}, lines[:i]...), lines[i+chunk:]...)
				if fails(cand) {
					lines, changed = cand, true
				} else {
					i += chunk
				}
			}
		}
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d lines", len(lines))
}

// TestSweep checks KILN_FUZZ_SWEEP pseudo-random inputs (seeded by
// KILN_FUZZ_SEED, default 0) and groups the divergences by message,
// saving the first input of each group in the temporary directory
// (readable as KILN_FUZZ_INPUT by TestWriteRegression), a way to collect several bugs in one run,
// where the fuzzer stops at the first.
//
//	KILN_FUZZ_SWEEP=20000 go test ./tools/fuzz/diff -run TestSweep -v -timeout 0
func TestSweep(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("KILN_FUZZ_SWEEP"))
	if n <= 0 {
		t.Skip("set KILN_FUZZ_SWEEP to a number of inputs")
	}
	seed, _ := strconv.ParseUint(os.Getenv("KILN_FUZZ_SEED"), 0, 64)
	r := rand.New(rand.NewPCG(seed, 1))
	groups := map[string]int{}
	for i := 0; i < n; i++ {
		data := make([]byte, r.IntN(3000))
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		c, _ := FromInput(data)
		_, err := c.Run()
		if err == nil {
			continue
		}
		// Group by the message with numbers blanked out.
		key := regexp.MustCompile(`0x[0-9a-f]+|\d+`).ReplaceAllString(err.Error(), "N")
		if len(key) > 160 {
			key = key[:160]
		}
		groups[key]++
		if groups[key] == 1 {
			file := filepath.Join(os.TempDir(), fmt.Sprintf("kiln-sweep-%d-%d", seed, i))
			if werr := os.WriteFile(file, data, 0o644); werr != nil {
				t.Fatal(werr)
			}
			t.Logf("input %d (saved as %s, a KILN_FUZZ_INPUT): %v", i, file, err)
		}
	}
	for k, v := range groups {
		t.Logf("%5d × %s", v, k)
	}
}

// readInput reads a fuzzer input: the fuzzer's "go test fuzz v1" corpus
// format, or raw bytes.
func readInput(t *testing.T, file string) []byte {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := strings.CutPrefix(string(raw), "go test fuzz v1\n")
	if !ok {
		return raw
	}
	lit := strings.TrimSpace(rest)
	lit = strings.TrimSuffix(strings.TrimPrefix(lit, "[]byte("), ")")
	s, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return []byte(s)
}

// TestMinimizeInput shrinks a fuzzer input (deleting byte ranges, then
// zeroing bytes: zero is always the generator's simplest choice) while the
// divergence message still contains KILN_FUZZ_MATCH, and writes the
// smallest case as a regression file. It usually gives a much smaller
// module than TestMinimize, which cannot delete functions or blocks:
//
//	KILN_FUZZ_INPUT=testdata/fuzz/FuzzDifferential/HASH KILN_FUZZ_MATCH='never defined' \
//	  KILN_FUZZ_OUT=$PWD/case.wat go test ./tools/fuzz/diff -run TestMinimizeInput
func TestMinimizeInput(t *testing.T) {
	in, match, out := os.Getenv("KILN_FUZZ_INPUT"), os.Getenv("KILN_FUZZ_MATCH"), os.Getenv("KILN_FUZZ_OUT")
	if in == "" || match == "" || out == "" {
		t.Skip("set KILN_FUZZ_INPUT, KILN_FUZZ_MATCH and KILN_FUZZ_OUT to minimise a fuzzer input")
	}
	data := readInput(t, in)
	fails := func(d []byte) bool {
		c, _ := FromInput(d)
		_, err := c.Run()
		return err != nil && strings.Contains(err.Error(), match)
	}
	if !fails(data) {
		t.Fatalf("%s does not fail with %q", in, match)
	}
	for chunk := len(data) / 2; chunk >= 1; chunk /= 2 {
		for i := 0; i+chunk <= len(data); {
			cand := append(append([]byte{}, data[:i]...), data[i+chunk:]...)
			if fails(cand) {
				data = cand
			} else {
				i += chunk
			}
		}
	}
	for i := range data {
		if data[i] == 0 {
			continue
		}
		cand := bytes.Clone(data)
		cand[i] = 0
		if fails(cand) {
			data = cand
		}
	}
	c, _ := FromInput(data)
	rep, err := c.Run()
	note := fmt.Sprintf("minimised input %q\n%v\n%s", data, err, rep.Transcript(c.Calls))
	text, ferr := FormatRegression(c, note)
	if ferr != nil {
		t.Fatal(ferr)
	}
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d input bytes, %d module bytes", len(data), len(c.Binary))
}
