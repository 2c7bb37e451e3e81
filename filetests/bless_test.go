package filetests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBless rewrites a stale expectation block in a scratch copy and
// checks that the rewritten file passes, that prose (`;;`) and the other
// functions are kept, and that a second bless changes nothing.
func TestBless(t *testing.T) {
	const src = `test cat precise-output

function %a() -> i32 {
block0:
    v0 = iconst.i32 1
    return v0
}
;; Prose about %a stays.
; function %a() -> i32 fast {
; stale line
; }

function %b() {
block0:
    return
}
; function %b() fast {
; block0:
;     return
; }
`
	path := filepath.Join(t.TempDir(), "bless.clif")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if rs := RunFile(path, Options{}); len(rs) != 1 || rs[0].Status != Failed {
		t.Fatalf("stale expectation should fail first: %+v", rs)
	}
	if rs := RunFile(path, Options{Bless: true}); len(rs) != 1 || rs[0].Status != Passed {
		t.Fatalf("bless run: %+v", rs)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(src, `}
;; Prose about %a stays.
; function %a() -> i32 fast {
; stale line
; }
`, `}
; function %a() -> i32 fast {
; block0:
;     v0 = iconst.i32 1
;     return v0  ; v0 = 1
; }
;; Prose about %a stays.
`, 1)
	if string(got) != want {
		t.Errorf("blessed file:\n%s\nwant:\n%s", got, want)
	}
	if rs := RunFile(path, Options{}); len(rs) != 1 || rs[0].Status != Passed {
		t.Fatalf("after bless: %+v", rs)
	}
	if rs := RunFile(path, Options{Bless: true}); len(rs) != 1 || rs[0].Status != Passed {
		t.Fatalf("second bless: %+v", rs)
	}
	again, _ := os.ReadFile(path)
	if string(again) != string(got) {
		t.Errorf("second bless changed the file:\n%s", again)
	}
}
