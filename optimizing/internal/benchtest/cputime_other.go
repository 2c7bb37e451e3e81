//go:build !unix

package benchtest

import "time"

// CPUTime is not measured on this platform: benchmarks report zero CPU
// time.
func CPUTime() time.Duration { return 0 }
