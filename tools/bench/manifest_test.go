package bench

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestManifest checks that kernels.txt, the list `kiln bench` reads (the
// kiln command must not import this module), matches the tables here.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("kernels.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			got = append(got, strings.Join(f, " "))
		}
	}
	var want []string
	for _, k := range kernels {
		want = append(want, fmt.Sprintf("kernels/%s.wat run %d %d", k.name, k.arg, k.want))
	}
	for _, k := range cKernels {
		want = append(want, fmt.Sprintf("c/%s.wasm run %d %d", k.name, k.benchArg, k.benchSum))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("kernels.txt lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
