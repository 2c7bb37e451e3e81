package ir

import (
	"os"
	"testing"
)

func TestDumpFile(t *testing.T) {
	path := os.Getenv("CLIF_DUMP")
	if path == "" {
		t.Skip("set CLIF_DUMP=file.clif to print its functions")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(path, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, ff := range f.Functions {
		t.Log("\n" + ff.Func.String())
	}
}
