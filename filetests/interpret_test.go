package filetests

import "testing"

// TestUpstreamRuntestsInterpret is the "done when": every
// `test interpret` of cranelift-runtests passes in the IR interpreter.
func TestUpstreamRuntestsInterpret(t *testing.T) {
	dir := upstream(t, "cranelift-runtests")
	rep := run(t, Options{Only: []string{"interpret"}}, dir)
	failures(t, rep)
	p, f, s := rep.Counts()
	t.Logf("interpret: %d passed, %d failed, %d skipped", p, f, s)
}
