package wasm

import (
	"strings"
	"testing"
)

// specPhrases are the failure reasons the spec test suite's binary
// assert_malformed and assert_invalid directives expect (grepped from
// core/*.wast, proposals/threads/*.wast and legacy/*.wast). Harnesses
// match them as substrings of our messages, so each must be produced by at
// least one case of the malformed or invalid tables, which assert it.
var specPhrases = []string{
	"unexpected end",
	"unexpected end of section or function",
	"magic header not detected",
	"unknown binary version",
	"integer too large",
	"integer representation too long",
	"malformed section id",
	"section size mismatch",
	"length out of bounds",
	"too many locals",
	"malformed UTF-8 encoding",
	"unexpected content after last section",
	"function and code section have inconsistent lengths",
	"data count and data section have inconsistent lengths",
	"data count section required",
	"malformed limits flags",
	"malformed import kind",
	"malformed mutability",
	"malformed memop flags",
	"malformed reference type",
	"END opcode expected",
	"illegal opcode",
	"type mismatch",
	"type mismatch: instruction requires [i32] but stack has []",
	"type mismatch: instruction requires [i32] but stack has [i64]",
	"type mismatch: block requires [] but stack has [i32]",
	"alignment must not be larger than natural",
	"unknown memory",
	"unknown memory 0",
	"unknown memory 1",
	"invalid lane index",
	"unknown type",
	"duplicate export name",
	"constant expression required",
	"sub type",
	"unknown local",
	"unknown global",
	"unknown global 1",
	"memory size",
	"memory size must be at most 65536 pages (4GiB)",
	"unknown label",
	"unknown table",
	"unknown table 0",
	"unknown function",
	"unknown function 0",
	"unknown function 7",
	"size minimum must not be greater than maximum",
	"immutable array",
	"immutable field",
	"uninitialized local",
	"multiple memories",
	"multiple tables",
	"unknown data segment",
	"unknown data segment 1",
	"unknown elem segment 4",
	"array types do not match",
	"array type is not numeric or vector",
	"invalid rethrow label",
	"global is immutable",
	"undeclared function reference",
	"invalid result arity",
	"start function",
	"non-empty tag result type",
	"unknown tag 0",
	"offset out of range",
	"shared memory must have maximum",
}

func TestSpecPhrasesCovered(t *testing.T) {
	var produced []string
	for _, c := range malformedCases() {
		produced = append(produced, c.want)
	}
	for _, c := range invalidCases() {
		produced = append(produced, c.want)
	}
	for _, phrase := range specPhrases {
		found := false
		for _, p := range produced {
			if strings.Contains(p, phrase) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no test case produces %q", phrase)
		}
	}
}
