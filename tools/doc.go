// Package tools holds kiln's command-line tools and code generators: the
// `kiln` command (tools/cmd/kiln), generators run by go:generate, benchmark
// programs (tools/bench) and example guests (tools/examples).
package tools
