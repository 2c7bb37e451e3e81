;; Not a divergence: host calls through every tier's exit path, as
;; generated modules make them (env.mix returns a value computed from both
;; arguments; env.check(v) fails with a host error when v % 7 == 3), with
;; values live in registers across the call.
;; call f 0x1234 5
;; call f 0xffffffffffffffff 10
;; call f 7 3
(module
  (import "env" "mix" (func $mix (param i64 i32) (result i64)))
  (import "env" "check" (func $check (param i32)))
  (global $g (export "g1") (mut i64) (i64.const 0))
  (func (export "f") (param i64 i32) (result i64 i64)
    (local i64)
    (local.set 2 (i64.mul (local.get 0) (i64.const 3)))
    (global.set $g (call $mix (local.get 0) (local.get 1)))
    (call $check (local.get 1))
    (i64.add (local.get 2) (call $mix (global.get $g) (i32.const 1)))
    (local.get 2)))
