package wat

import (
	"os"
	"path/filepath"
	"testing"
)

// benchModules collects the text modules of a few large core scripts.
func benchModules(b *testing.B) ([]*Node, int) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			b.Skip("go.work not found")
		}
		dir = filepath.Dir(dir)
	}
	var mods []*Node
	size := 0
	for _, name := range []string{"float_exprs.wast", "simd_lane.wast", "br_table.wast", "memory_copy.wast", "gc/array.wast", "array.wast"} {
		src, err := os.ReadFile(filepath.Join(dir, "..", "shared", "upstream", "spec-testsuite", "core", name))
		if err != nil {
			continue
		}
		nodes, err := ReadAll(src)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range nodes {
			if n.IsList("module") && len(n.Kids) > 1 && n.Kids[1].Kind == List {
				if _, err := EncodeModule(n); err == nil {
					mods = append(mods, n)
					size += n.End - n.Start
				}
			}
		}
	}
	if len(mods) == 0 {
		b.Skip("spec test suite not found")
	}
	return mods, size
}

// BenchmarkEncode measures the encoder on already read trees.
func BenchmarkEncode(b *testing.B) {
	mods, size := benchModules(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range mods {
			EncodeModule(n)
		}
	}
}

// BenchmarkReadAll measures the lexer and tree builder.
func BenchmarkReadAll(b *testing.B) {
	src, err := os.ReadFile("../../../../shared/upstream/spec-testsuite/core/float_exprs.wast")
	if err != nil {
		b.Skip("spec test suite not found")
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadAll(src); err != nil {
			b.Fatal(err)
		}
	}
}
