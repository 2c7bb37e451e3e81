;; Divergence found by FuzzDifferential: the optimizing tier fails to compile
;; ("regalloc: block 5: inst 9: use of v11i, which is never defined").
;; Tier at fault: optimizing. Needs: an empty if before a block whose
;; i32.div_s has a divisor computed from the same global; probably the
;; mid-end (GVN of the two global.get + elaboration) places a value in a
;; block that does not dominate its use.
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
