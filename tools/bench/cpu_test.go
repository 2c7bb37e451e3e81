package bench

import (
	"testing"
	"time"
)

// On a shared machine a benchmark's wall time counts the time other
// processes held the cores, so every benchmark here also reports the CPU
// time it used: cpu-ns/op (and, for compiles, cpu-MB/s). For in-process
// engines it is this process's CPU time over the timed loop, which
// includes the Go runtime's work (GC) on other threads; for the
// out-of-process peers it is what the peer's own process clock measured.
// CPU time is the steadier number under load; both are reported.

// cpuMeter measures process CPU time across a benchmark's timed loop.
type cpuMeter struct{ start time.Duration }

func startCPU() cpuMeter { return cpuMeter{processCPU()} }

// report adds cpu-ns/op, and cpu-MB/s when bytes (per op) is non-zero.
func (m cpuMeter) report(b *testing.B, bytes int64) {
	cpu := processCPU() - m.start
	if cpu <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}
