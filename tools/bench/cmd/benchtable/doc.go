// Command benchtable prints the tools/bench benchmark results as tables of
// medians and kiln-to-peer ratios; see main.go for the usage.
package main
