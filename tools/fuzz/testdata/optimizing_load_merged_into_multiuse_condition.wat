;; Divergence found by FuzzDifferential (fixed in 58a5379): the optimizing
;; tier without its mid-end failed to compile ("regalloc: block 5: inst 9:
;; use of v11i, which is never defined").
;; Tier at fault: optimizing back end (isa/amd64 condOf). trapz of
;; uextend(icmp sgt 0, (load global)) merged the load into the compare
;; ("cmp r, [mem]") because the icmp had one use, the uextend; but the
;; uextend also feeds i32.div_s's overflow check and the division, so the
;; compare was materialised again and needed the load, which a merged load
;; never defines. The empty if only moves the code into a block of its own.
;; tiers baseline,optimizing,optimizing-nomidend
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
