// Package rules holds the mid-end's rewrite rules: *.rules files by topic,
// written in a small s-expression language (see tools/rulegen for the
// grammar, README.md for the law every rule obeys), compiled by
// tools/rulegen into *_gen.go — one Go function per root opcode per file —
// and registered into the table that All returns for egraph.Run.
//
// Topics: cprop (constant folding), arithmetic (identities, constant
// reassociation for address arithmetic, strength reduction), bitops,
// shifts, icmp, selects, extends, divrem (trapping division, folded only
// when it cannot trap; division by a constant becomes a multiply-high and
// shifts with the magic reciprocals of divmagic.go). rules.go holds the helpers guards and right-hand
// sides call (mask, sext, shamt, icmp, ...), with the semantics of wasm and
// CLIF integer arithmetic: wrapping at the type's width, shift amounts
// modulo the width.
//
// Run `go generate` here after editing a .rules file; CI checks that the
// generated files are up to date.
package rules
