package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkC/fib/kiln-optimizing-2   	 10	 4000000 ns/op	 3000000 cpu-ns/op
BenchmarkC/fib/kiln-optimizing-2   	 10	 6000000 ns/op	 5000000 cpu-ns/op
BenchmarkC/fib/kiln-optimizing-2   	 10	 9000000 ns/op	 9000000 cpu-ns/op
BenchmarkC/fib/native-gcc-2        	 10	 2000000 ns/op	 2000000 cpu-ns/op
BenchmarkCompileStrconv/kiln-baseline      	 1	 100 ns/op	 30.00 MB/s	 25.00 cpu-MB/s
BenchmarkCompileStrconv/wazero-compiler    	 1	 100 ns/op	 5.00 MB/s	 5.00 cpu-MB/s
BenchmarkCompileStrconv/kiln-baseline-2    	 1	 100 ns/op	 50.00 MB/s	 25.00 cpu-MB/s
BenchmarkCompileStrconv/wazero-compiler-2  	 1	 100 ns/op	 10.00 MB/s	 5.00 cpu-MB/s
`

func TestTables(t *testing.T) {
	groups, header := parse(strings.NewReader(sample))
	if len(groups) != 2 || len(header) != 1 {
		t.Fatalf("%d groups, header %q", len(groups), header)
	}
	var out bytes.Buffer
	for _, g := range groups {
		print(&out, g, "cpu")
	}
	for _, want := range []string{
		"| fib              | 5.00 | 2.00 |", // median of 3, 5, 9 ms
		"| fib              | 2.50 |",        // optimizing / native
		"| 1 cpu            | 5.00 |",        // cpu-MB/s ratio
		"| 2 cpu            | 5.00 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	print(&out, groups[1], "wall")
	if !strings.Contains(out.String(), "| 2 cpu            | 5.00 |") || !strings.Contains(out.String(), "| 1 cpu            | 6.00 |") {
		t.Errorf("wall MB/s ratios wrong:\n%s", out.String())
	}
}
