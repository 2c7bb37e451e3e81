;; Mandelbrot set membership over an n x n grid: a float kernel.
;; Returns the number of points that stay bounded for 100 iterations.
(module
  (func (export "run") (param $n i32) (result i64)
    (local $px i32) (local $py i32) (local $it i32) (local $count i64)
    (local $cx f64) (local $cy f64) (local $x f64) (local $y f64) (local $t f64)
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $py) (local.get $n)))
        (local.set $cy (f64.sub
          (f64.div (f64.mul (f64.convert_i32_u (local.get $py)) (f64.const 3)) (f64.convert_i32_u (local.get $n)))
          (f64.const 1.5)))
        (local.set $px (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $px) (local.get $n)))
            (local.set $cx (f64.sub
              (f64.div (f64.mul (f64.convert_i32_u (local.get $px)) (f64.const 3)) (f64.convert_i32_u (local.get $n)))
              (f64.const 2)))
            (local.set $x (f64.const 0))
            (local.set $y (f64.const 0))
            (local.set $it (i32.const 0))
            (block $escaped
              (loop $iter
                (br_if $escaped (f64.gt (f64.add (f64.mul (local.get $x) (local.get $x)) (f64.mul (local.get $y) (local.get $y))) (f64.const 4)))
                (local.set $t (f64.add (f64.sub (f64.mul (local.get $x) (local.get $x)) (f64.mul (local.get $y) (local.get $y))) (local.get $cx)))
                (local.set $y (f64.add (f64.mul (f64.mul (f64.const 2) (local.get $x)) (local.get $y)) (local.get $cy)))
                (local.set $x (local.get $t))
                (local.set $it (i32.add (local.get $it) (i32.const 1)))
                (br_if $iter (i32.lt_u (local.get $it) (i32.const 100)))))
            (if (i32.ge_u (local.get $it) (i32.const 100))
              (then (local.set $count (i64.add (local.get $count) (i64.const 1)))))
            (local.set $px (i32.add (local.get $px) (i32.const 1)))
            (br $cols)))
        (local.set $py (i32.add (local.get $py) (i32.const 1)))
        (br $rows)))
    (local.get $count)))
