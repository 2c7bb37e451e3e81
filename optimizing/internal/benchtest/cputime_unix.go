//go:build unix

package benchtest

import (
	"syscall"
	"time"
)

// CPUTime is the user+system CPU time of this process so far, the
// garbage collector's work on other threads included.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
