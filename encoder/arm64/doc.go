// Package arm64 encodes AArch64 (A64) instructions for kiln's compiler tiers.
//
// The design essay is being written; see table.go for the encoding table
// and args.go for operand kinds.
package arm64
