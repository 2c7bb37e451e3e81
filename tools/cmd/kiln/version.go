package main

import (
	"fmt"
	"io"
	"runtime"
)

func init() {
	register("version", command{
		summary: "print kiln's version and host",
		run: func(args []string, stdout, stderr io.Writer) int {
			fmt.Fprintf(stdout, "kiln (development) %s/%s %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version())
			return 0
		},
	})
}
