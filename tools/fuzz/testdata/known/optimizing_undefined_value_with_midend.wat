;; Divergence found by TestSweep (seed 11): the optimizing tier as the kiln
;; command wires it (compile.New(), mid-end on) fails to compile a valid
;; module: "regalloc: block 7: inst 47: use of v30i, which is never
;; defined". Without the mid-end it compiles, and the mid-end's output
;; passes the IR verifier and runs correctly in the IR interpreter (the
;; ir-optimized oracle agrees), so the IR is fine and the back end
;; (isa/amd64 lowering, probably an operand fused or sunk from another
;; block: compares into brif/select/trap, loads into compares) loses the
;; definition. Same message as the (fixed)
;; ../optimizing_load_merged_into_multiuse_condition.wat, but 58a5379 does
;; not fix this one: another rule. In the mid-end's output of this and
;; of one other instance (TestSweep seed 31) a trap or select condition
;; is an fcmp of a constant with itself (fcmp eq 0.0, 0.0; fcmp uno
;; sNaN, sNaN) whose value feeds several instructions, and
;; a float select; a rule that recomputes or fuses that condition at one
;; use may leave it undefined for another. Tier at fault: optimizing
;; (back end, with the mid-end's constant-operand compares).
;; signature regalloc: .*which is never defined
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
