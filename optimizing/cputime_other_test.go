//go:build !unix

package optimizing

import "time"

// cpuTime is not measured here; the benchmark reports zero CPU time.
func cpuTime() time.Duration { return 0 }
