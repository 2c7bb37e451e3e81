//go:build !(linux || darwin || freebsd || openbsd)

package wasi

import "time"

var processStart = time.Now()

// processCPUTime falls back to wall time since the package was loaded
// where no portable CPU clock exists (a known gap, e.g. Windows).
func processCPUTime() uint64 { return uint64(time.Since(processStart)) }
