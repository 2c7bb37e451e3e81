//go:build !unix

package regalloc

func cpuNanos() int64 { return 0 }
