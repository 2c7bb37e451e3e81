//go:build !(amd64 || arm64)

package jit

import "runtime"

// No test programs: there is no JIT here (Supported is false) and every
// execution test skips.
const testArch = runtime.GOARCH

var progs = map[string]progBuilder{}
