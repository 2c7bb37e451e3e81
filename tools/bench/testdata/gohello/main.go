// Command gohello is the Go hello world whose start-up and run the
// benchmarks time on each engine (built with GOOS=wasip1 GOARCH=wasm).
package main

import "fmt"

func main() { fmt.Println("hello, world") }
