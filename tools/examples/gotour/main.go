// Command gotour exercises what a WASI program uses most — arguments,
// environment, files and directories, clocks and the exit status — and
// prints only what is the same on every host, so its output under kiln
// can be compared with a native run:
//
//	GOOS=wasip1 GOARCH=wasm go build -o tour.wasm ./tools/examples/gotour
//	mkdir -p /tmp/t && go run ./tools/cmd/kiln run --dir=/tmp/t --env=PWD=/tmp/t \
//	    --env=GREETING=hi tour.wasm a b
//
// Go's wasip1 port resolves relative paths against $PWD, so the working
// directory is the preopen named by PWD.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
)

func main() {
	fmt.Printf("args: %q\n", os.Args[1:])
	fmt.Printf("GREETING=%q\n", os.Getenv("GREETING"))

	must(os.MkdirAll("tour/sub", 0o755))
	must(os.WriteFile("tour/a.txt", []byte("first line\nsecond line\n"), 0o644))
	f, err := os.OpenFile("tour/a.txt", os.O_APPEND|os.O_WRONLY, 0)
	must(err)
	_, err = f.WriteString("appended\n")
	must(err)
	must(f.Close())
	data, err := os.ReadFile("tour/a.txt")
	must(err)
	fmt.Printf("a.txt: %d lines, last %q\n", strings.Count(string(data), "\n"), lastLine(string(data)))

	must(os.Rename("tour/a.txt", "tour/sub/b.txt"))
	fi, err := os.Stat("tour/sub/b.txt")
	must(err)
	fmt.Printf("b.txt: size %d, regular %v\n", fi.Size(), fi.Mode().IsRegular())
	if _, err := os.Stat("tour/a.txt"); os.IsNotExist(err) {
		fmt.Println("a.txt: gone after rename")
	}
	must(os.Symlink("sub/b.txt", "tour/link"))
	target, err := os.Readlink("tour/link")
	must(err)
	fmt.Printf("link -> %s\n", target)

	entries, err := os.ReadDir("tour")
	must(err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	fmt.Printf("tour/: %v\n", names)

	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Printf("slept at least 20ms: %v\n", elapsed >= 20*time.Millisecond)
	fmt.Printf("wall clock after 2020: %v\n", time.Now().Year() > 2020)

	must(os.RemoveAll("tour"))
	if _, err := os.Stat("tour"); os.IsNotExist(err) {
		fmt.Println("cleaned up")
	}
	if len(os.Args) > 1 && os.Args[1] == "fail" {
		os.Exit(3)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
