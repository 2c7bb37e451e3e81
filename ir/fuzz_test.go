package ir

import (
	"os"
	"testing"
)

func addCorpusSeeds(f *testing.F) {
	f.Add([]byte("function %f(i32) -> i32 {\nblock0(v0: i32):\n    return v0\n}\n"))
	f.Add([]byte("test run\nset opt_level=speed\ntarget x86_64\nfunction %f() {\nblock0:\n    v1 = iconst.i8 -1\n    trap user1\n}\n; run: %f()\n"))
	for _, path := range corpusFiles(f) {
		src, err := os.ReadFile(path)
		if err == nil && len(src) < 8192 {
			f.Add(src)
		}
	}
}

// FuzzParseFile: arbitrary text never panics the parser or the printer,
// and run-command parsing of every comment never panics either.
func FuzzParseFile(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ParseFile("fuzz", src)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, ff := range file.Functions {
			_ = ff.Func.String()
			for _, c := range ff.Comments {
				ParseRunCommand(c.Text, &ff.Func.Signature)
			}
		}
	})
}

// FuzzRoundTrip: whatever parses prints to text that parses again and
// prints identically (print∘parse is idempotent).
func FuzzRoundTrip(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := ParseFile("fuzz", src)
		if err != nil {
			return
		}
		for _, ff := range file.Functions {
			text1 := ff.Func.String()
			file2, err := ParseFile("printed", []byte(text1))
			if err != nil {
				t.Fatalf("printed function does not parse: %v\n%s", err, text1)
			}
			if len(file2.Functions) != 1 {
				t.Fatalf("printed function parsed as %d functions\n%s", len(file2.Functions), text1)
			}
			if text2 := file2.Functions[0].Func.String(); text2 != text1 {
				t.Fatalf("not stable:\n%s\nthen\n%s", text1, text2)
			}
		}
	})
}

// BenchmarkParseCorpus measures parse throughput over both corpora.
func BenchmarkParseCorpus(b *testing.B) {
	var srcs [][]byte
	var total int64
	for _, path := range corpusFiles(b) {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range srcs {
			ParseFile("bench", src)
		}
	}
}

// BenchmarkPrintCorpus measures printing of every parsed corpus function.
func BenchmarkPrintCorpus(b *testing.B) {
	var funcs []*Function
	for _, path := range corpusFiles(b) {
		src, _ := os.ReadFile(path)
		if file, err := ParseFile(path, src); err == nil {
			for _, ff := range file.Functions {
				funcs = append(funcs, ff.Func)
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range funcs {
			_ = f.String()
		}
	}
}
