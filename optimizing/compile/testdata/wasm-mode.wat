;; Wasm-mode sequences of the amd64 back end: the prologue's stack check and
;; VM context slot, the preemption check at entry and at a loop header with
;; its out-of-line slow path, bounds-checked memory access with a shared
;; trap exit, a division's traps, a memory.grow exit and a direct call.
(module
  (memory 1)
  (func $f (param i32) (result i32)
    (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (i32.load (local.get 0))))
      (local.set 0 (i32.sub (local.get 0) (i32.const 4)))
      (br_if $l (local.get 0)))
    (i32.div_s (local.get 1) (memory.grow (i32.const 1))))
  (func (param i32) (result i32) (call $f (local.get 0))))
