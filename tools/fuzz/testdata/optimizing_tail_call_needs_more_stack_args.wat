;; Found by a 30-minute FuzzDifferential run (18m50s in): the optimizing
;; tier refuses this valid module ("unsupported on x86_64: tail call
;; needing more stack argument space than the caller received"), so it
;; drops out of the comparison. The baseline tier lowers such a tail call
;; as call + return. Fixed: the optimizing tier grows the incoming argument
;; area in the prologue and returns through a shim
;; (optimizing/isa/amd64/tailgrow.go); every tier runs it and agrees.
;; signature optimizing skipped a generated module: .*tail call needing more stack argument space
;; fuel 120
;; call f0 0x0 0x0 0x0
;; call f1 0x0 0x0 0x0 0x0 0x0 0x0 0x0
;; call f2 0x0 0x0
(module
  (type (func (param i64 i32) (result i64)))
  (type (func (param i32)))
  (type (func (param i64 i64 i64) (result i32)))
  (type (func (param i32 i32 i32 f32 i32 i32 i32) (result i32)))
  (type (func (param f32 i32) (result i32 i32 i32)))
  (type (func (param i32 f32) (result f64)))
  (import "env" "mix" (func (type 0) (param i64 i32) (result i64)))
  (import "env" "check" (func (type 1) (param i32)))
  (table 5 5 funcref)
  (memory 2 4)
  (global (mut i32) i32.const 120)
  (export "f0" (func 2))
  (export "f1" (func 3))
  (export "f2" (func 4))
  (export "tab" (table 0))
  (export "mem" (memory 0))
  (export "fuel" (global 0))
  (elem (table 0) (offset i32.const 1) func 4)
  (elem func 3 2 4)
  (func (type 2) (param i64 i64 i64) (result i32)
    (local f32)
    (local i32)
    (local f64)
    global.get 0
    i32.eqz
    if
      unreachable
    end
    global.get 0
    i32.const 1
    i32.sub
    global.set 0
    i64.const 65535
    i64.const 0
    i64.clz
    global.get 0
    i32.const 65535
    i32.eq
    call 0
    global.get 0
    i32.const 2
    call_indirect 0 (type 0) (param i64 i32) (result i64)
    i64.div_s
    f32.convert_i64_s
    drop
    nop
    i32.const 0
    i32.const -568057598
    i32.const -2147483648
    i32.const 65536
    f32.const nan:0x400000
    i32.const 31
    i32.const 65535
    global.get 0
    i32.const 7
    return_call_indirect 0 (type 3) (param i32 i32 i32 f32 i32 i32 i32) (result i32)
    block (type 5) (param i32 f32) (result f64)
      local.set 3
      local.set 4
      nop
      i32.const 0
      i32.const 0
      br_if 1
      drop
      f64.const 0x0p+00
    end
    f64.const 0x0p+00
    f64.max
    local.tee 5
    f64.const nan:0x8000000000000
    local.get 5
    local.get 5
    f64.eq
    select
    f64.nearest
    local.tee 5
    f64.const nan:0x8000000000000
    local.get 5
    local.get 5
    f64.eq
    select
    i64.trunc_sat_f64_s
    i64.const 0
    i64.const 0
    i32.const 0
    call_indirect 0 (type 2) (param i64 i64 i64) (result i32)
    drop
    nop
    i32.const 0
  )
  (func (type 3) (param i32 i32 i32 f32 i32 i32 i32) (result i32)
    global.get 0
    i32.eqz
    if
      unreachable
    end
    global.get 0
    i32.const 1
    i32.sub
    global.set 0
    i32.const 0
  )
  (func (type 4) (param f32 i32) (result i32 i32 i32)
    global.get 0
    i32.eqz
    if
      unreachable
    end
    global.get 0
    i32.const 1
    i32.sub
    global.set 0
    i32.const 0
    i32.const 0
    i32.const 0
  )
  (data (memory 0) (offset i32.const 30) "@v\ab\0c\08}O0\b8\8a\feC\cb\d0")
  (data (memory 0) (offset i32.const 131060) "\90\fd\97&a\a7\10\c9P!")
  (data "")
)
