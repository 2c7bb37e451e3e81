;; A tail call needing more stack-argument space than the caller received
;; (isa/amd64/tailgrow.go): $f (no stack parameters) tail-calls $g (two).
;; Before its frame, $f's prologue checks whether its return address is a
;; shim with room enough; if not it checks the stack limit for the growth,
;; moves the return address down, records the old SP and points the new
;; return address at its shim, which copies stack results back and
;; returns from the old SP.
(module
  (func $g (param i64 i64 i64 i64 i64 i64) (result i64)
    (i64.add (local.get 4) (local.get 5)))
  (func $f (param i64) (result i64)
    (return_call $g (local.get 0) (local.get 0) (local.get 0) (local.get 0) (local.get 0) (local.get 0))))
