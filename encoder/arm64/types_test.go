package arm64

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRegisterTypes checks the claim that the zero register and the stack
// pointer cannot be confused at compile time: each snippet is compiled into
// the package through a go build -overlay, and must fail (or succeed) to
// type-check.
func TestRegisterTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package several times")
	}
	gotool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gotool); err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code string
		ok   bool
	}{
		{"AddImm(SP, X1, 16)", true},
		{"Add(XZR, X1, X2)", true},
		{"Ldr(X0, Off(SP, 8))", true},
		{"AddImm(XZR, X1, 16)", false}, // XZR is not a stack-pointer operand
		{"Ldr(X0, Off(XZR, 8))", false},
		{"Add(SP, X1, X2)", false}, // SP is not a zero-register operand
		{"Mov(X0, SP)", false},
		{"Cmp(SP, X1)", false},
		{"Str(SP, Off(SP, 0))", false},
	} {
		dir := t.TempDir()
		src := filepath.Join(dir, "snippet.go")
		body := "package arm64\n\nfunc _() { _, _ = " + c.code + " }\n"
		if err := os.WriteFile(src, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ovl, _ := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(wd, "zz_snippet.go"): src}})
		ovlFile := filepath.Join(dir, "overlay.json")
		if err := os.WriteFile(ovlFile, ovl, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(gotool, "build", "-overlay", ovlFile, ".")
		cmd.Dir = wd
		out, err := cmd.CombinedOutput()
		if c.ok && err != nil {
			t.Errorf("%s should compile: %s", c.code, out)
		}
		if !c.ok && (err == nil || !strings.Contains(string(out), "cannot use")) {
			t.Errorf("%s should be a type error, got %v: %s", c.code, err, out)
		}
	}
}
