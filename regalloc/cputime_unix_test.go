//go:build unix

package regalloc

import "syscall"

// cpuNanos is the process's user+system CPU time. Benchmarks report it
// beside wall time because the machines they run on are often shared.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
