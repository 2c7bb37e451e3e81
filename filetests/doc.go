// Package filetests runs kiln's test files: CLIF files with `test
// verifier`, `test cat`, `test interpret`, `test optimize`, `test compile`
// and `test run` lines, in the format of Cranelift's filetests so the
// upstream corpora run unchanged. The .wast spec-script runner lives in
// the wast subpackage.
//
// # Model
//
// A file is parsed once (ir.ParseFile: test, set and target lines, then
// functions with their comments and the lines their entities are written
// on). Each `test` line names a Command from a registry. A command either
// runs once per file (verifier, cat, interpret) or once per `target` line
// (compile, optimize, run); each such (file, command, target) is one
// Result, passed, failed or skipped, so counts are comparable across
// tiers and hosts. Failures carry a line and print as
// `file:line: test CMD: message`; a run ends with the skip reasons and
// their counts, then `N passed, N failed, N skipped`.
//
// Commands:
//   - verifier: each `; error: TEXT` comment belongs to the entity written
//     before it (Cranelift's attachment rule: the function line, a
//     preamble declaration, a block header or an instruction). Every
//     expectation must be met by a verifier error at that entity whose
//     message contains TEXT, and every error must be expected. Preamble
//     declaration lines are found in the text, since the parser records
//     only block and instruction lines.
//   - cat: the printed function is checked with the function's and the
//     preamble's filecheck directives; `test cat precise-output` (a kiln
//     extension) compares it with the expectation block instead.
//   - interpret: all functions go into one ir/interp.Interpreter; each
//     `; run:` line calls the function it names and compares bitwise (==
//     or !=); `; print:` lines print; a trap is a failure.
//   - domtree: `; dominates: blockA blockB` on an instruction states that
//     its block is their immediate dominator (package flow's tree); every
//     reachable non-entry block must be stated, and filecheck directives
//     run against the CFG postorder and the tree's preorder.
//   - compile, optimize, run: placeholders until a compiler registers
//     itself with Register. They verify the functions (upstream verifies
//     before compiling) and skip with "no optimizing tier yet"; `run`
//     first skips targets the host cannot execute (another architecture,
//     or a Pulley variant of another width or byte order).
//
// Other kinds of test file plug in by extension with RegisterFileKind
// (the baseline tier's .wat filetests): Collect then picks them up below
// folders and RunFile hands them to their runner, counted like the rest.
//
// Every command except verifier and cat verifies the functions first;
// target-independent commands verify without a target, per-target ones
// with the target's pointer width.
//
// # Filecheck
//
// Checker implements check, sameln, nextln, not, unordered and regex
// directives. Patterns are literal text matched at word boundaries; $NAME
// substitutes a variable (as a regex if `regex:` defined it, as the
// matched text if a pattern did); $(NAME=RE) defines one. not: patterns
// must not match between the surrounding positive matches; unordered:
// runs match in any order, without overlapping, between the previous and
// the next ordered match.
//
// # Precise output
//
// The expectation of a function is every comment of the function not
// starting with `;;`, one leading space stripped, compared line for line.
// With Options.Bless (`go test -update`, KILN_TEST_BLESS=1, `kiln test
// --bless`) a mismatch rewrites the block in place: the expectation lines
// after the function's closing brace are replaced by the new output, prose
// (`;;`) and the rest of the file are kept. Expectations are never edited
// by hand.
//
// # Concurrency
//
// Files run in parallel (Options.Jobs, default GOMAXPROCS); results are
// collected per file and reported in file order, so output is
// deterministic. A panic inside a command is caught and reported as a
// failure of that result, so one broken file cannot stop a corpus run.
//
// # Known gaps
//
// No compiler commands yet (placeholders above); `alias-analysis`,
// `print-cfg`, `inline`, `safepoint` and `unwind` are skipped
// as unsupported; no .wat file kind is registered yet; `set`
// lines are parsed but do not change anything the runner does.
package filetests
