// Command gohello is the Go hello world for WASI preview1:
//
//	GOOS=wasip1 GOARCH=wasm go build -o hello.wasm ./tools/examples/gohello
//	go run ./tools/cmd/kiln run hello.wasm
package main

import "fmt"

func main() {
	fmt.Println("Hello from Go on kiln!")
}
