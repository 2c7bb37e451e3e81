;; Divergence found by FuzzDifferential: the optimizing tier without its
;; mid-end fails to compile ("regalloc: block 5: inst 9: use of v11i, which
;; is never defined"); with the mid-end (compile.New() since e967d5c) the
;; function compiles, so the mid-end hides it.
;; Tier at fault: optimizing back end (frontend translation or lowering).
;; Needs: an empty if, then a block whose i32.div_s divisor is computed from
;; a global also read before the if; probably the trap guard of div_s or the
;; i32 boolean of i32.gt_s is lowered (sunk or fused) into a block that does
;; not dominate the use.
;; tiers optimizing-nomidend
;; signature regalloc: .*which is never defined
(module
  (global (mut i32) i32.const 0)
  (func (export "f") (param i32) (result i32)
    global.get 0
    if
    end
    block (result i32)
      local.get 0
      i32.const 0
      global.get 0
      i32.gt_s
      i32.div_s
    end
    drop i32.const 1
  )
)
