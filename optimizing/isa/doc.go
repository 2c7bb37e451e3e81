// Package isa maps a CLIF target (an architecture name and its flags) to
// the optimizing tier's back end for it. Only x86_64 exists so far.
package isa
