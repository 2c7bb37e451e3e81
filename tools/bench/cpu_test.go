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

// startTimed starts a benchmark's timed loop, written `for range b.N`
// rather than `for b.Loop()`: with b.Loop (Go 1.26) a benchmark does all
// its iterations in the first call of its function, before the testing
// package applies -cpu, so `-cpu 1,2` measured every row at the default
// GOMAXPROCS and the "1 core" rows of earlier reports were not one core.
// With b.N the first call runs one untimed iteration, and the measured
// call runs at each -cpu value. It resets the timer so the setup before
// the loop (compiling, instantiating) is not counted.
func startTimed(b *testing.B) cpuMeter {
	b.ResetTimer()
	return startCPU()
}

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
