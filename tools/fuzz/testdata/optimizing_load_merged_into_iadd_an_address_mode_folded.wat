;; Divergence found by TestSweep (fixed in 1b2409b): the optimizing tier
;; (mid-end on, as the kiln command wires it) failed to compile a valid
;; module: "regalloc: block 7: inst 47: use of v30i, which is never
;; defined". The IR was fine (verifier, and the IR oracle agreed).
;; Tier at fault: optimizing back end (optimizing/lower SinkableLoad with
;; isa/amd64 amodeOf). The heap address v86 = iadd(load [vmctx+16], index)
;; is used by a store in its block and by an access in a later block. The
;; store, lowered first, folded the iadd into its address mode and read
;; the load v85 directly; the iadd, still needed by the later block, then
;; merged v85 as a memory operand ("add r, [vmctx+16]") because v85 had one
;; IR use, so v85 never got a register definition.
;; tiers baseline,optimizing,optimizing-nomidend
(module
  (type (func (param f32 f64 f64)))
  (type (func (param i32) (result i32)))
  (type (func (param f64) (result i32 f64 f32)))
  (memory 1 2)
  (global (mut i32) i32.const 60)
  (global (mut f32) f32.const nan:0x200000)
  (global (mut i32) i32.const 0)
  (global (mut f64) f64.const 0x0p+00)
  (export "f0" (func 0))
  (func (type 0) (param f32 f64 f64)
    (local f32)
    (local f64 f64)
    (local i32 i32 i32)
    (local f32 f32)
    (local f64)
    global.get 0
    global.set 0
    f32.const 0x0p+00
    i64.trunc_sat_f32_u
    f64.convert_i64_s
    f64.const inf
    f64.const nan:0x8000000000000
    local.get 4
    local.get 4
    f64.eq
    select
    global.get 3
    f64.const nan:0x8000000000000
    local.get 4
    local.get 4
    f64.eq
    select
    f64.max
    f64.const nan:0x8000000000000
    local.get 4
    local.get 4
    f64.eq
    select
    f64.div
    f64.const nan:0x8000000000000
    local.get 4
    f64.ge
    if (type 2) (param f64) (result i32 f64 f32)
      drop
      i32.const 0
      f64.const 0
      f32.const 0
    else
      local.set 11
      i32.const 65533
      f32.load align=2
      i64.const 1
      i64.const 1
      i64.rem_u
      f64.convert_i64_s
      i32.const 65530
      i64.load offset=4294967294 align=1
      f64.convert_i64_s
      call 0
      local.get 8
      global.get 2
      f64.const nan:0x4000000000000
      i32.trunc_f64_s
      select
      if (result i64)
        global.get 0
        i64.const 9223372036854775807
        i64.store align=2
        global.get 2
        global.get 0
        i32.ge_u
        if
          i32.const 32
          if (result i64)
            i64.const 64
          else
            i64.const 2147483647
          end
          drop
          global.get 0
          global.get 0
          i32.store8 offset=4294967293
        end
        i64.const 2
      else
        i64.const 5261846514258841827
      end
      drop
      global.get 2
      global.get 3
      local.get 3
    end
    drop
    drop
    drop
    local.get 10
    f64.const nan:0x4000000000000
    local.get 11
    call 0
  )
  (func (type 1) (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
  )
)
