;; The guest of the AOT example: prints the first Fibonacci numbers through
;; a host function.
(module $fib
  (import "env" "print" (func $print (param i32 i32)))
  (func $fib (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "run") (param $n i32)
    (local $i i32)
    (loop $next
      (call $print (local.get $i) (call $fib (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))))
