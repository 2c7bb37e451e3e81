package ir

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// upstreamDir finds ../shared/upstream relative to the directory holding
// go.work, or skips the test.
func upstreamDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			up := filepath.Join(dir, "..", "shared", "upstream")
			if _, err := os.Stat(up); err != nil {
				t.Skipf("upstream corpora not found at %s", up)
			}
			return up
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.work not found above the test directory; upstream corpora unavailable")
		}
		dir = parent
	}
}

// corpusFiles lists every .clif file of the two Cranelift corpora.
func corpusFiles(t testing.TB) []string {
	up := upstreamDir(t)
	var files []string
	for _, sub := range []string{"cranelift-runtests", "cranelift-filetests"} {
		filepath.WalkDir(filepath.Join(up, sub), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".clif") {
				files = append(files, path)
			}
			return nil
		})
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no .clif files in the upstream corpora")
	}
	return files
}

// expectedParseFailures are corpus files that do not parse, with the reason.
var expectedParseFailures = map[string]string{}

func TestCorpusRoundTrip(t *testing.T) {
	files := corpusFiles(t)
	var nFiles, nFuncs, nFailed, nExpected int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		file, err := ParseFile(base, src)
		if err != nil {
			if want, ok := expectedParseFailures[base]; ok && strings.Contains(err.Error(), want) {
				nExpected++
				continue
			}
			t.Errorf("parse: %v", err)
			nFailed++
			continue
		}
		nFiles++
		for _, ff := range file.Functions {
			nFuncs++
			text1 := ff.Func.String()
			file2, err := ParseFile(base+" (printed)", []byte(text1))
			if err != nil {
				t.Errorf("%s: reparse of printed %s: %v\n%s", base, ff.Func.Name, err, text1)
				continue
			}
			if len(file2.Functions) != 1 {
				t.Errorf("%s: printed %s reparsed to %d functions", base, ff.Func.Name, len(file2.Functions))
				continue
			}
			text2 := file2.Functions[0].Func.String()
			if text1 != text2 {
				t.Errorf("%s: %s not stable:\nfirst:\n%s\nsecond:\n%s", base, ff.Func.Name, text1, text2)
			}
		}
	}
	t.Logf("round trip: %d of %d files parsed, %d functions printed, re-parsed and re-printed identically; %d files failed as expected (listed), %d failed unexpectedly", nFiles, len(files), nFuncs, nExpected, nFailed)
}
