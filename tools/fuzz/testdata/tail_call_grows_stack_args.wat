;; Written after the fix for optimizing_tail_call_needs_more_stack_args.wat,
;; whose generated module traps before it reaches its tail call: here the
;; tail calls run. $narrow (2 params, all in registers) tail-calls $wide
;; (12 params, several on the stack on x86-64), which tail-calls $narrow
;; back, 1,000 times, mixing the arguments so a misplaced stack argument
;; changes the result; return_call_indirect takes the same path. Every
;; tier must agree on the results.
;; call run 0x3e8 0x7
;; call run_indirect 0x3e8 0x7
;; call run 0x0 0x1
(module
  (type $narrow_t (func (param i32 i64) (result i64)))
  (type $wide_t (func (param i32 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64)))
  (table 2 2 funcref)
  (elem (i32.const 0) $narrow $wide)
  (func $narrow (type $narrow_t) (param $n i32) (param $acc i64) (result i64)
    (if (result i64) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else
        (return_call $wide
          (i32.sub (local.get $n) (i32.const 1))
          (local.get $acc)
          (i64.add (local.get $acc) (i64.const 1))
          (i64.add (local.get $acc) (i64.const 2))
          (i64.add (local.get $acc) (i64.const 3))
          (i64.add (local.get $acc) (i64.const 4))
          (i64.add (local.get $acc) (i64.const 5))
          (i64.add (local.get $acc) (i64.const 6))
          (i64.add (local.get $acc) (i64.const 7))
          (i64.add (local.get $acc) (i64.const 8))
          (i64.add (local.get $acc) (i64.const 9))
          (i64.add (local.get $acc) (i64.const 10))))))
  (func $wide (type $wide_t)
    (param $n i32) (param $a i64) (param $b i64) (param $c i64) (param $d i64) (param $e i64)
    (param $f i64) (param $g i64) (param $h i64) (param $i i64) (param $j i64) (param $k i64)
    (result i64)
    (return_call $narrow (local.get $n)
      (i64.xor
        (i64.mul (local.get $a) (i64.const 0x9e3779b97f4a7c15))
        (i64.add
          (i64.add (i64.mul (local.get $b) (i64.const 3)) (i64.mul (local.get $c) (i64.const 5)))
          (i64.add
            (i64.add (i64.mul (local.get $d) (i64.const 7)) (i64.mul (local.get $e) (i64.const 11)))
            (i64.add
              (i64.add (i64.mul (local.get $f) (i64.const 13)) (i64.mul (local.get $g) (i64.const 17)))
              (i64.add
                (i64.add (i64.mul (local.get $h) (i64.const 19)) (i64.mul (local.get $i) (i64.const 23)))
                (i64.add (i64.mul (local.get $j) (i64.const 29)) (i64.mul (local.get $k) (i64.const 31))))))))))
  (func $narrow_indirect (param $n i32) (param $acc i64) (result i64)
    (if (result i64) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else
        (return_call_indirect (type $wide_t)
          (i32.sub (local.get $n) (i32.const 1))
          (local.get $acc)
          (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4) (i64.const 5)
          (i64.const 6) (i64.const 7) (i64.const 8) (i64.const 9)
          (i64.add (local.get $acc) (i64.const 10))
          (i32.const 1)))))
  (func (export "run") (param i32 i64) (result i64)
    (call $narrow (local.get 0) (local.get 1)))
  (func (export "run_indirect") (param i32 i64) (result i64)
    (call $narrow_indirect (local.get 0) (local.get 1))))
