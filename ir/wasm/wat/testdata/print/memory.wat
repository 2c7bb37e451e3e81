;; Memories, data, atomics and SIMD.
(module
  (memory $m 1 2 shared)
  (memory $big i64 1)
  (data (memory $m) (i32.const 8) "hi\00\ff")
  (data $passive "\01\02")
  (func (export "f") (param i32) (result v128)
    (i32.atomic.rmw.add offset=4 (local.get 0) (i32.const 1))
    (drop)
    (memory.init $big $passive (i64.const 0) (i32.const 0) (i32.const 2))
    (data.drop $passive)
    (v128.store offset=16 align=8 (local.get 0) (v128.const f32x4 1 -2 inf nan))
    (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31
      (v128.load8_lane $big 3 (i64.const 0) (v128.load (local.get 0)))
      (i32x4.splat (i32.const 0x7fff_ffff)))
  )
)
