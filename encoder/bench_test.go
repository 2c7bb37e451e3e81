package encoder

import "testing"

// BenchmarkBufferBranches measures the buffer's per-branch bookkeeping:
// a forward conditional branch, a fallthrough jump the peephole deletes,
// a bind, and resolution at Finish, for a 1000-branch function.
func BenchmarkBufferBranches(b *testing.B) {
	buf := NewBuffer(fakeISA)
	n := 0
	for b.Loop() {
		buf.Reset()
		for i := 0; i < 1000; i++ {
			l, next := buf.NewLabel(), buf.NewLabel()
			jcc(buf, l)
			buf.PutBytes([]byte{0x90, 0x90, 0x90, 0x90})
			jmp(buf, next) // deleted by the peephole
			buf.Bind(next)
			buf.Bind(l)
		}
		if _, err := buf.Finish(); err != nil {
			b.Fatal(err)
		}
		n += 1000
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "branches/s")
}
