//go:build linux || darwin || freebsd || openbsd

package wasi

import "golang.org/x/sys/unix"

// processCPUTime is the CPU time of the whole process (every goroutine:
// the guest shares its process with the embedder).
func processCPUTime() uint64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return uint64(ts.Nano())
}
