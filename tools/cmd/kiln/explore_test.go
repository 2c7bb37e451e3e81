package main

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExplore checks the page's structure: it is well-formed markup, has
// a section per defined function with the wasm operators, both IR
// listings and both tiers' code, and machine instructions link to wasm
// operators that exist.
func TestExplore(t *testing.T) {
	src := writeFile(t, "m.wat", compareModule)
	out := filepath.Join(t.TempDir(), "m.html")
	if code, _, stderr := kilnCmd("explore", src, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	checkWellFormed(t, page)
	for _, fn := range []struct{ id, label string }{{"f1", "$square"}, {"f2", "$sum"}, {"f3", `&#34;anon&#34;`}} {
		i := strings.Index(page, `<section id="`+fn.id+`"`)
		if i < 0 {
			t.Errorf("no section for %s", fn.label)
			continue
		}
		sec := page[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		for _, want := range []string{fn.label, "<h3>wasm", "<h3>optimizing IR", "as translated, before the mid-end",
			"<h3>baseline", "<h3>optimizing <span", "function u0:"} {
			if !strings.Contains(sec, want) {
				t.Errorf("%s: section lacks %q", fn.label, want)
			}
		}
	}
	if !strings.Contains(page, "i32.mul") || !strings.Contains(page, "imul") {
		t.Errorf("page lacks the wasm operator or the machine instruction of $square")
	}
	// IR instructions carry their wasm offsets as links too.
	if !regexp.MustCompile(`<a href="#f2-w[0-9a-f]+"><span class="a">@[0-9a-f]+</span>`).MatchString(page) {
		t.Error("no IR instruction of $sum links to a wasm offset")
	}
	// Every link from a machine instruction names a wasm operator's row.
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="(f\d+-w[0-9a-f]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]] = true
	}
	links := regexp.MustCompile(`href="#(f\d+-w[0-9a-f]+)"`).FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Error("no machine instruction links to a wasm offset")
	}
	for _, l := range links {
		if !ids[l[1]] {
			t.Errorf("link to #%s, which no wasm operator row has", l[1])
		}
	}
}

// checkWellFormed parses the page as XML (the template writes XHTML-
// compatible markup apart from the doctype), which catches unbalanced
// tags.
func checkWellFormed(t *testing.T, page string) {
	t.Helper()
	body := strings.TrimPrefix(page, "<!DOCTYPE html>\n")
	d := xml.NewDecoder(strings.NewReader(body))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("page is not well-formed: %v", err)
		}
	}
}

func TestExploreErrors(t *testing.T) {
	src := writeFile(t, "m.wat", compareModule)
	if code, _, stderr := kilnCmd("explore", src, "--func=nosuch", "-o", filepath.Join(t.TempDir(), "x.html")); code != 1 || !strings.Contains(stderr, "no defined function") {
		t.Errorf("--func=nosuch: exit %d, %q", code, stderr)
	}
	if code, _, stderr := kilnCmd("explore", src, "-o", filepath.Join(t.TempDir(), "no", "dir", "x.html")); code != 1 || stderr == "" {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
	if code, _, _ := kilnCmd("explore"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	// --func and the default output name.
	code, _, stderr := kilnCmd("explore", "--func=sq", src)
	b, err := os.ReadFile(strings.TrimSuffix(src, ".wat") + ".html")
	if code != 0 || err != nil || !strings.Contains(string(b), `id="f1"`) || strings.Contains(string(b), `id="f2"`) {
		t.Errorf("--func=sq: exit %d, %s, %v", code, stderr, err)
	}
}
