package wasm

import "testing"

func TestParseFeatures(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Features
		ok   bool
	}{
		{"all", FeaturesAll, true},
		{"2.0,threads", Features2_0 | Threads, true},
		{"all,-threads,-legacy-exceptions", Features3_0, true},
		{FeaturesAll.String(), FeaturesAll, true},
		{"", 0, true},
		{"simd,bogus", 0, false},
	} {
		got, err := ParseFeatures(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("ParseFeatures(%q) = %v, %v; want %v (ok=%v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
